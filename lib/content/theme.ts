import type { Theme } from '../sites/types';

/**
 * Follow the page's light/dark theme: the adapter's `readTheme` (Hugging Face: `dark` class on <html>)
 * re-read whenever <html>/<body> attributes change, or the browser's `prefers-color-scheme` for sites
 * without a theme of their own. `onChange` runs when the theme changes, until `signal` aborts.
 */
export function watchTheme(
  doc: Document,
  readTheme: ((doc: Document) => Theme) | undefined,
  onChange: (theme: Theme) => void,
  signal: AbortSignal,
): () => Theme {
  const media = doc.defaultView?.matchMedia?.('(prefers-color-scheme: dark)');
  const read = (): Theme => {
    try {
      if (readTheme) return readTheme(doc);
    } catch {
      // an adapter bug must not break the UI: fall through to the browser's preference
    }
    return media?.matches ? 'dark' : 'light';
  };
  let current = read();
  const update = () => {
    const next = read();
    if (next === current) return;
    current = next;
    onChange(next);
  };
  const observer = new MutationObserver(update);
  for (const element of [doc.documentElement, doc.body]) {
    if (element) observer.observe(element, { attributes: true, attributeFilter: ['class', 'data-theme', 'style'] });
  }
  media?.addEventListener?.('change', update, { signal });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  return () => current;
}
