/**
 * Where the highlight toolbar lives: one host element per page (`<paperlight-highlight-toolbar>`), outside the
 * page's body, with an open shadow root holding the toolbar's CSS and the Preact toolbar. Positioned in page
 * coordinates just below the selection (above it when there is no room below), so it scrolls with the text.
 */
import { render } from 'preact';
import { HighlightToolbar, type HighlightToolbarProps } from '../../../../components/highlights/HighlightToolbar';
import { toolbarCss } from '../../../../components/highlights/styles';

export const TOOLBAR_TAG = 'paperlight-highlight-toolbar';

/** Gap between the selection and the toolbar, and the least distance from the viewport's edges (px). */
const GAP = 8;

// What happens in the toolbar stays there: page handlers (delegated clicks, shortcuts, "click outside closes")
// and our own selection watcher must not see these events.
const CONTAINED_EVENTS = ['click', 'dblclick', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'keydown', 'keyup', 'keypress'];

export interface ToolbarPlace {
  top: number;
  bottom: number;
  left: number;
}

export class ToolbarHost {
  readonly host: HTMLElement;
  private readonly mount: HTMLElement;
  private props: HighlightToolbarProps | undefined;

  constructor(private readonly doc: Document) {
    this.host = doc.createElement(TOOLBAR_TAG);
    // Marks it as ours: text maps skip it, the annotator's re-render watcher ignores it.
    this.host.setAttribute('data-paperlight-ui', 'highlight-toolbar');
    this.host.style.cssText = 'all: initial; position: absolute; z-index: 2147483647; top: 0; left: 0;';
    const shadow = this.host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = toolbarCss;
    this.mount = doc.createElement('div');
    shadow.append(style, this.mount);
    for (const type of CONTAINED_EVENTS) this.host.addEventListener(type, (event) => event.stopPropagation());
  }

  get visible(): boolean {
    return this.props !== undefined && this.host.isConnected;
  }

  get mode(): HighlightToolbarProps['mode'] | undefined {
    return this.visible ? this.props?.mode : undefined;
  }

  /** Show the toolbar with these props near `place` (viewport coordinates of the selection or highlight). */
  show(props: HighlightToolbarProps, place: ToolbarPlace): void {
    this.props = props;
    if (!this.host.isConnected) this.doc.documentElement.append(this.host);
    render(<HighlightToolbar {...props} />, this.mount);
    this.position(place);
  }

  /** Re-render in place (busy, error) without moving. */
  update(changes: Partial<HighlightToolbarProps>): void {
    if (!this.props) return;
    this.props = { ...this.props, ...changes };
    render(<HighlightToolbar {...this.props} />, this.mount);
  }

  hide(): void {
    if (!this.props) return;
    const hadFocus = this.hasFocus();
    this.props = undefined;
    render(null, this.mount);
    this.host.remove();
    // Focus inside a removed shadow root would be lost: give it back to the page.
    if (hadFocus) (this.doc.activeElement as HTMLElement | null)?.blur?.();
  }

  hasFocus(): boolean {
    return this.doc.activeElement === this.host;
  }

  contains(node: EventTarget | null): boolean {
    return node === this.host || (node instanceof Node && this.host.contains(node));
  }

  /** The note field's text as typed (also before the toolbar re-rendered). */
  typedNote(): string {
    return this.host.shadowRoot?.querySelector<HTMLInputElement>('[data-paperlight-field="note"]')?.value ?? '';
  }

  /** Move keyboard focus to the first colour button. */
  focusFirst(): void {
    this.host.shadowRoot?.querySelector<HTMLElement>('button:not([disabled]), input')?.focus();
  }

  private position(place: ToolbarPlace): void {
    const view = this.doc.defaultView;
    const scrollX = view?.scrollX ?? 0;
    const scrollY = view?.scrollY ?? 0;
    const viewportWidth = view?.innerWidth ?? 1024;
    const viewportHeight = view?.innerHeight ?? 768;
    const size = this.host.getBoundingClientRect();
    const height = size.height || 70;
    const width = size.width || 260;
    const below = place.bottom + GAP;
    const fitsBelow = below + height <= viewportHeight || place.top - GAP - height < 0;
    const top = (fitsBelow ? below : place.top - GAP - height) + scrollY;
    const left = Math.max(GAP, Math.min(place.left, viewportWidth - width - GAP)) + scrollX;
    this.host.style.top = `${Math.round(top)}px`;
    this.host.style.left = `${Math.round(left)}px`;
  }
}
