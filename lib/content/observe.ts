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
  const scan = (node: ParentNode) => {
    for (const element of node.querySelectorAll(selector)) handOver(element);
  };

  scan(root);
  const observer = new MutationObserver((records) => {
    if (signal.aborted) return;
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof Element) || !node.isConnected) continue;
        if (node.matches(selector)) handOver(node);
        scan(node);
      }
    }
  });
  observer.observe(root, { childList: true, subtree: true });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}
