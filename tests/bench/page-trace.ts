/**
 * Reading a Chromium performance trace of one page load: the tasks of the page's main thread, and how much
 * of each was the extension's own code (issue 4: "no task the extension runs on the main thread over 50 ms").
 *
 * Attribution: a task (`RunTask` on the page's renderer main thread) contains script events
 * (`FunctionCall`, `EvaluateScript`, `v8.compile`...) that name the script they run. Those naming a
 * `chrome-extension://` URL are ours: the content script's start, its MutationObserver callbacks, the
 * time-sliced queue's slices, message replies. The content script's ES module (modules/content-module.ts)
 * is compiled (`v8.compileModule`, URL named) and evaluated (`v8.evaluateModule`, which names the world it
 * runs in, not the URL: an extension's isolated world carries a name, the page's main world none; the
 * benchmark loads no other extension). Code that runs as a promise continuation (after `await`: the
 * time-sliced queue's slices, the extractor's build, replies from the worker) shows in no such event, only
 * as `RunMicrotasks`: the microtasks of a task that ran any of our code, or that continued a
 * `scheduler.yield()` (arXiv's page never calls it), count as ours (an overestimate when the page's own
 * microtasks run in the same task). A task's extension time is the union of those intervals.
 *
 * BENCH_SAMPLES=1 checks that rule with V8's sampling profiler in the same trace (a sample with one of our
 * frames on its stack is ours until the next sample). Not the default: the profiler makes compiling and
 * first runs several times slower (our loader's 14 ms became 106 ms), for the page's scripts as for ours.
 * Style and layout the page does afterwards because our elements were inserted are not attributed (they
 * run as the page's own rendering work): the longest task overall is printed too, with and without the
 * extension, so that cost shows up there.
 */
import type { CDPSession } from 'playwright-core';

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: {
    name?: string;
    /** v8.evaluateModule: the world the module runs in (named for an extension's isolated world). */
    worldName?: string;
    data?: { url?: string; frames?: { processId?: number; url?: string }[]; frame?: string; documentLoaderURL?: string };
  };
}

export interface TaskSummary {
  /** Longest task on the page's main thread, ms. */
  longestTaskMs: number;
  /** Largest extension time within one task, ms (the figure the 50 ms budget is about). */
  longestExtensionMs: number;
  /** That task's whole length, ms. */
  longestExtensionTaskMs: number;
  /** Tasks with extension time over 50 ms. */
  extensionTasksOver50: number;
  /** The tasks that compiled and evaluated the content script (the loader, then its module), ms of ours in the longest. */
  scriptLoadMs: number;
  /** Largest extension time within one task other than the script's load, ms. */
  longestAfterLoadMs: number;
  /** All extension time on the main thread, ms. */
  extensionTotalMs: number;
  /** Tasks over 50 ms, any cause. */
  tasksOver50: number;
}

const SAMPLING = process.env.BENCH_SAMPLES === '1';
const CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'blink.user_timing',
  ...(SAMPLING ? ['disabled-by-default-v8.cpu_profiler'] : []),
  '__metadata',
].join(',');
/** A sample stands for the time until the next one, but no longer than this (the profiler's thread may be late). */
const MAX_SAMPLE_MS = 5;
const SCRIPT_EVENTS = new Set(['FunctionCall', 'EvaluateScript', 'v8.compile', 'v8.compileModule', 'v8.evaluateModule', 'v8.callFunction', 'V8.Execute', 'TimerFire', 'FireAnimationFrame']);
/** Events that load the content script (as opposed to running code it loaded earlier). */
const LOAD_EVENTS = new Set(['EvaluateScript', 'v8.compileModule', 'v8.evaluateModule']);

/** Is this script event the extension's? */
function isExtensionEvent(e: TraceEvent): boolean {
  if (!SCRIPT_EVENTS.has(e.name)) return false;
  if (e.args?.data?.url?.startsWith('chrome-extension://')) return true;
  return e.name === 'v8.evaluateModule' && typeof e.args?.worldName === 'string' && e.args.worldName !== '';
}

export async function startTrace(session: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  session.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  await session.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  return async () => {
    const done = new Promise<void>((resolve) => session.once('Tracing.tracingComplete', () => resolve()));
    await session.send('Tracing.end');
    await done;
    return events;
  };
}

/** The page's renderer main thread: the CrRendererMain of the process showing `hostPart`. */
function pageThread(events: TraceEvent[], hostPart: string): { pid: number; tid: number } | undefined {
  const started = events.find((e) => e.name === 'TracingStartedInBrowser');
  const pids = new Set(started?.args?.data?.frames?.filter((f) => f.url?.includes(hostPart)).map((f) => f.processId));
  // Fallback: the renderer that ran scripts from the page's host.
  if (pids.size === 0) {
    for (const e of events) if (SCRIPT_EVENTS.has(e.name) && e.args?.data?.url?.includes(hostPart)) pids.add(e.pid);
  }
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && pids.has(e.pid));
  return main ? { pid: main.pid, tid: main.tid } : undefined;
}

export function summarizeTasks(events: TraceEvent[], hostPart: string, from = 0, to = Infinity): TaskSummary {
  const thread = pageThread(events, hostPart);
  const summary: TaskSummary = {
    longestTaskMs: 0,
    longestExtensionMs: 0,
    longestExtensionTaskMs: 0,
    extensionTasksOver50: 0,
    scriptLoadMs: 0,
    longestAfterLoadMs: 0,
    extensionTotalMs: 0,
    tasksOver50: 0,
  };
  if (!thread) return summary;
  const onThread = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X' && e.dur !== undefined);
  const ourEvents = onThread.filter(isExtensionEvent);
  const loads = ourEvents.filter((e) => LOAD_EVENTS.has(e.name));
  const tasks = topLevelTasks(onThread);
  const ours = union([
    ...ourEvents.map((e): Interval => [e.ts, e.ts + e.dur!]),
    ...ourMicrotasks(onThread, tasks, ourEvents),
    ...(SAMPLING ? extensionSamples(events, thread) : []),
  ]);
  let cursor = 0;
  for (const task of tasks.filter((t) => t.ts >= from && t.ts <= to)) {
    const end = task.ts + task.dur!;
    const taskMs = task.dur! / 1000;
    summary.longestTaskMs = Math.max(summary.longestTaskMs, taskMs);
    if (taskMs > 50) summary.tasksOver50++;
    while (cursor < ours.length && ours[cursor]![1] <= task.ts) cursor++;
    let covered = 0;
    for (let i = cursor; i < ours.length && ours[i]![0] < end; i++) covered += Math.max(0, Math.min(ours[i]![1], end) - Math.max(ours[i]![0], task.ts));
    const loadsScript = loads.some((e) => e.ts >= task.ts && e.ts < end);
    const extensionMs = covered / 1000;
    summary.extensionTotalMs += extensionMs;
    if (extensionMs > 50) summary.extensionTasksOver50++;
    if (loadsScript) summary.scriptLoadMs = Math.max(summary.scriptLoadMs, extensionMs);
    else summary.longestAfterLoadMs = Math.max(summary.longestAfterLoadMs, extensionMs);
    if (extensionMs > summary.longestExtensionMs) {
      summary.longestExtensionMs = extensionMs;
      summary.longestExtensionTaskMs = taskMs;
    }
  }
  return summary;
}

type Interval = [start: number, end: number];

/** Disjoint, sorted. */
function union(intervals: Interval[]): Interval[] {
  const merged: Interval[] = [];
  for (const [start, end] of intervals.sort((a, b) => a[0] - b[0])) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** Tasks of the thread, each once (a task can show as two nested events, and tasks nest when one spins a loop). */
function topLevelTasks(onThread: TraceEvent[]): TraceEvent[] {
  const tasks = onThread.filter((e) => e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask').sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const top: TraceEvent[] = [];
  for (const task of tasks) if (!top.length || task.ts >= top.at(-1)!.ts + top.at(-1)!.dur!) top.push(task);
  return top;
}

/** The microtask checkpoints of tasks that ran our code or continued a `scheduler.yield()`. */
function ourMicrotasks(onThread: TraceEvent[], tasks: TraceEvent[], ourEvents: TraceEvent[]): Interval[] {
  const marks = [...ourEvents, ...onThread.filter((e) => e.name === 'RunYieldContinuation')].map((e) => e.ts).sort((a, b) => a - b);
  const microtasks = onThread.filter((e) => e.name === 'RunMicrotasks').sort((a, b) => a.ts - b.ts);
  const intervals: Interval[] = [];
  let mark = 0;
  let next = 0;
  for (const task of tasks) {
    const end = task.ts + task.dur!;
    while (mark < marks.length && marks[mark]! < task.ts) mark++;
    while (next < microtasks.length && microtasks[next]!.ts < task.ts) next++;
    if (mark >= marks.length || marks[mark]! >= end) continue;
    for (let i = next; i < microtasks.length && microtasks[i]!.ts < end; i++) intervals.push([microtasks[i]!.ts, microtasks[i]!.ts + microtasks[i]!.dur!]);
  }
  return intervals;
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { url?: string };
}
interface ProfileChunkData {
  cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
  timeDeltas?: number[];
}

/** When the sampling profiler found our code on the thread's stack (see the top of this file). */
function extensionSamples(events: TraceEvent[], thread: { pid: number; tid: number }): Interval[] {
  const intervals: Interval[] = [];
  const profiles = events.filter((e) => e.name === 'Profile' && e.pid === thread.pid && e.tid === thread.tid);
  for (const profile of profiles) {
    const id = (profile as { id?: string }).id;
    const startTime = (profile.args?.data as { startTime?: number } | undefined)?.startTime;
    if (id === undefined || startTime === undefined) continue;
    const parents = new Map<number, number | undefined>();
    const ourNodes = new Map<number, boolean>();
    const isOurs = (node: number): boolean => {
      const known = ourNodes.get(node);
      if (known !== undefined) return known;
      const parent = parents.get(node);
      const result = parent !== undefined && isOurs(parent);
      ourNodes.set(node, result);
      return result;
    };
    let time = startTime;
    let previous: { time: number; ours: boolean } | undefined;
    const chunks = events.filter((e) => e.name === 'ProfileChunk' && e.pid === thread.pid && (e as { id?: string }).id === id).sort((a, b) => a.ts - b.ts);
    for (const chunk of chunks) {
      const data = chunk.args?.data as ProfileChunkData | undefined;
      for (const node of data?.cpuProfile?.nodes ?? []) {
        parents.set(node.id, node.parent);
        if (node.callFrame.url?.startsWith('chrome-extension://')) ourNodes.set(node.id, true);
      }
      const samples = data?.cpuProfile?.samples ?? [];
      const deltas = data?.timeDeltas ?? [];
      for (let i = 0; i < samples.length; i++) {
        time += deltas[i] ?? 0;
        if (previous?.ours) intervals.push([previous.time, Math.min(time, previous.time + MAX_SAMPLE_MS * 1000)]);
        previous = { time, ours: isOurs(samples[i]!) };
      }
    }
  }
  return intervals;
}

export interface PageMoments {
  /** When the content script (the loader) began to run, ms after navigation start. */
  scriptStartMs?: number;
  /** When its module had been evaluated, ms after navigation start. */
  moduleReadyMs?: number;
}

/** Moments of the page's load, from the trace (performance.now() of the page counts from the same start). */
export function pageMoments(events: TraceEvent[], hostPart: string): PageMoments {
  const navigation = events.filter((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL?.includes(hostPart)).at(-1);
  if (!navigation) return {};
  const after = (e: TraceEvent | undefined) => (e ? (e.ts - navigation.ts) / 1000 : undefined);
  const ours = events.filter((e) => e.ts >= navigation.ts && e.ph === 'X' && isExtensionEvent(e)).sort((a, b) => a.ts - b.ts);
  const loader = ours.find((e) => e.name === 'EvaluateScript');
  const module = ours.find((e) => e.name === 'v8.evaluateModule');
  return { scriptStartMs: after(loader), moduleReadyMs: module ? after(module)! + module.dur! / 1000 : undefined };
}

/** Main-thread time by event name (events directly inside tasks), ms: where the time went (BENCH_DEBUG). */
export function timeByEvent(events: TraceEvent[], hostPart: string): Record<string, number> {
  const thread = pageThread(events, hostPart);
  if (!thread) return {};
  const onThread = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const totals: Record<string, number> = {};
  let taskEnd = -1;
  let childEnd = -1;
  for (const e of onThread) {
    const isTask = e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask';
    if (isTask) {
      taskEnd = e.ts + e.dur!;
      childEnd = -1;
      continue;
    }
    if (e.ts >= taskEnd || e.ts < childEnd) continue; // outside a task, or nested in a counted child
    const key = SCRIPT_EVENTS.has(e.name) ? `${e.name} ${isExtensionEvent(e) ? '(extension)' : '(page)'}` : e.name;
    totals[key] = (totals[key] ?? 0) + e.dur! / 1000;
    childEnd = e.ts + e.dur!;
  }
  return Object.fromEntries(Object.entries(totals).sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, v]) => [k, Math.round(v)]));
}

/** The extension's longest script events, with what they ran (BENCH_DEBUG). */
export function longestExtensionEvents(events: TraceEvent[], count = 8): string[] {
  return events
    .filter((e) => e.ph === 'X' && isExtensionEvent(e))
    .sort((a, b) => b.dur! - a.dur!)
    .slice(0, count)
    .map((e) => {
      // v8.evaluateModule carries no data (only the world it runs in).
      const data = (e.args?.data ?? {}) as { functionName?: string; lineNumber?: number; columnNumber?: number };
      return `${(e.dur! / 1000).toFixed(1)} ms ${e.name} ${data.functionName ?? ''}:${data.lineNumber ?? ''}:${data.columnNumber ?? ''}`;
    });
}
