// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startPaperlight, type Paperlight } from '../../../lib/content/paperlight';
import { HOST_ATTRIBUTE } from '../../../lib/content/entry-ui';
import { showFixture } from '../sites/fixtures';
import { fakeBackground, fakeExtract, type FakeBackground } from './fakes';

const DAILY = 'hf_papers_daily_2026-09-28.html';
const FIRST = '2609.31620';

let controller: AbortController;
let background: FakeBackground;
let location: ((url: URL) => void) | undefined;

function setUrl(href: string) {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(href);
}

async function start(fixture: string, url = 'https://huggingface.co/papers', saved: string[] = []): Promise<Paperlight> {
  setUrl(url);
  showFixture(`huggingface/${fixture}`);
  background = fakeBackground(saved);
  const paperlight = startPaperlight({
    signal: controller.signal,
    request: background.request,
    onBroadcast: background.onBroadcast,
    extract: fakeExtract,
    onLocationChange: (listener) => (location = listener),
    warnAfterMs: 20,
  });
  await settle(paperlight);
  return paperlight;
}

/** Let observers, the time-sliced queue, status replies and Preact renders finish. */
async function settle(paperlight: Paperlight) {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await paperlight.whenIdle();
  }
  await new Promise((resolve) => setTimeout(resolve, 60)); // the sweep after removals runs 50 ms late
  await paperlight.whenIdle();
}

const hosts = () => [...document.querySelectorAll<HTMLElement>(`[${HOST_ATTRIBUTE}]`)];
const toggleOf = (host: Element) => host.shadowRoot!.querySelector<HTMLButtonElement>('[data-paperlight-action="save"]')!;
const hostOf = (id: string) => hosts().find((host) => host.getAttribute('data-paperlight-id') === id)!;
const cards = () => [...document.querySelectorAll('main article')];
/** The CSS a shadow root gets: a shared constructed stylesheet, or a <style> where that is unsupported. */
const shadowCss = (host: Element) => {
  const shadow = host.shadowRoot!;
  const adopted = (shadow.adoptedStyleSheets ?? []).flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText));
  return [...adopted, ...[...shadow.querySelectorAll('style')].map((style) => style.textContent)].join('\n');
};

beforeEach(() => {
  controller = new AbortController();
  location = undefined;
});
afterEach(() => {
  controller.abort();
  vi.restoreAllMocks();
});

describe('content script on the real Daily Papers capture', () => {
  it('gives every card one UI host, marks card and host with the id, and asks the saved state in one batch', async () => {
    await start(DAILY, 'https://huggingface.co/papers', [FIRST]);
    expect(hosts()).toHaveLength(28);
    const cardIds = cards().map((card) => card.getAttribute('data-paperlight-id'));
    expect(new Set(cardIds).size).toBe(28);
    for (const card of cards()) {
      const host = card.querySelector(`[${HOST_ATTRIBUTE}]`)!;
      expect(host.getAttribute('data-paperlight-id')).toBe(card.getAttribute('data-paperlight-id'));
      expect(host.closest('a')).toBeNull();
      expect(host.shadowRoot?.mode).toBe('open');
      expect(shadowCss(host)).toContain('all: initial');
      expect(shadowCss(host)).toContain('.pl-badge--benchmark');
    }
    // Asked in batches (not one message per card), each id once.
    const asked = background.calls.filter((call) => call.type === 'paper/status').map((call) => call.payload.ids as string[]);
    expect(asked.length).toBeLessThanOrEqual(3);
    expect(asked.flat().sort()).toEqual([...cardIds].sort());
    expect(toggleOf(hostOf(FIRST)).getAttribute('aria-pressed')).toBe('true');
    expect(toggleOf(hostOf('2609.30222')).getAttribute('aria-pressed')).toBe('false');
  });

  it('renders badges with the stable hooks, folded ones included, and the save toggle accessibly', async () => {
    await start(DAILY);
    const shadow = hostOf(FIRST).shadowRoot!;
    const badges = [...shadow.querySelectorAll('[data-paperlight-badge]')];
    const expected = fakeExtract({ title: cards()[0]!.querySelector('h3')!.textContent!.trim(), abstract: '' });
    expect(badges.length).toBeGreaterThan(1);
    for (const badge of badges) {
      expect(['benchmark', 'topic']).toContain(badge.getAttribute('data-kind'));
      expect(badge.getAttribute('data-value')).toBeTruthy();
    }
    expect(badges.filter((b) => b.getAttribute('data-kind') === 'topic').map((b) => b.getAttribute('data-value'))).toEqual(['evaluation']);
    expect(expected.topics).toHaveLength(1);
    const toggle = toggleOf(hostOf(FIRST));
    expect(toggle.localName).toBe('button');
    expect(toggle.getAttribute('aria-label')).toMatch(/^Save “FuseReg: Regularizing/);
    expect(toggle.tabIndex).toBe(0);
  });

  it('does not touch the card’s own content: removing our host gives back the captured markup', async () => {
    showFixture(`huggingface/${DAILY}`);
    const before = cards().map((card) => card.innerHTML);
    await start(DAILY);
    for (const host of hosts()) host.remove();
    expect(cards().map((card) => card.innerHTML)).toEqual(before);
  });

  it('keeps one host per card when a new copy of the script replaces the old one (extension updated)', async () => {
    await start(DAILY);
    // WXT invalidates the old copy when the new one starts; its UI goes, the new copy's comes.
    controller.abort();
    const next = new AbortController();
    const second = startPaperlight({ signal: next.signal, request: background.request, onBroadcast: background.onBroadcast, extract: fakeExtract });
    await settle(second);
    expect(hosts()).toHaveLength(28);
    for (const card of cards()) expect(card.querySelectorAll(`[${HOST_ATTRIBUTE}]`)).toHaveLength(1);
    next.abort();
  });

  it('replaces a host left behind by an old copy that could not clean up', async () => {
    setUrl('https://huggingface.co/papers');
    showFixture(`huggingface/${DAILY}`);
    const leftover = document.createElement('paperlight-entry');
    leftover.setAttribute(HOST_ATTRIBUTE, '');
    cards()[0]!.querySelector('h3')!.parentElement!.append(leftover);
    const paperlight = startPaperlight({ signal: controller.signal, request: fakeBackground().request, onBroadcast: fakeBackground().onBroadcast, extract: fakeExtract });
    await settle(paperlight);
    expect(leftover.isConnected).toBe(false);
    for (const card of cards()) expect(card.querySelectorAll(`[${HOST_ATTRIBUTE}]`)).toHaveLength(1);
  });

  it('puts the host back when the site re-renders a card’s content, without a second host', async () => {
    const paperlight = await start(DAILY);
    const card = cards()[2]!;
    const host = card.querySelector(`[${HOST_ATTRIBUTE}]`)!;
    const column = host.parentElement!;
    // Svelte re-rendering the column: our node is gone, the card's own nodes are new.
    column.innerHTML = column.innerHTML.replace(/<paperlight-entry[\s\S]*<\/paperlight-entry>/, '');
    expect(card.querySelector(`[${HOST_ATTRIBUTE}]`)).toBeNull();
    await settle(paperlight);
    expect(card.querySelectorAll(`[${HOST_ATTRIBUTE}]`)).toHaveLength(1);
    expect(card.querySelector(`[${HOST_ATTRIBUTE}]`)).toBe(host); // same UI, state kept
    expect(hosts()).toHaveLength(28);
  });

  it('follows a card element reused for another paper', async () => {
    const paperlight = await start(DAILY, 'https://huggingface.co/papers', ['2609.99999']);
    const card = cards()[0]!;
    for (const link of card.querySelectorAll(`a[href^="/papers/${FIRST}"]`)) {
      link.setAttribute('href', link.getAttribute('href')!.replace(FIRST, '2609.99999'));
    }
    card.querySelector('h3 a')!.textContent = 'A Different Paper About Agents';
    await settle(paperlight);
    expect(card.getAttribute('data-paperlight-id')).toBe('2609.99999');
    const host = card.querySelector(`[${HOST_ATTRIBUTE}]`)!;
    expect(card.querySelectorAll(`[${HOST_ATTRIBUTE}]`)).toHaveLength(1);
    expect(host.getAttribute('data-paperlight-id')).toBe('2609.99999');
    expect(toggleOf(host).getAttribute('aria-label')).toBe('Saved “A Different Paper About Agents”');
    expect(toggleOf(host).getAttribute('aria-pressed')).toBe('true');
    expect(document.querySelectorAll(`[data-paperlight-id="${FIRST}"]`)).toHaveLength(0);
  });

  it('annotates a card the site replaces with a new element, and drops the old UI', async () => {
    const paperlight = await start(DAILY);
    const old = cards()[1]!;
    const oldHost = old.querySelector(`[${HOST_ATTRIBUTE}]`)!;
    oldHost.remove();
    const fresh = old.cloneNode(true) as Element;
    fresh.removeAttribute('data-paperlight-id');
    old.replaceWith(fresh);
    await settle(paperlight);
    expect(fresh.querySelectorAll(`[${HOST_ATTRIBUTE}]`)).toHaveLength(1);
    expect(hosts()).toHaveLength(28);
    expect(paperlight.annotator.size).toBe(28);
  });

  it('annotates cards added later (weekly view, search results swapped in)', async () => {
    const paperlight = await start(DAILY);
    const grid = cards()[0]!.parentElement!;
    const added = cards()[0]!.cloneNode(true) as Element;
    added.querySelector(`[${HOST_ATTRIBUTE}]`)!.remove();
    for (const link of added.querySelectorAll(`a[href^="/papers/${FIRST}"]`)) link.setAttribute('href', '/papers/2609.88888');
    grid.append(added);
    await settle(paperlight);
    expect(added.getAttribute('data-paperlight-id')).toBe('2609.88888');
    expect(hosts()).toHaveLength(29);
    // Not in the (server-written) JSON: read from the card, without an abstract.
    expect(background.calls.some((c) => c.type === 'paper/status' && (c.payload.ids as string[]).includes('2609.88888'))).toBe(true);
  });
});

describe('saving from the page', () => {
  it('saves with one click (pending, then saved) and sends the paper with its extraction', async () => {
    const paperlight = await start(DAILY);
    const toggle = toggleOf(hostOf(FIRST));
    toggle.click();
    await Promise.resolve();
    await new Promise((resolve) => setTimeout(resolve, 0));
    const save = background.calls.find((call) => call.type === 'paper/save')!;
    const paper = save.payload.paper as { id: string; abstract: string; topics: string[]; benchmarks: string[]; authors: string[] };
    expect(paper.id).toBe(FIRST);
    expect(paper.authors).toHaveLength(16);
    expect(paper.abstract).toMatch(/^Representation autoencoders/);
    expect(paper.topics).toEqual(['evaluation']);
    expect(paper.benchmarks.length).toBeGreaterThan(0);
    await settle(paperlight);
    expect(toggleOf(hostOf(FIRST)).getAttribute('aria-pressed')).toBe('true');
    expect(toggleOf(hostOf(FIRST)).getAttribute('data-state')).toBe('saved');
  });

  it('shows a failed save as failed with the reason on hover, not as saved', async () => {
    const paperlight = await start(DAILY);
    background.failWith = 'Paperlight’s background worker did not answer (no reply).';
    toggleOf(hostOf(FIRST)).click();
    await settle(paperlight);
    const toggle = toggleOf(hostOf(FIRST));
    expect(toggle.getAttribute('data-state')).toBe('error');
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    expect(toggle.getAttribute('title')).toContain('did not answer');
    expect(toggle.textContent).toContain('Save failed');
  });

  it('updates every toggle of a paper when another tab saves or removes it', async () => {
    const paperlight = await start(DAILY);
    background.broadcast({ id: '2609.31590', saved: true });
    await settle(paperlight);
    expect(toggleOf(hostOf('2609.31590')).getAttribute('aria-pressed')).toBe('true');
    background.broadcast({ id: '2609.31590', saved: false });
    await settle(paperlight);
    expect(toggleOf(hostOf('2609.31590')).getAttribute('aria-pressed')).toBe('false');
  });

  it('keeps clicks in our row away from the page’s own handlers', async () => {
    await start(DAILY);
    const pageHandler = vi.fn();
    cards()[0]!.addEventListener('click', pageHandler);
    document.addEventListener('keydown', pageHandler);
    const toggle = toggleOf(hostOf(FIRST));
    toggle.click();
    toggle.dispatchEvent(new KeyboardEvent('keydown', { key: '/', bubbles: true, composed: true }));
    expect(pageHandler).not.toHaveBeenCalled();
    document.removeEventListener('keydown', pageHandler);
  });
});

describe('page state', () => {
  it('follows the site’s dark theme, also when it changes', async () => {
    const paperlight = await start(DAILY);
    expect(hosts().every((host) => host.getAttribute('data-theme') === 'light')).toBe(true);
    document.documentElement.classList.add('dark');
    await settle(paperlight);
    expect(hosts().every((host) => host.getAttribute('data-theme') === 'dark')).toBe(true);
  });

  it('removes its UI on client-side navigation to an unsupported page, and annotates again on return', async () => {
    const paperlight = await start(DAILY);
    location!(new URL('https://huggingface.co/papers/submit'));
    await settle(paperlight);
    expect(hosts()).toHaveLength(0);
    expect(document.querySelectorAll('[data-paperlight-id]')).toHaveLength(0);
    expect(paperlight.adapter).toBeUndefined();
    location!(new URL('https://huggingface.co/papers/week/2026-W39'));
    await settle(paperlight);
    expect(hosts()).toHaveLength(28);
  });

  it('keeps the UI of entries that survive a client-side navigation (no second host)', async () => {
    const paperlight = await start(DAILY);
    const before = hosts();
    location!(new URL('https://huggingface.co/papers?q=agents'));
    await settle(paperlight);
    expect(hosts()).toEqual(before);
  });

  it('removes everything when the content script is invalidated (extension updated)', async () => {
    await start(DAILY);
    controller.abort();
    expect(hosts()).toHaveLength(0);
    expect(document.querySelectorAll('[data-paperlight-id]')).toHaveLength(0);
  });

  it('annotates the single paper page below its title', async () => {
    await start('hf_paper_page_2609.31620.constructed.html', `https://huggingface.co/papers/${FIRST}`);
    expect(hosts()).toHaveLength(1);
    expect(hostOf(FIRST).previousElementSibling?.localName).toBe('h1');
    expect(document.querySelector('section[data-paperlight-id]')?.getAttribute('data-paperlight-id')).toBe(FIRST);
  });

  it('leaves a page with unknown markup untouched and says so once in the console', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    setUrl('https://huggingface.co/papers');
    showFixture('huggingface/hf_papers_unknown-layout.html');
    const before = document.documentElement.outerHTML;
    await start('hf_papers_unknown-layout.html');
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(document.documentElement.outerHTML).toBe(before);
    expect(warn).toHaveBeenCalledOnce();
    expect(String(warn.mock.calls[0]![0])).toMatch(/no paper entries recognised on this huggingface page/);
    expect(background.calls).toEqual([]);
  });

  it('does nothing at all on a URL no adapter supports', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const paperlight = await start(DAILY, 'https://huggingface.co/models');
    expect(paperlight.adapter).toBeUndefined();
    expect(hosts()).toHaveLength(0);
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(warn).not.toHaveBeenCalled();
  });
});
