// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SEEN_ATTRIBUTE, seenFeature } from '../../../lib/content/features/seen';
import { addToBucket, dayOf, idsInBucket, readBucket, SEEN_BUCKETS, seenKey, SeenStore, type StorageAreaLike } from '../../../lib/content/features/seen/seen-store';
import type { ReadingSettings } from '../../../lib/settings/reading';
import { fakeSetting, startOnDaily, TRIMMED_IDS, activeHarness } from './feature-harness';

// "Dim what I have already seen" (reading settings) and its compact store in storage.local.

const area = fakeBrowser.storage.local as unknown as StorageAreaLike;

describe('the seen store', () => {
  it('groups ids by the day they were first seen and keeps the first day', () => {
    const first = addToBucket({}, ['a', 'b'], 100);
    const second = addToBucket(first, ['b', 'c'], 101);
    expect(second).toEqual({ '100': 'a b', '101': 'c' });
    expect(addToBucket(second, ['a'], 102)).toBe(second); // nothing new: the same object, nothing to write
  });

  it('drops whole days, oldest first, past the cap, but never today', () => {
    let bucket = {};
    for (let day = 1; day <= 5; day++) bucket = addToBucket(bucket, [`d${day}a`, `d${day}b`], day, 6);
    expect(Object.keys(bucket)).toEqual(['3', '4', '5']);
    expect(addToBucket({}, ['x', 'y', 'z'], 9, 2)).toEqual({ '9': 'x y z' });
  });

  it('reads damaged values as empty, never throwing', () => {
    for (const raw of [undefined, null, 'text', [1, 2], { abc: 'x' }, { '12': 5 }]) expect(idsInBucket(readBucket(raw))).toEqual([]);
  });

  it('writes a batch in one set, and reads back every id', async () => {
    let writes = 0;
    const counting: StorageAreaLike = { get: (keys) => area.get(keys), set: (items) => (writes++, area.set(items)) };
    const store = new SeenStore(counting, 10_000, () => Date.UTC(2026, 9, 1));
    const ids = Array.from({ length: 500 }, (_, i) => `2609.${10000 + i}`);
    store.add(ids);
    store.add(ids.slice(0, 10));
    await store.flush();
    expect(writes).toBe(1);
    expect((await store.load()).size).toBe(500);
    const stored = await fakeBrowser.storage.local.get(Array.from({ length: SEEN_BUCKETS }, (_, b) => seenKey(b)));
    // Compact: about a dozen bytes per id.
    expect(JSON.stringify(stored).length).toBeLessThan(500 * 14);
    expect(Object.keys(readBucket(stored[seenKey(0)]))).toEqual([String(dayOf(Date.UTC(2026, 9, 1)))]);
  });
});

/** IntersectionObserver stand-in: the test says which targets are on screen. */
class FakeIntersectionObserver {
  static instances: FakeIntersectionObserver[] = [];
  readonly targets = new Set<Element>();
  constructor(private readonly callback: (entries: IntersectionObserverEntry[]) => void) {
    FakeIntersectionObserver.instances.push(this);
  }
  observe(target: Element) {
    this.targets.add(target);
  }
  unobserve(target: Element) {
    this.targets.delete(target);
  }
  disconnect() {
    this.targets.clear();
  }
  show(targets: Element[], ratio = 1) {
    this.callback(targets.map((target) => ({ target, isIntersecting: ratio > 0, intersectionRatio: ratio }) as IntersectionObserverEntry));
  }
}

afterEach(() => {
  FakeIntersectionObserver.instances = [];
});

async function visit(settings: ReadingSettings, store: SeenStore) {
  (window as unknown as { IntersectionObserver: unknown }).IntersectionObserver = FakeIntersectionObserver;
  const setting = fakeSetting(settings);
  const feature: { current?: ReturnType<typeof seenFeature> } = {};
  const harness = await startOnDaily((context) => [(feature.current = seenFeature(context, { setting, store, dwellMs: 20 }))]);
  await harness.settle();
  return { setting, feature: feature.current! };
}

const titleOf = (id: string) => document.querySelector(`[data-paperlight-id="${id}"]:not([data-paperlight-host]) h3`)!;
const dimmed = () => TRIMMED_IDS.filter((id) => document.querySelector(`[data-paperlight-id="${id}"]:not([data-paperlight-host])`)?.hasAttribute(SEEN_ATTRIBUTE));
/** The observer watching `target` (the scheduler has one of its own, for entries in view). */
const watching = (target: Element) => FakeIntersectionObserver.instances.find((observer) => observer.targets.has(target));
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('dimming entries seen on an earlier visit', () => {
  it('records entries whose title stayed on screen, and dims them on the next visit only', async () => {
    const store = new SeenStore(area, 0);
    await visit({ dimSeen: true }, store);
    const observer = watching(titleOf(TRIMMED_IDS[0]!))!;
    expect(observer.targets.size).toBe(3);
    observer.show([titleOf(TRIMMED_IDS[0]!)]);
    observer.show([titleOf(TRIMMED_IDS[1]!)]);
    await wait(5);
    observer.show([titleOf(TRIMMED_IDS[1]!)], 0); // scrolled past too quickly
    await wait(40);
    await store.flush();
    expect(dimmed()).toEqual([]); // not while still on the page
    expect([...(await store.load())]).toEqual([TRIMMED_IDS[0]]);

    activeHarness().controller.abort();
    await visit({ dimSeen: true }, store);
    expect(dimmed()).toEqual([TRIMMED_IDS[0]]);
  });

  it('counts an entry reached with the keyboard as seen', async () => {
    const store = new SeenStore(area, 0);
    const { feature } = await visit({ dimSeen: true }, store);
    feature.markSeen(TRIMMED_IDS[2]!);
    await store.flush();
    expect(await store.load()).toEqual(new Set([TRIMMED_IDS[2]]));
  });

  it('records nothing while the setting is off, and undims when it is turned off', async () => {
    const store = new SeenStore(area, 0);
    store.add([TRIMMED_IDS[1]!]);
    await store.flush();
    const { setting } = await visit({ dimSeen: false }, store);
    expect(watching(titleOf(TRIMMED_IDS[0]!))).toBeUndefined();
    expect(dimmed()).toEqual([]);
    setting.change({ dimSeen: true });
    await activeHarness().settle();
    expect(dimmed()).toEqual([TRIMMED_IDS[1]]);
    setting.change({ dimSeen: false });
    await activeHarness().settle();
    expect(dimmed()).toEqual([]);
  });
});
