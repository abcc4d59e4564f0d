// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { WATCH_ATTRIBUTE, watchFeature } from '../../../lib/content/features/watch';
import type { CountPort } from '../../../lib/content/features/watch/toolbar-count';
import { WATCH_MARK_TAG } from '../../../lib/content/features/watch/watch-mark';
import type { WatchSettings } from '../../../lib/watch/rules';
import { fakeSetting, startOnDaily, TRIMMED_IDS, activeHarness } from './feature-harness';


function fakePorts() {
  const sent: number[] = [];
  let connections = 0;
  let disconnects = 0;
  let drop: (() => void) | undefined;
  const connect = (): CountPort => {
    connections++;
    return {
      postMessage: ({ count }) => sent.push(count),
      disconnect: () => disconnects++,
      onDisconnect: { addListener: (listener) => (drop = listener) },
    };
  };
  return { connect, sent, connections: () => connections, disconnects: () => disconnects, workerStopped: () => drop?.() };
}

const diffusion: WatchSettings = { rules: [{ id: 'k', kind: 'keyword', value: 'diffusion', enabled: true }], dimOthers: false };

async function start(settings: WatchSettings) {
  const setting = fakeSetting(settings);
  const ports = fakePorts();
  const harness = await startOnDaily((context) => [watchFeature(context, { setting, connect: ports.connect, countDelayMs: 0 })]);
  await harness.settle();
  return { setting, ports, harness };
}

const state = (id: string) => document.querySelector(`[data-paperlight-id="${id}"]:not([data-paperlight-host])`)?.getAttribute(WATCH_ATTRIBUTE) ?? null;
const markText = (id: string) =>
  document.querySelector(`[data-paperlight-id="${id}"]:not([data-paperlight-host]) ${WATCH_MARK_TAG}`)?.shadowRoot?.querySelector('[data-paperlight-watch-mark]')?.textContent ?? '';

describe('watch rules on a listing', () => {
  it('marks the matching entry with the reason, next to its Paperlight row, and counts it on the toolbar', async () => {
    // FuseReg (the first card) is about diffusion latents; the other two cards never say "diffusion".
    const { ports } = await start(diffusion);
    expect(TRIMMED_IDS.map(state)).toEqual(['match', null, null]);
    expect(markText(TRIMMED_IDS[0]!)).toBe('◉ Watch: keyword “diffusion”');
    const mark = document.querySelector(WATCH_MARK_TAG)!;
    expect(mark.nextElementSibling?.hasAttribute('data-paperlight-host')).toBe(true);
    expect(ports.sent.at(-1)).toBe(1);
    expect(ports.connections()).toBe(1);
  });

  it('follows rule changes at once: another match, dimming the rest, no rules', async () => {
    const { setting, ports } = await start(diffusion);
    setting.change({
      rules: [...diffusion.rules, { id: 'a', kind: 'author', value: 'Randall Balestriero', enabled: true }, { id: 'r', kind: 'regex', value: 'track\\w*', enabled: true }],
      dimOthers: true,
    });
    await activeHarness().settle();
    expect(TRIMMED_IDS.map(state)).toEqual(['match', 'match', 'dimmed']);
    expect(markText(TRIMMED_IDS[0]!)).toContain('keyword “diffusion” · author “Randall Balestriero”');
    expect(markText(TRIMMED_IDS[1]!)).toMatch(/regex \/track\\w\*\/ matched “Track/);
    expect(ports.sent.at(-1)).toBe(2);

    setting.change({ rules: [], dimOthers: true });
    await activeHarness().settle();
    expect(TRIMMED_IDS.map(state)).toEqual([null, null, null]); // nothing to dim against
    expect(document.querySelector(WATCH_MARK_TAG)).toBeNull();
    expect(ports.sent.at(-1)).toBe(0);
  });

  it('never connects to the worker when nothing matches', async () => {
    const { ports } = await start({ rules: [{ id: 'x', kind: 'keyword', value: 'no such word here', enabled: true }], dimOthers: false });
    expect(ports.connections()).toBe(0);
  });

  it('puts the mark back after the site re-renders the entry, once', async () => {
    await start(diffusion);
    const root = document.querySelector(`[data-paperlight-id="${TRIMMED_IDS[0]}"]:not([data-paperlight-host])`)!;
    root.querySelector(WATCH_MARK_TAG)!.remove();
    await activeHarness().settle();
    expect(root.querySelectorAll(WATCH_MARK_TAG)).toHaveLength(1);
  });

  it('reconnects after the worker stopped, and clears the count when the script ends', async () => {
    const { setting, ports } = await start(diffusion);
    ports.workerStopped();
    setting.change({ ...diffusion, rules: [...diffusion.rules, { id: 'r', kind: 'regex', value: 'track\\w*', enabled: true }] });
    await activeHarness().settle();
    expect(ports.connections()).toBe(2);
    expect(ports.sent.at(-1)).toBe(2);
    activeHarness().controller.abort();
    expect(ports.disconnects()).toBe(1);
  });

  it('removes every mark and attribute when the entry leaves or the page state ends', async () => {
    const { ports } = await start({ ...diffusion, dimOthers: true });
    expect(ports.sent.at(-1)).toBe(1);
    const first = document.querySelector(`[data-paperlight-id="${TRIMMED_IDS[0]}"]:not([data-paperlight-host])`)!;
    first.remove();
    await activeHarness().settle();
    expect(ports.sent.at(-1)).toBe(0); // the matching entry left: the toolbar count follows
    expect(first.hasAttribute(WATCH_ATTRIBUTE)).toBe(false);
    expect(first.querySelector(WATCH_MARK_TAG)).toBeNull();
    activeHarness().paperlight.annotator.clear();
    expect(document.querySelectorAll(`[${WATCH_ATTRIBUTE}]`)).toHaveLength(0);
  });
});
