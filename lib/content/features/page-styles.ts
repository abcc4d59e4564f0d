/**
 * CSS that features add to the host page itself, for the marks they put on entries through data attributes
 * (watch outline, dimming, the keyboard's current entry). Every rule must select only our own attributes,
 * and use only properties that do not move anything (outline, opacity): the page's layout stays as it is.
 *
 * A constructed stylesheet added to `document.adoptedStyleSheets` is not subject to the page's CSP (a
 * <style> element is, where the CSP forbids inline styles); where the content script cannot hand its own
 * stylesheet to the page (Firefox's Xray wrappers), a <style> element carries the same text.
 */

const installed = new WeakMap<Document, Map<string, () => void>>();

/** Add `css` to `doc` once per `id`; returns a function that removes it again. */
export function installPageStyles(doc: Document, id: string, css: string): () => void {
  let byId = installed.get(doc);
  if (!byId) installed.set(doc, (byId = new Map()));
  const existing = byId.get(id);
  if (existing) return existing;
  const remove = adopt(doc, css) ?? appendStyleElement(doc, id, css);
  const once = () => {
    if (byId.get(id) !== once) return;
    byId.delete(id);
    remove();
  };
  byId.set(id, once);
  return once;
}

function adopt(doc: Document, css: string): (() => void) | undefined {
  try {
    const Sheet = doc.defaultView?.CSSStyleSheet ?? CSSStyleSheet;
    const sheet = new Sheet();
    sheet.replaceSync(css);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    return () => {
      doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((candidate) => candidate !== sheet);
    };
  } catch {
    return undefined;
  }
}

function appendStyleElement(doc: Document, id: string, css: string): () => void {
  const style = doc.createElement('style');
  style.setAttribute('data-paperlight-styles', id);
  style.textContent = css;
  (doc.head ?? doc.documentElement).append(style);
  return () => style.remove();
}
