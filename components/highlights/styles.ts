/**
 * CSS of the highlight toolbar (inside its shadow root, where the page's CSS cannot reach) and of the popup's
 * highlight list. Kept as TypeScript strings, like components/badges/styles.ts, so unit tests and shadow roots
 * see the very same text. Classes start with `pl-hl-`.
 *
 * The toolbar is dark on every page (it floats over the page, like a context menu), so it needs no theme.
 */
import { COLOR_PAINT, HIGHLIGHT_COLORS } from '../../lib/highlights/colors';

/** Solid swatch colours: the paint is translucent, a swatch must be visible on a dark toolbar too. */
const SWATCH: Record<(typeof HIGHLIGHT_COLORS)[number], string> = {
  yellow: '#facc15',
  green: '#4ade80',
  blue: '#60a5fa',
  pink: '#f472b6',
  purple: '#a78bfa',
};

const swatchRules = HIGHLIGHT_COLORS.map((color) => `.pl-hl-swatch[data-color="${color}"] { background: ${SWATCH[color]}; }`).join('\n');
const quoteRules = HIGHLIGHT_COLORS.map((color) => `.pl-hl-quote[data-color="${color}"] { background: ${COLOR_PAINT[color]}; }`).join('\n');

export const toolbarCss = `
:host { all: initial; }
.pl-hl-toolbar {
  display: flex;
  flex-direction: column;
  gap: 6px;
  box-sizing: border-box;
  padding: 6px 8px;
  border-radius: 8px;
  background: #1f2430;
  color: #f3f4f6;
  box-shadow: 0 4px 16px rgba(0, 0, 0, 0.3);
  font: 13px/1.4 ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  max-width: 340px;
}
.pl-hl-toolbar *, .pl-hl-toolbar *::before, .pl-hl-toolbar *::after { box-sizing: border-box; }
.pl-hl-row { display: flex; align-items: center; gap: 6px; }
.pl-hl-color {
  display: inline-flex;
  align-items: center;
  justify-content: center;
  width: 26px;
  height: 26px;
  padding: 0;
  border: 2px solid transparent;
  border-radius: 50%;
  background: transparent;
  cursor: pointer;
}
.pl-hl-color[aria-pressed="true"] { border-color: #f3f4f6; }
.pl-hl-swatch { display: block; width: 18px; height: 18px; border-radius: 50%; }
${swatchRules}
.pl-hl-color:hover .pl-hl-swatch { transform: scale(1.12); }
.pl-hl-note {
  flex: 1;
  min-width: 0;
  height: 26px;
  padding: 2px 6px;
  border: 1px solid #4b5563;
  border-radius: 4px;
  background: #111827;
  color: #f3f4f6;
  font: inherit;
}
.pl-hl-note::placeholder { color: #9ca3af; }
.pl-hl-button {
  height: 26px;
  padding: 0 8px;
  border: 1px solid #4b5563;
  border-radius: 4px;
  background: #374151;
  color: #f3f4f6;
  font: inherit;
  cursor: pointer;
}
.pl-hl-button:hover { background: #4b5563; }
.pl-hl-button[disabled], .pl-hl-color[disabled] { opacity: 0.5; cursor: default; }
.pl-hl-toolbar :focus-visible { outline: 2px solid #60a5fa; outline-offset: 1px; }
.pl-hl-error { margin: 0; color: #fca5a5; }
.pl-hl-hint { margin: 0; color: #9ca3af; font-size: 12px; }
.pl-hl-sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media (prefers-reduced-motion: reduce) { .pl-hl-color:hover .pl-hl-swatch { transform: none; } }
`;

/** The popup's per-paper highlight list (PaperHighlights); colours follow the popup's variables (popup.css). */
export const highlightListCss = `
.highlights-section summary { cursor: pointer; font-weight: 600; }
.highlights-section[open] { max-height: 260px; overflow-y: auto; overscroll-behavior: contain; }
.highlights-paper { margin-top: 8px; }
.highlights-paper-title { margin: 0; font-size: 12px; font-weight: 600; }
.pl-hl-loading, .pl-hl-empty { margin: 2px 0; font-size: 12px; color: var(--muted, #57606a); }
.pl-hl-list { list-style: none; margin: 4px 0 0; padding: 0; display: flex; flex-direction: column; gap: 6px; }
.pl-hl-item { display: flex; flex-direction: column; gap: 4px; padding: 6px 8px; border-radius: 6px; border: 1px solid var(--border, #d0d7de); }
.pl-hl-item[data-not-found] { border-style: dashed; }
.pl-hl-quote { margin: 0; padding: 1px 2px; border-radius: 2px; color: inherit; font-size: 12px; line-height: 1.45; overflow-wrap: anywhere; }
${quoteRules}
.pl-hl-meta { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; font-size: 11px; color: var(--muted, #57606a); }
.pl-hl-note-text { margin: 0; font-size: 12px; white-space: pre-wrap; overflow-wrap: anywhere; }
.pl-hl-missing { font-weight: 600; color: var(--pl-hl-warning, #92400e); }
.pl-hl-elsewhere { font-style: italic; }
.pl-hl-actions { display: flex; gap: 6px; margin-left: auto; }
.pl-hl-actions button, .pl-hl-edit button { font: inherit; font-size: 11px; padding: 1px 6px; cursor: pointer; }
.pl-hl-edit { display: flex; flex-direction: column; gap: 4px; }
.pl-hl-edit textarea { font: inherit; font-size: 12px; min-height: 3em; resize: vertical; }
.pl-hl-edit fieldset { display: flex; gap: 6px; border: 0; margin: 0; padding: 0; }
.pl-hl-edit legend { font-size: 11px; padding: 0; margin-bottom: 2px; }
.pl-hl-edit label { display: inline-flex; align-items: center; gap: 2px; font-size: 11px; }
.pl-hl-dot { display: inline-block; width: 10px; height: 10px; border-radius: 50%; }
${HIGHLIGHT_COLORS.map((color) => `.pl-hl-dot[data-color="${color}"] { background: ${SWATCH[color]}; }`).join('\n')}
.pl-hl-error { color: var(--danger, #b91c1c); font-size: 12px; margin: 0; }
@media (prefers-color-scheme: dark) {
  .pl-hl-item { --pl-hl-warning: #fcd34d; }
}
`;

/** Install the list's CSS into a page (the popup) once. */
export function installHighlightListStylesheet(doc: Document): void {
  if (doc.querySelector('style[data-paperlight-highlight-list]')) return;
  const style = doc.createElement('style');
  style.setAttribute('data-paperlight-highlight-list', '');
  style.textContent = highlightListCss;
  doc.head.append(style);
}
