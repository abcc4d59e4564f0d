// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HOST_ATTRIBUTE } from '../../../lib/content/entry-ui';
import { STORM_RECORDS } from '../../../lib/content/observe';
import { startPaperlight, type Paperlight, type PaperlightOptions } from '../../../lib/content/paperlight';
import { sitesSetting } from '../../../lib/settings/sites';
import { showFixture } from '../sites/fixtures';
import { typesetLikeMathJax2 } from '../sites/mathjax';
import { fakeBackground, fakeExtract } from './fakes';

// Issue 4 in the content script: the arXiv /new listing (60 entries) with the real adapter, deferred
// placement of the entries out of view, sites switched off, and MathJax's mutation storms.

const NEW = 'arxiv/arxiv_list_cs.LG_new_60.rendered.html';
const ENTRIES = 60;
let controller: AbortController;

function setUrl(href: string) {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(href);
}

async function settle(paperlight: Paperlight) {
  for (let i = 0; i < 4; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await paperlight.whenIdle();
  }
  await new Promise((resolve) => setTimeout(resolve, 200)); // storm quiet time, sweep
  await paperlight.whenIdle();
}

function start(options: Partial<PaperlightOptions> = {}, url = 'https://arxiv.org/list/cs.LG/new'): Paperlight {
  setUrl(url);
  const background = fakeBackground();
  return startPaperlight({
    signal: controller.signal,
    request: background.request,
    onBroadcast: background.onBroadcast,
    extract: fakeExtract,
    warnAfterMs: 50,
    ...options,
  });
}

const hosts = () => [...document.querySelectorAll<HTMLElement>(`[${HOST_ATTRIBUTE}]`)];
const entries = () => [...document.querySelectorAll('#dlpage dd')];

beforeEach(() => {
  controller = new AbortController();
  showFixture(NEW);
});
afterEach(() => {
  controller.abort();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('arXiv /new in the content script', () => {
  it('gives every entry one UI, before its abstract, outside MathJax', async () => {
    const paperlight = start();
    await settle(paperlight);
    expect(paperlight.adapter?.name).toBe('arxiv-listing');
    expect(hosts()).toHaveLength(ENTRIES);
    for (const dd of entries()) {
      const host = dd.querySelector(`[${HOST_ATTRIBUTE}]`)!;
      expect(host.getAttribute('data-paperlight-id')).toBe(dd.getAttribute('data-paperlight-id'));
      expect(host.closest('.mathjax')).toBeNull();
      expect(host.nextElementSibling?.matches('p.mathjax')).toBe(true);
    }
  });

  it('places the UIs of entries out of view in batches, those in view first', async () => {
    // The viewport shows the first three entries (an IntersectionObserver that says so).
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        constructor(private readonly report: (entries: { target: Element; isIntersecting: boolean }[]) => void) {}
        observe(target: Element) {
          const inView = entries().indexOf(target) < 3;
          queueMicrotask(() => this.report([{ target, isIntersecting: inView }]));
        }
        unobserve() {}
        disconnect() {}
      },
    );
    const frames: (() => void)[] = [];
    const placedAt: string[] = [];
    const paperlight = start({ placementBatch: 10, nextFrame: (callback) => frames.push(callback), scheduler: { budgetMs: 1000 } });
    new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) if ((n as Element).localName === 'paperlight-entry') placedAt.push((n as Element).getAttribute('data-paperlight-id')!);
    }).observe(document.body, { childList: true, subtree: true });
    // Run the frames as they are asked for, one batch each.
    let framesRun = 0;
    const runFrames = async () => {
      while (frames.length > 0) {
        frames.shift()!();
        framesRun++;
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    };
    const idle = paperlight.whenIdle();
    for (let i = 0; i < 20; i++) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      await runFrames();
    }
    await idle;
    await settle(paperlight);
    expect(hosts()).toHaveLength(ENTRIES);
    expect(new Set(placedAt).size).toBe(ENTRIES);
    const firstThree = entries().slice(0, 3).map((dd) => dd.getAttribute('data-paperlight-id'));
    expect(placedAt.slice(0, 3).sort()).toEqual([...firstThree].sort());
    expect(framesRun).toBeGreaterThanOrEqual(Math.floor((ENTRIES - 3) / 10)); // one batch of 10 per frame
  });

  it('reads the same papers and keeps one UI per entry through a MathJax mutation storm', async () => {
    const paperlight = start();
    await settle(paperlight);
    const ids = hosts().map((h) => h.getAttribute('data-paperlight-id'));
    const titlesBefore = paperlight.annotator.entries().map((e) => e.paper.title);
    // Typeset every title and abstract, then churn far more nodes than a storm's threshold in one task.
    for (const dd of entries()) {
      typesetLikeMathJax2(dd.querySelector('.list-title')!);
      typesetLikeMathJax2(dd.querySelector('p.mathjax')!);
    }
    const scratch = entries()[5]!.querySelector('p.mathjax')!;
    for (let i = 0; i < STORM_RECORDS + 100; i++) scratch.append(document.createElement('span'));
    await settle(paperlight);
    expect(hosts().map((h) => h.getAttribute('data-paperlight-id'))).toEqual(ids);
    expect(paperlight.annotator.entries().map((e) => e.paper.title)).toEqual(titlesBefore);
  });

  it('says once in the console when an arXiv listing has entries it cannot read', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    for (const dt of document.querySelectorAll('#dlpage dt')) dt.replaceChildren('[?]');
    const paperlight = start();
    await settle(paperlight);
    expect(hosts()).toHaveLength(0);
    const warnings = warn.mock.calls.filter((call) => String(call[0]).includes('no paper entries recognised'));
    expect(warnings).toHaveLength(1);
    expect(String(warnings[0]![0])).toContain('arxiv-listing');
  });
});

describe('sites switched off on the options page', () => {
  it('leaves a switched-off site alone, and follows the setting live', async () => {
    await sitesSetting.set({ disabled: ['arxiv'], extraHosts: [] });
    const paperlight = start();
    await settle(paperlight);
    expect(paperlight.adapter).toBeUndefined();
    expect(hosts()).toHaveLength(0);

    await sitesSetting.set({ disabled: [], extraHosts: [] });
    await settle(paperlight);
    expect(paperlight.adapter?.name).toBe('arxiv-listing');
    expect(hosts()).toHaveLength(ENTRIES);

    await sitesSetting.set({ disabled: ['arxiv', 'openreview'], extraHosts: [] });
    await settle(paperlight);
    expect(hosts()).toHaveLength(0);
    expect(document.querySelectorAll('[data-paperlight-id]')).toHaveLength(0);
  });

  it('switching off another site changes nothing here', async () => {
    await sitesSetting.set({ disabled: ['huggingface', 'google-scholar'], extraHosts: [] });
    const paperlight = start();
    await settle(paperlight);
    expect(hosts()).toHaveLength(ENTRIES);
  });
});

describe('a mirror (a host no adapter claims)', () => {
  it('is annotated when its pages are built like a supported site’s', async () => {
    const paperlight = start({}, 'https://arxiv-mirror.example.edu/list/cs.LG/new');
    await settle(paperlight);
    expect(paperlight.adapter?.name).toBe('arxiv-listing');
    expect(hosts()).toHaveLength(ENTRIES);
    // Same identity and canonical link as on arXiv itself.
    expect(paperlight.annotator.entries()[0]!.paper.url).toBe('https://arxiv.org/abs/2609.31620');
  });

  it('is left alone when its pages are built like nothing we know', async () => {
    document.body.innerHTML = '<main><h1>Mirror index</h1><ul><li>cs</li></ul></main>';
    const paperlight = start({}, 'https://arxiv-mirror.example.edu/');
    await settle(paperlight);
    expect(paperlight.adapter).toBeUndefined();
  });
});
