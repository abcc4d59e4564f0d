// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SyncStatusView } from '../../../components/options/SyncSection';
import { WatchRulesSection } from '../../../components/options/WatchRulesSection';
import { watchSetting } from '../../../lib/settings/watch';
import { EMPTY_SYNC_STATUS } from '../../../lib/sync/status';

// The options page's watch rules (and what it says about sync), rendered over fakeBrowser storage.

let container: HTMLElement;
beforeEach(() => {
  container = document.body.appendChild(document.createElement('div'));
});
afterEach(() => {
  render(null, container);
  container.remove();
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
const $ = <T extends Element>(selector: string) => container.querySelector<T>(selector)!;

/** Render the section and wait until it has read its setting. */
async function renderSection() {
  render(<WatchRulesSection />, container);
  await vi.waitFor(() => expect(container.querySelector('[data-paperlight-watch-form]')).not.toBeNull());
}

async function type(value: string) {
  const input = $<HTMLInputElement>('[data-paperlight-watch-value]');
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await settle();
}

async function choose(kind: string) {
  const select = $<HTMLSelectElement>('[data-paperlight-watch-kind]');
  select.value = kind;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await settle();
}

async function add() {
  $<HTMLButtonElement>('[data-paperlight-watch-add]').click();
  await settle();
}

describe('watch rules on the options page', () => {
  it('explains a bad regular expression as it is typed, and does not store it', async () => {
    await renderSection();
    await choose('regex');
    await type('(a|b');
    expect($('[data-paperlight-watch-problem]').textContent).toBe('This is not a valid regular expression: missing closing ): `(a|b`.');
    expect($('[data-paperlight-watch-value]').getAttribute('aria-invalid')).toBe('true');
    await add();
    expect((await watchSetting.get()).rules).toEqual([]);
  });

  it('stores a rule, shows it, and removes it', async () => {
    await renderSection();
    await choose('author');
    await type('Yann LeCun');
    await add();
    await vi.waitFor(async () => expect((await watchSetting.get()).rules).toMatchObject([{ kind: 'author', value: 'Yann LeCun', enabled: true }]));
    expect(container.querySelectorAll('[data-paperlight-watch-rule]')).toHaveLength(1);
    $<HTMLButtonElement>('[data-paperlight-watch-rule] button').click();
    await vi.waitFor(async () => expect((await watchSetting.get()).rules).toEqual([]));
  });

  it('says which stored rule is skipped and why', async () => {
    await watchSetting.set({ rules: [{ id: 'r1', kind: 'regex', value: 'x(?!y)', enabled: true }], dimOthers: false });
    await renderSection();
    expect($('[data-paperlight-watch-rule="r1"]').textContent).toMatch(/This rule is skipped: Look-ahead and look-behind/);
  });
});

describe('the sync status on the options page', () => {
  it('says what is synced and what stays in this browser', () => {
    render(
      <SyncStatusView
        status={{ ...EMPTY_SYNC_STATUS, state: 'idle', lastSyncedAt: 0, papers: { local: 1500, synced: 900, withDetails: 350 }, highlights: { local: 10, synced: 10 }, bytes: 99_000 }}
      />,
      container,
    );
    expect($('[data-paperlight-sync-papers]').textContent).toBe(
      '900 of 1500 synced, 550 of them without their titles (other browsers fill them in when the paper is seen again)',
    );
    expect($('[data-paperlight-sync-local-only]').textContent).toContain('600 older saved papers');
  });
});
