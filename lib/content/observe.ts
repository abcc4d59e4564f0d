/**
 * The one page watcher: hands every element matching `selector` to `callback`, now and whenever the
 * site adds one later (client-side rendering, infinite lists, search results swapped in), until
 * `signal` aborts.
 *
 * Every element handed over is marked as seen for that callback, so calling `observe` twice with the
 * same callback (a re-run after navigation, a double start) hands each element over once. The callback
 * should only queue work: it runs inside a MutationObserver callback, on the page's time.
 */
export interface ObserveOptions {
  signal: AbortSignal;
  /** Where to look; the whole document by default. */
  root?: ParentNode & Node;
}

/**
 * More records than this in one callback is a storm (MathJax typesetting a 2,000-entry listing sends
 * hundreds of thousands): the page is scanned again once no storm came for STORM_QUIET_MS.
 */
export const STORM_RECORDS = 2000;
export const STORM_QUIET_MS = 150;

/** Longest stretch spent checking added nodes before handing the main thread back, ms. */
const CHECK_BUDGET_MS = 4;

// Per callback, not per element attribute: marking the page's elements would change the page.
const seenBy = new WeakMap<(element: Element) => void, WeakSet<Element>>();

export function observe(selector: string, callback: (element: Element) => void, { signal, root = document }: ObserveOptions): void {
  if (signal.aborted) return;
  let seen = seenBy.get(callback);
  if (!seen) seenBy.set(callback, (seen = new WeakSet()));
  const handOver = (element: Element) => {
    if (seen.has(element)) return;
    seen.add(element);
    try {
      callback(element);
    } catch (error) {
      // One element's failure must not stop the others (or the observer).
      console.warn('Paperlight: could not handle an element', error);
    }
  };
  // Matches are handed over, and added subtrees looked at, within a time budget per task: a 2,000-entry
  // arXiv listing has 2,000 matches at once, and MathJax typesetting it adds tens of thousands of nodes;
  // handling them all in one task made long tasks (issue 4). The first budget's worth runs at once.
  const matched: Element[] = [];
  const added: Element[] = [];
  let nextMatch = 0;
  let nextAdded = 0;
  let queued = false;
  const scan = (node: ParentNode) => {
    for (const element of node.querySelectorAll(selector)) matched.push(element);
  };
  const work = () => {
    queued = false;
    if (signal.aborted) return;
    const start = performance.now();
    while (nextMatch < matched.length || nextAdded < added.length) {
      if (nextMatch < matched.length) handOver(matched[nextMatch++]!);
      else {
        const node = added[nextAdded++]!;
        if (node.isConnected) {
          if (node.matches(selector)) handOver(node);
          if (node.firstElementChild) scan(node);
        }
      }
      if (performance.now() - start >= CHECK_BUDGET_MS) break;
    }
    if (nextMatch < matched.length || nextAdded < added.length) {
      queued = true;
      setTimeout(work, 0);
    } else {
      matched.length = added.length = nextMatch = nextAdded = 0;
    }
  };
  const scanSoon = () => {
    scan(root);
    if (!queued) work();
  };

  scanSoon();
  let rescanTimer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver((records) => {
    if (signal.aborted) return;
    if (records.length > STORM_RECORDS) {
      // A storm (a typesetter or the site's framework rewriting much of the page): reading every record
      // costs more than looking at the whole page once it calms down.
      clearTimeout(rescanTimer);
      rescanTimer = setTimeout(() => signal.aborted || scanSoon(), STORM_QUIET_MS);
      return;
    }
    for (const record of records) {
      for (const node of record.addedNodes) if (node.nodeType === 1) added.push(node as Element);
    }
    if (!queued) work();
  });
  observer.observe(root, { childList: true, subtree: true });
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      clearTimeout(rescanTimer);
    },
    { once: true },
  );
}
