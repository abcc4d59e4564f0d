// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BadgeRow } from '../../../components/badges/BadgeRow';
import { BadgeRowView, EntryBar, SaveToggle } from '../../../components/badges/entry-bar';
import { badgeCss, installBadgeStylesheet, shadowRootCss } from '../../../components/badges/styles';
import type { BadgeData, SaveState } from '../../../components/badges/types';
import { badgesFor } from '../../../lib/content/entry-badges';
import { fakeExtract } from './fakes';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
let container: HTMLElement;

function mount(vnode: preact.ComponentChild): HTMLElement {
  container = document.createElement('div');
  document.body.append(container);
  render(vnode, container);
  return container;
}

afterEach(() => {
  render(null, container);
  container.remove();
});

const badges: BadgeData[] = [
  { kind: 'topic', value: 'math-reasoning', label: 'Mathematical reasoning', hover: 'Matched: “math”' },
  { kind: 'benchmark', value: 'GSM8K', label: 'GSM8K', hover: 'Reported: 94.1%' },
  { kind: 'benchmark', value: 'MATH', label: 'MATH' },
  { kind: 'benchmark', value: 'AIME 2024', label: 'AIME 2024' },
  { kind: 'benchmark', value: 'FooBench', label: 'FooBench', discovered: true },
  { kind: 'topic', value: 'reasoning', label: 'Reasoning' },
  { kind: 'benchmark', value: 'MMLU', label: 'MMLU' },
];

describe('BadgeRow', () => {
  it('shows the first `max`, folds the rest behind "+N" but keeps them as hooked elements', async () => {
    const root = mount(<BadgeRow badges={badges} max={4} />);
    const all = [...root.querySelectorAll('[data-paperlight-badge]')];
    expect(all.map((b) => [b.getAttribute('data-kind'), b.getAttribute('data-value')])).toEqual(badges.map((b) => [b.kind, b.value]));
    const visible = () => all.filter((b) => !b.closest('li')!.hidden).map((b) => b.getAttribute('data-value'));
    expect(visible()).toEqual(['math-reasoning', 'GSM8K', 'MATH', 'AIME 2024']);
    const more = root.querySelector<HTMLButtonElement>('button.pl-more')!;
    expect(more.textContent).toBe('+3 more');
    expect(more.getAttribute('aria-expanded')).toBe('false');
    more.click();
    await flush();
    expect(visible()).toHaveLength(7);
    expect(more.getAttribute('aria-expanded')).toBe('true');
    more.click();
    await flush();
    expect(visible()).toHaveLength(4);
  });

  it('styles topics, benchmarks and discovered benchmarks differently, with the hover text', () => {
    const root = mount(<BadgeRow badges={badges} />);
    const byValue = (value: string) => root.querySelector(`[data-value="${value}"]`)!;
    expect(byValue('math-reasoning').className).toContain('pl-badge--topic');
    expect(byValue('GSM8K').className).toContain('pl-badge--benchmark');
    expect(byValue('GSM8K').className).not.toContain('pl-badge--new');
    expect(byValue('FooBench').className).toContain('pl-badge--new');
    expect(byValue('FooBench').getAttribute('data-discovered')).toBe('true');
    expect(byValue('GSM8K').getAttribute('title')).toBe('Reported: 94.1%');
    expect(root.querySelector('button.pl-more')).not.toBeNull(); // 7 badges, default max 5
  });

  it('renders nothing without badges, and no "+N" when all fit', () => {
    expect(mount(<BadgeRow badges={[]} />).innerHTML).toBe('');
    render(null, container);
    expect(mount(<BadgeRow badges={badges.slice(0, 2)} />).querySelector('button')).toBeNull();
  });

  it('renders page text as text, never as markup', () => {
    const root = mount(<BadgeRow badges={[{ kind: 'benchmark', value: '<img src=x onerror=alert(1)>', label: '<b>x</b>', hover: '<i>' }]} />);
    expect(root.querySelector('img, b, i')).toBeNull();
    expect(root.querySelector('[data-paperlight-badge]')!.textContent).toBe('<b>x</b>');
  });
});

describe('BadgeRowView (the content script\'s row, plain DOM)', () => {
  it('builds the same markup as the popup\'s BadgeRow, folded and unfolded', async () => {
    for (const [list, max] of [[badges, 4], [badges, 5], [badges.slice(0, 2), 5], [[{ kind: 'benchmark', value: '<img>', label: '<b>x</b>', hover: '<i>' }], 5]] as const) {
      const preact = mount(<BadgeRow badges={[...list]} max={max} />);
      const view = new BadgeRowView(document, list, max);
      expect(view.element.outerHTML).toBe(preact.innerHTML);
      if (list.length > max) {
        preact.querySelector<HTMLButtonElement>('button.pl-more')!.click();
        view.element.querySelector<HTMLButtonElement>('button.pl-more')!.click();
        await flush();
        expect(view.expanded).toBe(true);
        expect(view.element.outerHTML).toBe(preact.innerHTML);
      }
      render(null, container);
      container.remove();
    }
  });

  it('renders page text as text, never as markup', () => {
    const view = new BadgeRowView(document, [{ kind: 'benchmark', value: '<img src=x onerror=alert(1)>', label: '<b>x</b>', hover: '<i>' }], 5);
    expect(view.element.querySelector('img, b, i')).toBeNull();
    expect(view.element.querySelector('[data-paperlight-badge]')!.textContent).toBe('<b>x</b>');
    expect(view.element.querySelector('[data-paperlight-badge]')!.getAttribute('data-value')).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('SaveToggle', () => {
  const states: [SaveState, string, string, string][] = [
    [{ status: 'unknown', saved: false }, 'false', 'Save', 'unknown'],
    [{ status: 'unsaved', saved: false }, 'false', 'Save', 'unsaved'],
    [{ status: 'saved', saved: true }, 'true', 'Saved', 'saved'],
    [{ status: 'pending', saved: false }, 'false', 'Saving…', 'pending'],
    [{ status: 'pending', saved: true }, 'true', 'Removing…', 'pending'],
    [{ status: 'error', saved: false, error: 'disk full' }, 'false', 'Save failed', 'error'],
    [{ status: 'error', saved: true, error: 'disk full' }, 'true', 'Remove failed', 'error'],
  ];

  it.each(states)('%j: aria-pressed=%s, reads %j', (state, pressed, text, dataState) => {
    const toggle = new SaveToggle(document, () => {});
    toggle.update(state, 'FuseReg');
    const button = toggle.element;
    expect(button.getAttribute('data-paperlight-action')).toBe('save');
    expect(button.getAttribute('aria-pressed')).toBe(pressed);
    expect(button.getAttribute('data-state')).toBe(dataState);
    expect(button.textContent).toBe(`${state.saved ? '★' : '☆'}${text}`);
    expect(button.querySelector('.pl-save-icon')!.getAttribute('aria-hidden')).toBe('true');
    expect(button.getAttribute('aria-label')).toBe(`${text} “FuseReg”`);
    if (state.status === 'error') expect(button.getAttribute('title')).toContain('disk full');
    expect(button.getAttribute('aria-busy')).toBe(state.status === 'pending' ? 'true' : null);
  });

  it('goes from any state to any other in place (the same button, nothing left of the previous state)', () => {
    const toggle = new SaveToggle(document, () => {});
    for (const [from] of states) {
      for (const [to, pressed, text, dataState] of states) {
        toggle.update(from, 'A');
        toggle.update(to, 'B');
        expect([toggle.element.getAttribute('aria-pressed'), toggle.element.getAttribute('data-state')]).toEqual([pressed, dataState]);
        expect(toggle.element.getAttribute('aria-busy')).toBe(to.status === 'pending' ? 'true' : null);
        expect(toggle.element.getAttribute('aria-label')).toBe(`${text} “B”`);
        expect(toggle.element.textContent).toBe(`${to.saved ? '★' : '☆'}${text}`);
      }
    }
  });

  it('toggles on click (Enter/Space come as clicks on a button) and ignores clicks while pending', () => {
    const onToggle = vi.fn();
    const toggle = new SaveToggle(document, onToggle);
    toggle.update({ status: 'unsaved', saved: false }, 'T');
    toggle.element.click();
    expect(onToggle).toHaveBeenCalledOnce();
    toggle.update({ status: 'pending', saved: false }, 'T');
    toggle.element.click();
    expect(onToggle).toHaveBeenCalledOnce();
    toggle.update({ status: 'error', saved: false, error: 'x' }, 'T');
    toggle.element.click();
    expect(onToggle).toHaveBeenCalledTimes(2);
    expect(toggle.element.type).toBe('button'); // never submits a form it sits in
  });
});

describe('EntryBar', () => {
  it('shows the toggle, then the badges; a state change updates the toggle and keeps the row', () => {
    const bar = new EntryBar(document, () => {});
    bar.update({ badges, state: { status: 'unknown', saved: false }, title: 'T' });
    expect(bar.element.className).toBe('pl-root');
    expect([...bar.element.children].map((child) => child.className)).toEqual(['pl-button pl-save', 'pl-badges']);
    const row = bar.element.querySelector('ul')!;
    bar.element.querySelector<HTMLButtonElement>('button.pl-more')!.click(); // the reader unfolds it
    bar.update({ badges, state: { status: 'saved', saved: true }, title: 'T' });
    expect(bar.element.querySelector('ul')).toBe(row);
    expect(bar.element.querySelector('[data-paperlight-action="save"]')!.getAttribute('aria-pressed')).toBe('true');
    // Another paper in the same entry: its badges, still unfolded; none: no row at all.
    bar.update({ badges: [...badges].reverse(), state: { status: 'unsaved', saved: false }, title: 'U' });
    expect(bar.element.querySelector('ul')).not.toBe(row);
    expect(bar.element.querySelector('[data-paperlight-badge]')!.getAttribute('data-value')).toBe('MMLU');
    expect(bar.element.querySelectorAll('li[hidden]')).toHaveLength(0);
    bar.update({ badges: [], state: { status: 'unsaved', saved: false }, title: 'U' });
    expect(bar.element.querySelector('ul')).toBeNull();
  });
});

describe('badges from an extraction', () => {
  it('puts two topics first, then benchmarks with hover text, then further topics', () => {
    const extraction = fakeExtract({ title: 'x'.repeat(11), abstract: '' });
    extraction.topics.push(
      { id: 'math-reasoning', label: 'Mathematical reasoning', triggers: ['math'], score: 0.8 },
      { id: 'agents', label: 'Agents', triggers: ['agent'], score: 0.5 },
    );
    const result = badgesFor(extraction);
    expect(result.map((b) => b.value)).toEqual([
      'evaluation',
      'math-reasoning',
      ...extraction.benchmarks.map((b) => b.name),
      'agents',
    ]);
    const first = result[2]!;
    expect(first.hover).toContain('Reported: 94.1% (“94.1% on');
    expect(first.hover).toContain(`Matched: “${first.value}”`);
    const discovered = result.find((b) => b.discovered)!;
    expect(discovered.hover).toMatch(/^New benchmark or dataset \(not in the catalogue\)/);
    expect(result[0]!.hover).toBe('Topic: Evaluation & benchmarks\nMatched: “benchmark”');
  });
});

describe('badge CSS', () => {
  it('works in a shadow root and as a plain stylesheet (installed once)', () => {
    expect(shadowRootCss.startsWith(':host { all: initial; display: block; }')).toBe(true);
    expect(shadowRootCss).toContain(badgeCss);
    installBadgeStylesheet(document);
    installBadgeStylesheet(document);
    const styles = document.querySelectorAll('style[data-paperlight-badge-css]');
    expect(styles).toHaveLength(1);
    expect(styles[0]!.textContent).toBe(badgeCss);
    // Every rule is scoped to our classes or the host: nothing that could style the page.
    const selectors = badgeCss.replace(/\{[^}]*\}/g, '\n').split(/[\n,]/).map((s) => s.trim()).filter(Boolean);
    for (const selector of selectors) expect(selector).toMatch(/^(\.pl-|:host)/);
  });
});
