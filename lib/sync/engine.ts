/**
 * When sync runs (./run.ts does one run): a while after local changes (so a triage session of many saves
 * is one write), soon after another browser's changes arrive, once when the worker starts, and never more
 * often than MIN_WRITE_INTERVAL_MS nor before the browser's write limit has passed (storage.sync allows
 * 120 writes a minute and 1,800 an hour; each run writes at most twice). One run at a time; a change
 * during a run schedules another.
 */
import type { RunDeps, RunResult } from './run';
import { runSync } from './run';
import { EMPTY_SYNC_STATUS } from './status';
import { isSyncKey } from './pack';
import { paperKey, highlightKey } from './records';

export const LOCAL_CHANGE_DELAY_MS = 3_000;
export const REMOTE_CHANGE_DELAY_MS = 1_000;
export const STARTUP_DELAY_MS = 5_000;
export const MIN_WRITE_INTERVAL_MS = 6_000;

export interface SyncEngineOptions extends Omit<RunDeps, 'onWrite'> {
  isEnabled(): Promise<boolean>;
  /** Timers (tests: fake ones). */
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
  /** After each run (tests, logging). */
  onRun?: (result: RunResult) => void;
}

export class SyncEngine {
  private timer: unknown;
  private timerDue = Infinity;
  private running: Promise<void> | undefined;
  private again = false;
  /** No run before this time (write interval, browser's rate limit). */
  private notBefore = 0;
  /** The text of the items we last wrote: their change events are ours, not another browser's. */
  private readonly ownWrites = new Map<string, string | undefined>();
  private stopped = false;

  constructor(private readonly options: SyncEngineOptions) {}

  /** Run after `delayMs` (or earlier if already due sooner), not before the write interval allows. */
  schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    const now = this.options.now();
    const due = Math.max(now + delayMs, this.notBefore);
    if (due >= this.timerDue) return;
    this.clear();
    this.timerDue = due;
    const setTimer = this.options.setTimer ?? ((run, ms) => setTimeout(run, ms));
    this.timer = setTimer(() => {
      this.timer = undefined;
      this.timerDue = Infinity;
      void this.runNow();
    }, due - now);
  }

  /** A paper or highlight was changed in this browser. A removal is recorded at once (the worker may stop). */
  async localChange(change: { paperRemoved?: string; highlightRemoved?: string }): Promise<void> {
    if (this.stopped || !(await this.options.isEnabled())) return;
    const at = this.options.now();
    if (change.paperRemoved) await this.options.state.recordRemoval(paperKey(change.paperRemoved), at);
    if (change.highlightRemoved) await this.options.state.recordRemoval(highlightKey(change.highlightRemoved), at);
    this.schedule(LOCAL_CHANGE_DELAY_MS);
  }

  /** storage.onChanged for the 'sync' area: another browser's write, or the echo of our own. */
  remoteChange(changes: Record<string, { newValue?: unknown }>): void {
    const ours = Object.entries(changes).every(([key, change]) => {
      if (!isSyncKey(key)) return true;
      if (!this.ownWrites.has(key)) return false;
      const text = change.newValue === undefined ? undefined : JSON.stringify(change.newValue);
      return this.ownWrites.get(key) === text;
    });
    if (!ours) this.schedule(REMOTE_CHANGE_DELAY_MS);
  }

  /** Run now (or right after the current run). */
  runNow(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.runOnce().finally(() => {
      this.running = undefined;
      if (this.again && !this.stopped) {
        this.again = false;
        this.schedule(0);
      }
    });
    return this.running;
  }

  /** Sync turned off: no more runs; the status says so. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.clear();
    await this.running;
    await this.options.state.saveStatus({ ...EMPTY_SYNC_STATUS, state: 'off' });
  }

  /** Sync turned (back) on. */
  start(delayMs = 0): void {
    this.stopped = false;
    this.schedule(delayMs);
  }

  private async runOnce(): Promise<void> {
    if (!(await this.options.isEnabled())) return;
    let result: RunResult;
    try {
      result = await runSync({ ...this.options, onWrite: (written) => this.rememberWrites(written) });
    } catch (error) {
      // Reading the library or sync storage failed: try again a bit later, say so in the status.
      console.warn('Paperlight: sync failed', error);
      this.notBefore = this.options.now() + 60_000;
      await this.options.state
        .saveStatus({ ...EMPTY_SYNC_STATUS, state: 'error', message: `Sync failed: ${error instanceof Error ? error.message : String(error)}` })
        .catch(() => {});
      this.schedule(60_000);
      return;
    }
    this.options.onRun?.(result);
    const now = this.options.now();
    if (!result.ok && result.failure.kind === 'rate') {
      this.notBefore = now + result.failure.waitMs;
      this.schedule(result.failure.waitMs);
    } else if (result.ok && result.wrote) {
      this.notBefore = now + MIN_WRITE_INTERVAL_MS;
    }
  }

  private rememberWrites(written: Record<string, string | undefined>): void {
    for (const [key, text] of Object.entries(written)) this.ownWrites.set(key, text);
  }

  private clear(): void {
    if (this.timer !== undefined) (this.options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>)))(this.timer);
    this.timer = undefined;
    this.timerDue = Infinity;
  }
}
