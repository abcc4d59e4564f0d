// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { isOpenReviewPage, openreview } from '../../../lib/sites/openreview';
import { detectAll, expectedCounts } from './arxiv-fixtures';
import { parseFixture } from './fixtures';

const FORUM = 'openreview_forum_dribhnhm1i.reconstructed.html';
const VENUE = 'openreview_venue_COLM2024.constructed.html';
interface ExpectedOpenReview {
  url: string;
  totalEntries: number;
  entriesWithAbstract: number;
  // forum page
  forumId: string;
  title: string;
  authors: string[];
  abstractStartsWith: string;
  // venue page
  firstForumId: string;
}
const counts = expectedCounts<ExpectedOpenReview>('openreview');
const expected = { [FORUM]: counts[FORUM]!, [VENUE]: counts[VENUE]! };

describe('OpenReview URL detector', () => {
  it.each([
    ['https://openreview.net/group?id=colmweb.org/COLM/2024/Conference#tab-accept', true],
    ['https://openreview.net/forum?id=dribhnhm1i', true],
    ['https://openreview.net/forum?id=dribhnhm1i&noteId=TVuw03aoPf', true],
    ['https://openreview.net/submissions?venue=ICLR.cc/2025/Conference', true],
    ['https://openreview.net/forum', false],
    ['https://openreview.net/profile?id=~Alisa_Liu1', false],
    ['https://openreview.net/pdf?id=dribhnhm1i', false],
    ['https://openreview.net.evil.example/forum?id=x', false],
  ])('%s → %s', (href, ok) => expect(isOpenReviewPage(new URL(href))).toBe(ok));
});

describe('OpenReview forum page', () => {
  const { entries, roots } = detectAll(`openreview/${FORUM}`, openreview, expected[FORUM].url);

  it('is one entry keyed by the forum id; the replies are not entries', () => {
    expect(roots).toHaveLength(1);
    expect(entries).toHaveLength(1);
    const { paper, titleElement, abstractElement } = entries[0]!;
    expect(paper.id).toBe(`openreview:${expected[FORUM].forumId}`);
    expect(paper.url).toBe(`https://openreview.net/forum?id=${expected[FORUM].forumId}`);
    expect(paper.title).toBe(expected[FORUM].title);
    expect(paper.authors).toEqual(expected[FORUM].authors);
    expect(paper.abstract.startsWith(expected[FORUM].abstractStartsWith)).toBe(true);
    expect(titleElement?.matches('h2.citation_title')).toBe(true);
    expect(abstractElement?.classList.contains('markdown-rendered')).toBe(true);
  });

  it('keeps the first reading of an abstract that MathJax 3 typesets afterwards (it keeps no source)', () => {
    const doc = parseFixture(`openreview/${FORUM}`);
    const root = doc.querySelector(openreview.entrySelector)!;
    const context = openreview.readContext(doc, new URL(expected[FORUM].url));
    const value = openreview.readEntry(root, context)!.abstractElement!.querySelector('p')!;
    value.append(' We bound it by $O(n)$.');
    const before = openreview.readEntry(root, context)!.paper;
    expect(before.abstract).toMatch(/\$O\(n\)\$\.$/);
    value.innerHTML = value.innerHTML.replace('$O(n)$', '<mjx-container class="MathJax"><mjx-math>O(n)</mjx-math></mjx-container>');
    expect(openreview.readEntry(root, context)!.paper).toEqual(before);
  });
});

describe('OpenReview venue page', () => {
  const { entries, roots, doc } = detectAll(`openreview/${VENUE}`, openreview, expected[VENUE].url);

  it('reads every note of every tab (hidden tabs too)', () => {
    expect(roots).toHaveLength(expected[VENUE].totalEntries);
    expect(entries).toHaveLength(expected[VENUE].totalEntries);
    expect(entries[0]!.paper.id).toBe(`openreview:${expected[VENUE].firstForumId}`);
    expect(new Set(entries.map((e) => e.paper.id)).size).toBe(expected[VENUE].totalEntries);
    expect(entries.filter((e) => e.paper.abstract)).toHaveLength(expected[VENUE].entriesWithAbstract);
  });

  it('reads the same paper on the venue list as on its forum', () => {
    const forum = detectAll(`openreview/${FORUM}`, openreview, expected[FORUM].url).entries[0]!.paper;
    expect(entries[0]!.paper).toEqual(forum);
  });

  it('places the UI after the authors, never inside the title link', () => {
    const host = doc.createElement('paperlight-entry');
    entries[1]!.placeUi(host);
    expect(host.previousElementSibling?.classList.contains('note-authors')).toBe(true);
    expect(host.closest('a')).toBeNull();
  });

  it('skips a note without forum link, never throws', () => {
    const local = parseFixture(`openreview/${VENUE}`);
    const note = local.querySelector(openreview.entrySelector)!;
    note.querySelector('h4 a')!.remove();
    expect(openreview.readEntry(note, {})).toBeUndefined();
    expect(openreview.recognizesPage!(parseFixture(`openreview/${VENUE}`))).toBe(true);
  });
});
