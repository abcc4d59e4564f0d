/**
 * What keyboard triage says to screen readers: one polite live region per page, in a shadow root of our own
 * (visually hidden), fixed-positioned so it takes no place in the page's layout.
 */
export const ANNOUNCER_TAG = 'paperlight-announcer';

const HIDDEN =
  'all: initial; position: fixed; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; top: 0; left: 0;';

export class Announcer {
  private region: HTMLElement | undefined;
  private host: HTMLElement | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly doc: Document) {}

  /** The last thing said (tests, and the e2e check of what a screen reader would hear). */
  get text(): string {
    return this.region?.textContent ?? '';
  }

  say(text: string): void {
    const region = this.ensureRegion();
    // Emptied first, filled a moment later: the same sentence twice ("Saved") is announced twice.
    region.textContent = '';
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      region.textContent = text;
    }, 30);
  }

  destroy(): void {
    clearTimeout(this.timer);
    this.host?.remove();
    this.host = undefined;
    this.region = undefined;
  }

  private ensureRegion(): HTMLElement {
    if (this.region && this.host?.isConnected) return this.region;
    const host = this.doc.createElement(ANNOUNCER_TAG);
    host.style.cssText = HIDDEN;
    const shadow = host.attachShadow({ mode: 'open' });
    const region = this.doc.createElement('div');
    region.setAttribute('role', 'status');
    region.setAttribute('aria-live', 'polite');
    region.setAttribute('data-paperlight-announcer', '');
    shadow.append(region);
    (this.doc.body ?? this.doc.documentElement).append(host);
    this.host = host;
    this.region = region;
    return region;
  }
}
