import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LOCAL_CHANGE_DELAY_MS, MIN_WRITE_INTERVAL_MS, REMOTE_CHANGE_DELAY_MS, SyncEngine } from '../../../lib/sync/engine';
import { SyncState } from '../../../lib/sync/state';
import { manualClock, MemoryLibrary, quotaArea, type RawArea } from './fakes';

/** Timers the test fires by hand, with the manual clock. */
function fakeTimers(clock: ReturnType<typeof manualClock>) {
  let timers: { due: number; run: () => void; id: number }[] = [];
  let next = 0;
  return {
    setTimer: (run: () => void, ms: number) => {
      const id = ++next;
      timers.push({ due: clock.now() + ms, run, id });
      return id;
    },
    clearTimer: (id: unknown) => {
      timers = timers.filter((timer) => timer.id !== id);
    },
    pending: () => timers.map((timer) => timer.due - clock.now()),
    /** Move the clock to the next timer and fire it; resolves once its run has settled. */
    async fireNext(engine: SyncEngine) {
      timers.sort((a, b) => a.due - b.due);
      const timer = timers.shift();
      if (!timer) throw new Error('no timer');
      clock.advance(Math.max(0, timer.due - clock.now()));
      timer.run();
      await engine.runNow();
    },
  };
}

function setup(options: { writesPerMinute?: number; enabled?: boolean } = {}) {
  const clock = manualClock();
  const timers = fakeTimers(clock);
  const library = new MemoryLibrary(clock.now);
  const sync = quotaArea(fakeBrowser.storage.sync as unknown as RawArea, { clock: clock.now, writesPerMinute: options.writesPerMinute });
  const state = new SyncState(fakeBrowser.storage.local as unknown as ConstructorParameters<typeof SyncState>[0]);
  let runs = 0;
  const engine = new SyncEngine({
    sync,
    local: library,
    state,
    now: clock.now,
    isEnabled: async () => options.enabled ?? true,
    setTimer: timers.setTimer,
    clearTimer: timers.clearTimer,
    onRun: () => runs++,
  });
  return { clock, timers, library, sync, state, engine, runs: () => runs };
}

describe('when sync runs', () => {
  it('makes one run of a burst of local changes', async () => {
    const { engine, timers, library, runs, sync } = setup();
    for (const id of ['a', 'b', 'c']) {
      library.save(id);
      await engine.localChange({});
    }
    expect(timers.pending()).toEqual([LOCAL_CHANGE_DELAY_MS]);
    await timers.fireNext(engine);
    expect(runs()).toBe(1);
    expect(sync.writes).toBe(1);
  });

  it('records a removal at once, before the run (the worker may stop meanwhile)', async () => {
    const { engine, state, clock } = setup();
    await engine.localChange({ paperRemoved: '2609.31620' });
    expect(await state.removals()).toEqual(new Map([['p2609.31620', clock.now()]]));
    await engine.localChange({ highlightRemoved: 'h-1' });
    expect((await state.removals()).has('hh-1')).toBe(true);
  });

  it('ignores the echo of its own writes, and runs soon after another browser’s', async () => {
    const { engine, timers, library } = setup();
    library.save('a');
    await engine.runNow();
    const written = await fakeBrowser.storage.sync.get(null);
    engine.remoteChange(Object.fromEntries(Object.entries(written).map(([key, value]) => [key, { newValue: value }])));
    expect(timers.pending()).toEqual([]);
    engine.remoteChange({ 'pl1:b7': { newValue: [['pother', 'abc', 'abc', '', 0, '', '', '']] } });
    // Not before the minimum interval after our own write.
    expect(timers.pending()).toEqual([MIN_WRITE_INTERVAL_MS]);
    expect(REMOTE_CHANGE_DELAY_MS).toBeLessThan(MIN_WRITE_INTERVAL_MS);
  });

  it('waits out the browser’s write limit before trying again', async () => {
    const { engine, timers, library, clock, runs } = setup({ writesPerMinute: 1 });
    library.save('a');
    await engine.runNow();
    clock.advance(MIN_WRITE_INTERVAL_MS);
    library.edit('a', { tags: ['t'] });
    await engine.runNow(); // refused: one write a minute
    expect(timers.pending()).toEqual([60_000]);
    await engine.localChange({});
    expect(timers.pending()).toEqual([60_000]); // a change meanwhile does not bring it forward
    await timers.fireNext(engine);
    expect(runs()).toBe(3);
    const stored = JSON.stringify(await fakeBrowser.storage.sync.get(null));
    expect(stored).toContain('t|');
  });

  it('does nothing while sync is off, and says so when turned off', async () => {
    const { engine, library, sync, state } = setup({ enabled: false });
    library.save('a');
    await engine.runNow();
    expect(sync.writes).toBe(0);
    await engine.stop();
    expect((await fakeBrowser.storage.local.get('sync:status'))['sync:status']).toMatchObject({ state: 'off' });
    expect(await state.removals()).toEqual(new Map());
  });
});
