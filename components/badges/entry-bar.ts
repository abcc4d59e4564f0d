/**
 * What Paperlight adds under one paper entry: the save toggle, then the badge row.
 *
 * Built with plain DOM calls, not Preact: a 2,000-entry listing shows 2,000 of these, and diffing a
 * virtual tree per entry (once when built, once more when the saved state arrives) was a fifth of the
 * content script's main-thread time (issue 4, tests/bench/page.ts). Here a row is built once; a saved-state
 * change touches only the toggle's attributes that differ.
 *
 * Page-derived text (titles, benchmark names, hover text) only ever goes into text nodes and attribute
 * values, never into markup.
 */
import { badgeClass, DEFAULT_VISIBLE_BADGES, foldTitle } from './badge-markup';
import type { BadgeData, SaveState } from './types';

export interface EntryBarContent {
  badges: readonly BadgeData[];
  state: SaveState;
  /** The paper's title, for the toggle's accessible name ("Save “Title”"). */
  title: string;
}

export class EntryBar {
  /** `.pl-root`: what goes into the shadow root. */
  readonly element: HTMLDivElement;
  private readonly toggle: SaveToggle;
  private row: BadgeRowView | undefined;
  private badges: readonly BadgeData[] | undefined;

  constructor(
    private readonly doc: Document,
    onToggle: () => void,
    private readonly maxBadges = DEFAULT_VISIBLE_BADGES,
  ) {
    this.element = doc.createElement('div');
    this.element.className = 'pl-root';
    this.toggle = new SaveToggle(doc, onToggle);
    this.element.append(this.toggle.element);
  }

  update({ badges, state, title }: EntryBarContent): void {
    this.toggle.update(state, title);
    if (badges === this.badges) return;
    this.badges = badges;
    // Another paper in the same entry: a new row, folded or not as the reader left the previous one.
    const expanded = this.row?.expanded ?? false;
    this.row?.element.remove();
    this.row = badges.length > 0 ? new BadgeRowView(this.doc, badges, this.maxBadges, expanded) : undefined;
    if (this.row) this.element.append(this.row.element);
  }
}

/** What a toggle shows for a state: its text (also the start of its accessible name) and its hover text. */
export function saveToggleText(state: SaveState): { text: string; hover: string } {
  const { status, saved } = state;
  const text =
    status === 'pending'
      ? saved ? 'Removing…' : 'Saving…'
      : status === 'error'
        ? saved ? 'Remove failed' : 'Save failed'
        : saved ? 'Saved' : 'Save';
  const hover =
    status === 'error'
      ? `${state.error ?? 'Something went wrong.'} Click to try again.`
      : saved
        ? 'Saved in your Paperlight library. Click to remove it.'
        : 'Save to your Paperlight library.';
  return { text, hover };
}

/**
 * One-click save: a toggle button (aria-pressed = in the library). While a request runs it shows
 * "Saving…"/"Removing…" and ignores clicks; a failure shows as failed, with the reason on hover, and
 * keeps aria-pressed at what is really stored (a failed save is never shown as saved). Clicking a failed
 * toggle tries the same change again. Enter and Space reach it as clicks (it is a real button).
 */
export class SaveToggle {
  readonly element: HTMLButtonElement;
  private readonly icon: HTMLSpanElement;
  private readonly label: Text;
  private status: SaveState['status'] | undefined;

  constructor(doc: Document, onToggle: () => void) {
    this.element = doc.createElement('button');
    this.element.type = 'button'; // never submits a form it sits in
    this.element.className = 'pl-button pl-save';
    this.element.setAttribute('data-paperlight-action', 'save');
    this.icon = doc.createElement('span');
    this.icon.className = 'pl-save-icon';
    this.icon.setAttribute('aria-hidden', 'true');
    this.label = doc.createTextNode('');
    this.element.append(this.icon, this.label);
    this.element.addEventListener('click', (event) => {
      event.preventDefault();
      if (this.status !== 'pending') onToggle();
    });
  }

  update(state: SaveState, title: string): void {
    const { text, hover } = saveToggleText(state);
    this.status = state.status;
    const button = this.element;
    setAttribute(button, 'data-state', state.status);
    setAttribute(button, 'aria-pressed', state.saved ? 'true' : 'false');
    setAttribute(button, 'aria-busy', state.status === 'pending' ? 'true' : undefined);
    // Starts with the visible text (WCAG "label in name"), then says which paper.
    setAttribute(button, 'aria-label', `${text} “${title}”`);
    setAttribute(button, 'title', hover);
    const icon = state.saved ? '★' : '☆';
    if (this.icon.textContent !== icon) this.icon.textContent = icon;
    if (this.label.data !== text) this.label.data = text;
  }
}

/**
 * A compact row of topic and benchmark badges, the same markup as the popup's ./BadgeRow.tsx. Badges past
 * `max` are folded behind a "+N" button but still in the DOM (hidden), so the button only flips visibility.
 */
export class BadgeRowView {
  readonly element: HTMLUListElement;
  private readonly items: HTMLLIElement[] = [];
  private readonly more: HTMLButtonElement | undefined;

  constructor(
    private readonly doc: Document,
    private readonly badges: readonly BadgeData[],
    private readonly max: number,
    public expanded = false,
  ) {
    this.element = doc.createElement('ul');
    this.element.className = 'pl-badges';
    this.element.setAttribute('aria-label', 'Topics and benchmarks');
    for (const badge of badges) {
      const item = doc.createElement('li');
      item.append(badgeElement(doc, badge));
      this.items.push(item);
    }
    this.element.append(...this.items);
    if (badges.length > max) {
      const button = (this.more = doc.createElement('button'));
      button.type = 'button';
      button.className = 'pl-button pl-more';
      button.addEventListener('click', () => this.setExpanded(!this.expanded));
      const item = doc.createElement('li');
      item.append(button);
      this.element.append(item);
    }
    this.setExpanded(expanded);
  }

  setExpanded(expanded: boolean): void {
    this.expanded = expanded;
    this.items.forEach((item, index) => (item.hidden = !expanded && index >= this.max));
    const button = this.more;
    if (!button) return;
    button.setAttribute('aria-expanded', expanded ? 'true' : 'false');
    button.title = foldTitle(this.badges, this.max, expanded);
    if (expanded) button.replaceChildren('fewer');
    else {
      const hidden = this.doc.createElement('span');
      hidden.className = 'pl-visually-hidden';
      hidden.textContent = ' more';
      button.replaceChildren(`+${this.badges.length - this.max}`, hidden);
    }
  }
}

function badgeElement(doc: Document, badge: BadgeData): HTMLSpanElement {
  const element = doc.createElement('span');
  element.className = badgeClass(badge);
  element.setAttribute('data-paperlight-badge', '');
  element.setAttribute('data-kind', badge.kind);
  element.setAttribute('data-value', badge.value);
  if (badge.discovered) element.setAttribute('data-discovered', 'true');
  if (badge.hover !== undefined) element.title = badge.hover;
  element.textContent = badge.label;
  return element;
}

/** Set (or, with undefined, remove) an attribute only when it changes: an unchanged one costs no style work. */
function setAttribute(element: Element, name: string, value: string | undefined): void {
  if (value === undefined) {
    if (element.hasAttribute(name)) element.removeAttribute(name);
  } else if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}
