/**
 * Reading a Chromium performance trace of one page load: the tasks of the page's main thread, and how much
 * of each was the extension's own code (issue 4: "no task the extension runs on the main thread over 50 ms").
 *
 * Attribution: a task (`RunTask` on the page's renderer main thread) contains script events
 * (`FunctionCall`, `EvaluateScript`, `v8.compile`...) that name the script they run. Those naming a
 * `chrome-extension://` URL are ours: the content script's start, its MutationObserver callbacks, the
 * time-sliced queue's slices, message replies. A task's extension time is the union of those intervals.
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
  args?: { name?: string; data?: { url?: string; frames?: { processId?: number; url?: string }[]; frame?: string } };
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
  /** The task that compiled and evaluated the content script (its load, once per page), ms of ours in it. */
  scriptLoadMs: number;
  /** Largest extension time within one task other than the script's load, ms. */
  longestAfterLoadMs: number;
  /** All extension time on the main thread, ms. */
  extensionTotalMs: number;
  /** Tasks over 50 ms, any cause. */
  tasksOver50: number;
}

const CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', '__metadata'].join(',');
const SCRIPT_EVENTS = new Set(['FunctionCall', 'EvaluateScript', 'v8.compile', 'v8.callFunction', 'V8.Execute', 'TimerFire', 'FireAnimationFrame']);

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
  const tasks = onThread.filter((e) => e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask').filter((t) => t.ts >= from && t.ts <= to);
  const ours = onThread
    .filter((e) => SCRIPT_EVENTS.has(e.name) && e.args?.data?.url?.startsWith('chrome-extension://'))
    .sort((a, b) => a.ts - b.ts);
  let cursor = 0;
  for (const task of tasks.sort((a, b) => a.ts - b.ts)) {
    const end = task.ts + task.dur!;
    const taskMs = task.dur! / 1000;
    summary.longestTaskMs = Math.max(summary.longestTaskMs, taskMs);
    if (taskMs > 50) summary.tasksOver50++;
    while (cursor < ours.length && ours[cursor]!.ts < task.ts) cursor++;
    // Union of our intervals inside this task (nested script events must not count twice).
    let covered = 0;
    let reach = task.ts;
    let loadsScript = false;
    for (let i = cursor; i < ours.length && ours[i]!.ts < end; i++) {
      if (ours[i]!.name === 'EvaluateScript') loadsScript = true;
      const start = Math.max(ours[i]!.ts, reach);
      const stop = Math.min(ours[i]!.ts + ours[i]!.dur!, end);
      if (stop > start) {
        covered += stop - start;
        reach = stop;
      }
    }
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
    const key = SCRIPT_EVENTS.has(e.name) ? `${e.name} ${e.args?.data?.url?.startsWith('chrome-extension://') ? '(extension)' : '(page)'}` : e.name;
    totals[key] = (totals[key] ?? 0) + e.dur! / 1000;
    childEnd = e.ts + e.dur!;
  }
  return Object.fromEntries(Object.entries(totals).sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, v]) => [k, Math.round(v)]));
}

/** The extension's longest script events, with what they ran (BENCH_DEBUG). */
export function longestExtensionEvents(events: TraceEvent[], count = 8): string[] {
  return events
    .filter((e) => e.ph === 'X' && SCRIPT_EVENTS.has(e.name) && e.args?.data?.url?.startsWith('chrome-extension://'))
    .sort((a, b) => b.dur! - a.dur!)
    .slice(0, count)
    .map((e) => {
      const data = e.args!.data as { functionName?: string; lineNumber?: number; columnNumber?: number };
      return `${(e.dur! / 1000).toFixed(1)} ms ${e.name} ${data.functionName ?? ''}:${data.lineNumber ?? ''}:${data.columnNumber ?? ''}`;
    });
}
