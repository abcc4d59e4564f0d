/**
 * Giving the page's main thread a turn between slices of our work (the content script's scheduler, the
 * extractor's table build). Two kinds of turn: ahead of the page's queued tasks, for work the reader waits
 * for, and behind them, for work nobody waits for.
 */
interface PostTaskScheduler {
  yield?: () => Promise<void>;
  postTask?: (callback: () => void, options?: { priority?: 'user-blocking' | 'user-visible' | 'background' }) => Promise<void>;
}

function postTaskScheduler(): PostTaskScheduler | undefined {
  return (globalThis as { scheduler?: PostTaskScheduler }).scheduler;
}

/**
 * A turn for input and rendering, then we go on ahead of the page's other queued tasks
 * (`scheduler.yield()`); else a macrotask. For work the reader waits for: the entries in view.
 */
export function yieldAhead(): Promise<void> {
  const scheduler = postTaskScheduler();
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return macrotask();
}

/**
 * A turn at the back of the line: a normal-priority task (`scheduler.postTask`, 'user-visible'), after
 * the page's tasks queued meanwhile; else a macrotask, which is the same.
 */
export function yieldBehind(): Promise<void> {
  const scheduler = postTaskScheduler();
  if (typeof scheduler?.postTask === 'function') return scheduler.postTask(() => undefined, { priority: 'user-visible' });
  return macrotask();
}

/** A MessageChannel message is a macrotask without setTimeout's 4 ms clamp on nested timers. */
function macrotask(): Promise<void> {
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(undefined);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}
