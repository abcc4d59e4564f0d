// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BadgeRow } from '../../../components/badges/BadgeRow';
import { SaveToggle } from '../../../components/badges/SaveToggle';
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
    const button = mount(<SaveToggle state={state} title="FuseReg" onToggle={() => {}} />).querySelector('button')!;
    expect(button.getAttribute('data-paperlight-action')).toBe('save');
    expect(button.getAttribute('aria-pressed')).toBe(pressed);
    expect(button.getAttribute('data-state')).toBe(dataState);
    expect(button.textContent).toContain(text);
    expect(button.getAttribute('aria-label')).toBe(`${text} “FuseReg”`);
    if (state.status === 'error') expect(button.getAttribute('title')).toContain('disk full');
    expect(button.getAttribute('aria-busy')).toBe(state.status === 'pending' ? 'true' : null);
  });

  it('toggles on click (Enter/Space come as clicks on a button) and ignores clicks while pending', () => {
    const onToggle = vi.fn();
    let button = mount(<SaveToggle state={{ status: 'unsaved', saved: false }} title="T" onToggle={onToggle} />).querySelector('button')!;
    button.click();
    expect(onToggle).toHaveBeenCalledOnce();
    render(null, container);
    button = mount(<SaveToggle state={{ status: 'pending', saved: false }} title="T" onToggle={onToggle} />).querySelector('button')!;
    button.click();
    expect(onToggle).toHaveBeenCalledOnce();
    expect(button.type).toBe('button'); // never submits a form it sits in
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
