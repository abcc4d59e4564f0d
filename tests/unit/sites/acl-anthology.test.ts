// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { aclAnthology, isAnthologyListing } from '../../../lib/sites/acl-anthology';
import { detectAll, expectedCounts } from './arxiv-fixtures';
import { parseFixture } from './fixtures';

interface ExpectedAcl {
  url: string;
  totalEntries: number;
  frontMatterEntries: number;
  entriesWithAbstract: number;
  firstId: string;
  lastId: string;
  volumes: { id: string; entries: number }[];
}

describe('ACL Anthology URL detector', () => {
  it.each([
    ['https://aclanthology.org/events/acl-2024/', true],
    ['https://aclanthology.org/events/emnlp-2023', true],
    ['https://aclanthology.org/volumes/2024.acl-long/', true],
    ['https://aclanthology.org/2024.acl-long.1/', false],
    ['https://aclanthology.org/people/hongyang-du/', false],
    ['http://aclanthology.org/events/acl-2024/', false],
  ])('%s → %s', (href, ok) => expect(isAnthologyListing(new URL(href))).toBe(ok));
});

describe.each(Object.entries(expectedCounts<ExpectedAcl>('acl-anthology')))('ACL Anthology %s', (file, expected) => {
  const { entries, roots, doc } = detectAll(`acl-anthology/${file}`, aclAnthology, expected.url);

  it('reads every paper row, skipping the volumes’ front matter', () => {
    expect(roots).toHaveLength(expected.totalEntries);
    expect(entries).toHaveLength(expected.totalEntries - expected.frontMatterEntries);
    expect(entries.every((e) => !e.paper.id.endsWith('.0'))).toBe(true);
    expect(entries.at(-1)!.paper.id).toBe(`acl:${expected.lastId}`);
    for (const volume of expected.volumes) {
      const inVolume = entries.filter((e) => e.root.closest(`[id="${volume.id}"]`));
      expect(inVolume).toHaveLength(volume.entries - 1); // minus its front matter
    }
  });

  it('reads title (acl-fixed-case spans joined), authors and the collapsed abstract after the row', () => {
    // Every abstract on the page belongs to a paper row (front matter has none).
    expect(entries.filter((e) => e.paper.abstract)).toHaveLength(expected.entriesWithAbstract);
    const fuse = entries.find((e) => e.paper.title.startsWith('FuseReg'))!;
    expect(fuse.paper.authors.slice(0, 3)).toEqual(['Hongyang Du', 'Yunfei Xie', 'Junjie Ye']);
    expect(fuse.paper.url).toBe(`https://aclanthology.org/${fuse.paper.id.slice('acl:'.length)}/`);
    expect(entries.every((e) => !e.paper.title.includes('  '))).toBe(true);
    const withAbstract = entries.find((e) => e.abstractElement)!;
    expect(withAbstract.abstractElement!.closest('.abstract-collapse')?.id).toBe(
      `abstract-${withAbstract.paper.id.slice('acl:'.length).replace(/\./g, '--')}`,
    );
  });

  it('places the UI in the text column, not in a link', () => {
    const host = doc.createElement('paperlight-entry');
    entries[0]!.placeUi(host);
    expect(host.parentElement?.matches('span.d-block')).toBe(true);
    expect(host.closest('a')).toBeNull();
  });
});

describe('ACL Anthology, unusual rows', () => {
  it('reads a title split by acl-fixed-case spans as one string', () => {
    const { entries } = detectAll('acl-anthology/acl_event_acl-2025.constructed.html', aclAnthology, 'https://aclanthology.org/events/acl-2025/');
    expect(entries.find((e) => e.paper.id === 'acl:2025.acl-long.1')!.paper.title).toBe(
      'GraphNarrator: Generating Textual Explanations for Graph Neural Networks',
    );
  });

  it('skips a row without an Anthology link, never throws', () => {
    const doc = parseFixture('acl-anthology/acl_event_acl-2025.constructed.html');
    const row = doc.querySelectorAll(aclAnthology.entrySelector)[1]!;
    row.querySelector('strong a')!.setAttribute('href', '/people/someone/');
    expect(aclAnthology.readEntry(row, undefined)).toBeUndefined();
    expect(aclAnthology.recognizesPage!(doc)).toBe(true);
  });
});
