/**
 * The small prompt keyboard triage opens to tag the current entry: one text field (with the library's tags
 * as suggestions) in a shadow root of our own, fixed-positioned next to the entry, so the page's layout and
 * CSS stay out of it. Enter adds the tag, Escape (or leaving the field) cancels; focus then goes back to
 * where it was. Keys typed here never reach the page or our own triage keys.
 */
export const TAG_PROMPT_TAG = 'paperlight-tag-prompt';

const HOST_STYLE = 'all: initial; position: fixed; z-index: 2147483647;';

const PROMPT_CSS = `
:host { all: initial; }
form {
  display: flex; flex-direction: column; gap: 4px; box-sizing: border-box; width: 18rem; max-width: calc(100vw - 16px);
  padding: 8px 10px; border: 1px solid #2563eb; border-radius: 6px; background: #ffffff; color: #1f2328;
  box-shadow: 0 4px 16px rgba(0, 0, 0, 0.18);
  font: 13px/1.4 ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
:host([data-theme="dark"]) form { background: #111827; color: #e5e7eb; border-color: #60a5fa; }
label { font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
input { font: inherit; padding: 3px 6px; border: 1px solid #9ca3af; border-radius: 4px; background: inherit; color: inherit; }
input:focus-visible { outline: 2px solid #2563eb; outline-offset: 1px; }
.hint { color: #57606a; font-size: 11px; }
:host([data-theme="dark"]) .hint { color: #9ca3af; }
`;

export interface TagPromptRequest {
  /** The paper's title, to say what is being tagged. */
  title: string;
  suggestions: readonly string[];
  /** The entry the prompt opens next to. */
  anchor: Element;
  theme?: 'light' | 'dark';
}

export class TagPrompt {
  private host: HTMLElement | undefined;
  private finish: ((tag: string | undefined) => void) | undefined;

  constructor(private readonly doc: Document) {}

  get isOpen(): boolean {
    return this.host !== undefined;
  }

  /** Ask for one tag. Resolves with it (trimmed, never empty), or undefined when the reader cancels. */
  ask({ title, suggestions, anchor, theme = 'light' }: TagPromptRequest): Promise<string | undefined> {
    this.close();
    const doc = this.doc;
    const previousFocus = doc.activeElement as HTMLElement | null;
    const host = doc.createElement(TAG_PROMPT_TAG);
    host.style.cssText = HOST_STYLE;
    host.setAttribute('data-theme', theme);
    const shadow = host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = PROMPT_CSS;
    const form = doc.createElement('form');
    form.setAttribute('data-paperlight-tag-prompt', '');
    const label = doc.createElement('label');
    label.htmlFor = 'paperlight-tag';
    label.textContent = `Tag “${title}”`;
    label.title = title;
    const input = doc.createElement('input');
    input.id = 'paperlight-tag';
    input.type = 'text';
    input.autocomplete = 'off';
    input.maxLength = 60;
    input.setAttribute('list', 'paperlight-tag-suggestions');
    const list = doc.createElement('datalist');
    list.id = 'paperlight-tag-suggestions';
    for (const suggestion of suggestions.slice(0, 200)) {
      const option = doc.createElement('option');
      option.value = suggestion;
      list.append(option);
    }
    const hint = doc.createElement('span');
    hint.className = 'hint';
    hint.textContent = 'Enter adds the tag · Escape cancels';
    form.append(label, input, list, hint);
    shadow.append(style, form);
    this.place(host, anchor);
    (doc.body ?? doc.documentElement).append(host);
    this.host = host;

    return new Promise((resolve) => {
      const done = (tag: string | undefined) => {
        if (this.host !== host) return;
        this.host = undefined;
        this.finish = undefined;
        host.remove();
        if (previousFocus?.isConnected && typeof previousFocus.focus === 'function') previousFocus.focus({ preventScroll: true });
        resolve(tag);
      };
      this.finish = done;
      // Keys typed here are the reader's, not the page's shortcuts nor ours.
      for (const type of ['keydown', 'keyup', 'keypress']) host.addEventListener(type, (event) => event.stopPropagation());
      input.addEventListener('keydown', (event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          done(undefined);
        }
      });
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        const tag = input.value.replace(/\s+/g, ' ').trim();
        done(tag || undefined);
      });
      input.addEventListener('blur', () => setTimeout(() => done(undefined), 0));
      input.focus({ preventScroll: true });
    });
  }

  close(): void {
    this.finish?.(undefined);
  }

  private place(host: HTMLElement, anchor: Element): void {
    const view = this.doc.defaultView;
    const rect = anchor.getBoundingClientRect();
    const height = view?.innerHeight ?? 800;
    const width = view?.innerWidth ?? 1200;
    const top = Math.min(Math.max(rect.top, 8), Math.max(8, height - 96));
    const left = Math.min(Math.max(rect.left, 8), Math.max(8, width - 300));
    host.style.top = `${Math.round(top)}px`;
    host.style.left = `${Math.round(left)}px`;
  }
}
