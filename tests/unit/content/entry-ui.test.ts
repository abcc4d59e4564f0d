// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EntryUi, HOST_ATTRIBUTE } from '../../../lib/content/entry-ui';
import { LibraryState } from '../../../lib/content/library-state';
import { fakeBackground, fakeExtract } from './fakes';

const paper = { id: '2609.31620', site: 'huggingface', url: 'https://huggingface.co/papers/2609.31620', title: 'FuseReg', authors: [], abstract: '' };

afterEach(() => vi.unstubAllGlobals());

function library() {
  const background = fakeBackground();
  return new LibraryState(background.request, background.onBroadcast, new AbortController().signal);
}

describe('EntryUi', () => {
  it('builds an isolated host: reset inline, open shadow root, hooks, theme', () => {
    const ui = new EntryUi(document, library(), 'dark');
    ui.show(paper, fakeExtract(paper));
    expect(ui.host.localName).toBe('paperlight-entry');
    expect(ui.host.hasAttribute(HOST_ATTRIBUTE)).toBe(true);
    expect(ui.host.getAttribute('data-paperlight-id')).toBe(paper.id);
    expect(ui.host.getAttribute('data-theme')).toBe('dark');
    expect(ui.host.style.cssText).toContain('all: initial');
    expect(ui.host.children).toHaveLength(0); // nothing in the page's light DOM
    expect(ui.host.shadowRoot!.querySelector('[data-paperlight-action="save"]')).not.toBeNull();
    ui.setTheme('light');
    expect(ui.host.getAttribute('data-theme')).toBe('light');
    document.body.append(ui.host);
    ui.destroy();
    expect(ui.host.isConnected).toBe(false);
    expect(ui.host.shadowRoot!.querySelector('[data-paperlight-action="save"]')).toBeNull();
  });

  it('falls back to a <style> element where constructed stylesheets are unavailable', () => {
    vi.stubGlobal(
      'CSSStyleSheet',
      class {
        replaceSync() {
          throw new Error('not supported in this world');
        }
      },
    );
    const doc = document.implementation.createHTMLDocument('other'); // its own stylesheet cache entry
    const ui = new EntryUi(doc, library(), 'light');
    const style = ui.host.shadowRoot!.querySelector('style');
    expect(style?.textContent).toContain(':host { all: initial; display: block; }');
  });
});
