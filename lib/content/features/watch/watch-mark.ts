/**
 * The "Watch" label shown on an entry that matches a watch rule: a small host element with its own shadow
 * root (the page's CSS cannot reach in, ours cannot leak out), placed just before the entry's Paperlight row,
 * so it sits where our UI already is and moves nothing else. It says which rules matched, as text (screen
 * readers read it with the entry). Page-derived text (matched words, author names) goes in as textContent.
 */
import { HOST_ATTRIBUTE } from '../../entry-ui';

export const WATCH_MARK_TAG = 'paperlight-watch';

const HOST_STYLE = 'all: initial; display: block; margin-top: 6px;';

const MARK_CSS = `
:host { all: initial; display: block; }
.mark {
  --fg: #92400e; --bg: #fffbeb; --border: #f59e0b;
  display: inline-flex; align-items: baseline; gap: 6px; max-width: 100%;
  box-sizing: border-box; padding: 1px 8px; border: 1px solid var(--border); border-radius: 4px;
  background: var(--bg); color: var(--fg);
  font: 12px/1.4 ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
:host([data-theme="dark"]) .mark { --fg: #fcd34d; --bg: #2d1a04; --border: #b45309; }
.label { font-weight: 700; white-space: nowrap; }
.reasons { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; min-width: 0; }
`;

export class WatchMark {
  readonly host: HTMLElement;
  private readonly reasonsText: HTMLElement;
  private placements = 0;

  constructor(doc: Document) {
    this.host = doc.createElement(WATCH_MARK_TAG);
    this.host.style.cssText = HOST_STYLE;
    const shadow = this.host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = MARK_CSS;
    const mark = doc.createElement('div');
    mark.className = 'mark';
    mark.setAttribute('data-paperlight-watch-mark', '');
    const label = doc.createElement('span');
    label.className = 'label';
    label.textContent = '◉ Watch:';
    this.reasonsText = doc.createElement('span');
    this.reasonsText.className = 'reasons';
    mark.append(label, ' ', this.reasonsText);
    shadow.append(style, mark);
  }

  show(reasons: readonly string[]): void {
    const text = reasons.join(' · ');
    if (this.reasonsText.textContent !== text) this.reasonsText.textContent = text;
    this.reasonsText.title = text;
  }

  /**
   * Put the mark right before the entry's Paperlight row (its theme too). Without a row in the entry there
   * is no place known to be safe for this layout: the outline alone marks the entry. A site that keeps
   * removing the mark gets it back a bounded number of times.
   */
  place(root: Element): void {
    const row = root.querySelector(`[${HOST_ATTRIBUTE}]`);
    if (!row) return;
    this.host.setAttribute('data-theme', row.getAttribute('data-theme') ?? 'light');
    if (row.previousSibling === this.host || this.placements >= 20) return;
    this.placements++;
    row.before(this.host);
  }

  remove(): void {
    this.host.remove();
  }
}
