/**
 * The badge row's and save toggle's CSS. Every class starts with `pl-`, so the same text works inside
 * a content-script shadow root (`shadowRootCss`) and as a plain stylesheet in the popup
 * (`installBadgeStylesheet(document)`).
 *
 * Kept as a TypeScript string rather than a .css file so that unit tests (which drop CSS imports) and
 * the shadow roots see the very same text.
 *
 * Colours: topics are indigo pills, catalogue benchmarks green boxes, discovered ("new") benchmarks
 * amber boxes with a dashed border and a "new" tag: three different shapes, not colour alone.
 * Theme: light by default; `data-theme="dark"` on the shadow host or on `.pl-root` switches.
 */
export const badgeCss = `
.pl-root {
  --pl-fg: #1f2328;
  --pl-muted: #57606a;
  --pl-topic-bg: #eef2ff;
  --pl-topic-fg: #3730a3;
  --pl-bench-bg: #ecfdf5;
  --pl-bench-fg: #065f46;
  --pl-bench-border: #6ee7b7;
  --pl-new-bg: #fffbeb;
  --pl-new-fg: #92400e;
  --pl-new-border: #f59e0b;
  --pl-button-bg: #ffffff;
  --pl-button-border: #d0d7de;
  --pl-button-hover: #f3f4f6;
  --pl-saved-bg: #fef3c7;
  --pl-saved-border: #f59e0b;
  --pl-saved-fg: #92400e;
  --pl-error-fg: #b91c1c;
  --pl-error-border: #f87171;
  --pl-focus: #2563eb;
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 4px 6px;
  box-sizing: border-box;
  max-width: 100%;
  margin: 0;
  padding: 0;
  color: var(--pl-fg);
  font: 12px/1.4 ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  text-align: left;
  white-space: normal;
  /* Inherited properties a page might force on our host with !important: set, not inherited. */
  font-style: normal;
  letter-spacing: normal;
  text-indent: 0;
  text-transform: none;
}
:host([data-theme="dark"]) .pl-root,
.pl-root[data-theme="dark"] {
  --pl-fg: #e5e7eb;
  --pl-muted: #9ca3af;
  --pl-topic-bg: #1e1b4b;
  --pl-topic-fg: #c7d2fe;
  --pl-bench-bg: #022c22;
  --pl-bench-fg: #a7f3d0;
  --pl-bench-border: #047857;
  --pl-new-bg: #2d1a04;
  --pl-new-fg: #fcd34d;
  --pl-new-border: #b45309;
  --pl-button-bg: #111827;
  --pl-button-border: #374151;
  --pl-button-hover: #1f2937;
  --pl-saved-bg: #3b2a07;
  --pl-saved-border: #d97706;
  --pl-saved-fg: #fcd34d;
  --pl-error-fg: #fca5a5;
  --pl-error-border: #dc2626;
  --pl-focus: #60a5fa;
}
.pl-root *, .pl-root *::before, .pl-root *::after { box-sizing: border-box; }
.pl-badges {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 4px;
  min-width: 0;
  margin: 0;
  padding: 0;
  list-style: none;
}
.pl-badges > li { margin: 0; padding: 0; }
.pl-badges > li[hidden] { display: none; }
.pl-badge {
  display: inline-block;
  max-width: 16em;
  overflow: hidden;
  padding: 1px 7px;
  border: 1px solid transparent;
  text-overflow: ellipsis;
  white-space: nowrap;
  cursor: default;
}
.pl-badge--topic { border-radius: 999px; background: var(--pl-topic-bg); color: var(--pl-topic-fg); }
.pl-badge--benchmark {
  border-radius: 3px;
  border-color: var(--pl-bench-border);
  background: var(--pl-bench-bg);
  color: var(--pl-bench-fg);
  font-weight: 600;
}
.pl-badge--new { border-style: dashed; border-color: var(--pl-new-border); background: var(--pl-new-bg); color: var(--pl-new-fg); }
.pl-badge--new::after {
  content: "new";
  margin-left: 4px;
  font-size: 9px;
  font-weight: 700;
  letter-spacing: 0.04em;
  text-transform: uppercase;
  vertical-align: 1px;
}
.pl-button {
  display: inline-flex;
  align-items: center;
  gap: 3px;
  margin: 0;
  padding: 1px 8px;
  border: 1px solid var(--pl-button-border);
  border-radius: 999px;
  background: var(--pl-button-bg);
  color: var(--pl-fg);
  font: inherit;
  line-height: 1.4;
  cursor: pointer;
}
.pl-button:hover { background: var(--pl-button-hover); }
.pl-button:focus-visible { outline: 2px solid var(--pl-focus); outline-offset: 1px; }
.pl-more { color: var(--pl-muted); padding: 1px 6px; }
.pl-save[aria-pressed="true"] { border-color: var(--pl-saved-border); background: var(--pl-saved-bg); color: var(--pl-saved-fg); }
.pl-save[data-state="pending"] { cursor: progress; opacity: 0.75; }
.pl-save[data-state="error"] { border-color: var(--pl-error-border); color: var(--pl-error-fg); }
.pl-save-icon { font-size: 13px; line-height: 1; }
.pl-visually-hidden {
  position: absolute;
  width: 1px;
  height: 1px;
  overflow: hidden;
  clip: rect(0 0 0 0);
  clip-path: inset(50%);
  white-space: nowrap;
}
`;

/**
 * CSS for a content-script shadow root. `all: initial` stops the page's inherited styles (font, colour,
 * line height, text transforms) at our host; the page's own rules cannot reach inside the shadow root,
 * and ours cannot reach out.
 */
export const shadowRootCss = `:host { all: initial; display: block; }\n${badgeCss}`;

/** Add the badge CSS to a document of our own (the popup) once. */
export function installBadgeStylesheet(doc: Document): void {
  if (doc.querySelector('style[data-paperlight-badge-css]')) return;
  const style = doc.createElement('style');
  style.setAttribute('data-paperlight-badge-css', '');
  style.textContent = badgeCss;
  doc.head.append(style);
}
