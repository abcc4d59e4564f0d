/**
 * How the reader makes and edits highlights on the page: a selection inside a title or abstract brings up
 * the toolbar (create mode); a click on a highlight brings it up for that highlight (edit mode). Tab moves
 * into the toolbar, Escape closes it; the keyboard command highlights the selection in the default colour.
 */
import type { StoredHighlight } from '../../../db/schema';
import { DEFAULT_HIGHLIGHT_COLOR, type HighlightColor } from '../../../highlights/colors';
import type { Reply } from '../../../messaging/protocol';
import { MARK_SELECTOR } from './paint';
import { selectionTarget, type FieldOwner, type SelectionTarget } from './selection';
import { ToolbarHost } from './toolbar-host';

export interface InteractionDeps {
  doc: Document;
  signal: AbortSignal;
  locate(node: Node): FieldOwner | undefined;
  create(target: SelectionTarget, color: HighlightColor, note: string): Promise<Reply<StoredHighlight>>;
  /** The stored highlight a painted mark shows. */
  highlightOf(mark: Element): StoredHighlight | undefined;
  update(highlight: StoredHighlight, changes: { color?: string; note?: string }): Promise<Reply<StoredHighlight>>;
  remove(highlight: StoredHighlight): Promise<Reply<boolean>>;
  /** Quiet time after the last selection change before the toolbar follows it (ms). */
  selectionDelayMs?: number;
}

export class HighlightInteractions {
  readonly toolbar: ToolbarHost;
  private selectionTimer: ReturnType<typeof setTimeout> | undefined;
  private pointerDown = false;
  /** What the create toolbar shown now would highlight. */
  private creating: SelectionTarget | undefined;

  constructor(private readonly deps: InteractionDeps) {
    const { doc, signal } = deps;
    this.toolbar = new ToolbarHost(doc);
    const options = { signal };
    doc.addEventListener('mousedown', (event) => this.onPointerDown(event), options);
    doc.addEventListener('mouseup', () => this.onPointerUp(), options);
    doc.addEventListener('keyup', (event) => this.onKeyUp(event), options);
    doc.addEventListener('selectionchange', () => this.checkSelectionSoon(), options);
    doc.addEventListener('click', (event) => this.onClick(event), options);
    doc.addEventListener('keydown', (event) => this.onKeyDown(event), { signal, capture: true });
    signal.addEventListener('abort', () => this.dispose(), { once: true });
  }

  /**
   * The keyboard command: highlight the current selection in the default colour (with the note being typed,
   * when the command comes while the toolbar's note field has the focus). False when nothing is selected.
   */
  async highlightSelection(): Promise<boolean> {
    const typing = this.toolbar.mode === 'create' && this.toolbar.hasFocus() ? this.creating : undefined;
    const target = selectionTarget(this.deps.doc.getSelection(), this.deps.locate) ?? typing;
    if (!target) return false;
    const note = target === typing ? this.toolbar.typedNote() : '';
    this.showCreate(target);
    await this.createFrom(target, DEFAULT_HIGHLIGHT_COLOR, note);
    return true;
  }

  /** Look at the selection now (tests; mouseup). */
  checkSelection(): void {
    clearTimeout(this.selectionTimer);
    this.selectionTimer = undefined;
    if (this.deps.signal.aborted || this.toolbar.hasFocus()) return; // typing a note moves the selection into the toolbar
    const target = selectionTarget(this.deps.doc.getSelection(), this.deps.locate);
    if (target) this.showCreate(target);
    else if (this.toolbar.mode === 'create') this.toolbar.hide();
  }

  hide(): void {
    this.toolbar.hide();
  }

  dispose(): void {
    clearTimeout(this.selectionTimer);
    this.toolbar.hide();
  }

  private showCreate(target: SelectionTarget): void {
    this.creating = target;
    this.toolbar.show(
      {
        mode: 'create',
        onColor: (color, note) => void this.createFrom(target, color, note),
        onDismiss: () => this.toolbar.hide(),
      },
      target.place,
    );
  }

  private async createFrom(target: SelectionTarget, color: HighlightColor, note: string): Promise<void> {
    this.toolbar.update({ busy: true, error: undefined });
    const reply = await this.deps.create(target, color, note);
    if (reply.ok) {
      this.deps.doc.getSelection()?.removeAllRanges();
      this.toolbar.hide();
    } else {
      this.toolbar.update({ busy: false, error: `Not highlighted: ${reply.error}` });
    }
  }

  private showEdit(mark: Element, highlight: StoredHighlight): void {
    const box = mark.getBoundingClientRect();
    const act = async (request: () => Promise<Reply<unknown>>, closeAfter: boolean) => {
      this.toolbar.update({ busy: true, error: undefined });
      const reply = await request();
      if (!reply.ok) this.toolbar.update({ busy: false, error: reply.error });
      else if (closeAfter) this.toolbar.hide();
    };
    this.toolbar.show(
      {
        mode: 'edit',
        color: highlight.color,
        note: highlight.note,
        onColor: (color, note) =>
          void act(async () => {
            const reply = await this.deps.update(highlight, note === highlight.note ? { color } : { color, note });
            if (reply.ok) {
              highlight = reply.value;
              this.toolbar.update({ busy: false, color: reply.value.color, note: reply.value.note });
            }
            return reply;
          }, false),
        onSaveNote: (note) => void act(() => this.deps.update(highlight, { note }), true),
        onDelete: () => void act(() => this.deps.remove(highlight), true),
        onDismiss: () => this.toolbar.hide(),
      },
      { top: box.top, bottom: box.bottom, left: box.left },
    );
  }

  private checkSelectionSoon(): void {
    if (this.pointerDown) return; // dragging: wait for mouseup
    clearTimeout(this.selectionTimer);
    this.selectionTimer = setTimeout(() => this.checkSelection(), this.deps.selectionDelayMs ?? 150);
  }

  private onPointerDown(event: MouseEvent): void {
    if (event.button !== 0) return;
    this.pointerDown = true;
    // A press elsewhere ends editing a highlight (a press in the toolbar never reaches the page: contained).
    const onMark = event.target instanceof Element && event.target.closest(MARK_SELECTOR);
    if (this.toolbar.mode === 'edit' && !onMark) this.toolbar.hide();
  }

  private onPointerUp(): void {
    if (!this.pointerDown) return;
    this.pointerDown = false;
    // After the browser has updated the selection for this click.
    setTimeout(() => this.checkSelection(), 0);
  }

  private onKeyUp(event: KeyboardEvent): void {
    if (event.key === 'Shift' || event.shiftKey || event.key.startsWith('Arrow')) this.checkSelectionSoon();
  }

  private onClick(event: MouseEvent): void {
    const target = event.target instanceof Element ? event.target : null;
    const mark = target?.closest(MARK_SELECTOR);
    // Inside a link (a Hugging Face title) the click is the link's; a selection over a highlight makes a new one.
    if (!mark || mark.closest('a[href]') || selectionTouches(this.deps.doc.getSelection(), mark)) return;
    const highlight = this.deps.highlightOf(mark);
    if (highlight) this.showEdit(mark, highlight);
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (!this.toolbar.visible || this.toolbar.contains(event.target)) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      this.toolbar.hide();
    } else if (event.key === 'Tab' && !event.shiftKey && !event.ctrlKey && !event.altKey && !event.metaKey) {
      // The toolbar floats outside the page's tab order: Tab goes into it while it is shown.
      event.preventDefault();
      this.toolbar.focusFirst();
    }
  }
}

/** Is text selected across this element (the click ended a drag over it)? */
function selectionTouches(selection: Selection | null, element: Element): boolean {
  try {
    return !!selection && !selection.isCollapsed && selection.rangeCount > 0 && selection.getRangeAt(0).intersectsNode(element);
  } catch {
    return false;
  }
}
