// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { googleScholar, isScholarResults } from '../../../lib/sites/google-scholar';
import { doiIdFromLink } from '../../../lib/sites/ids';
import { detectAll } from './arxiv-fixtures';
import { parseFixture } from './fixtures';

describe('Google Scholar URL detector', () => {
  it.each([
    ['https://scholar.google.com/scholar?q=reward+models', true],
    ['https://scholar.google.co.jp/scholar?hl=en&cluster=5362332738201102290&num=1', true],
    ['https://scholar.google.de/scholar?q=x', true],
    ['https://scholar.google.com.au/scholar?q=x', true],
    ['https://scholar.google.com/citations?user=kukA0LcAAAAJ', false],
    ['https://scholar.google.com/', false],
    ['https://scholar.google.evil.example/scholar?q=x', false],
    ['https://www.google.com/scholar?q=x', false],
  ])('%s → %s', (href, expected) => expect(isScholarResults(new URL(href))).toBe(expected));

  it('names a manifest pattern for each country host it lists', () => {
    for (const pattern of googleScholar.matches) expect(pattern).toMatch(/^https:\/\/scholar\.google\.[a-z.]+\/scholar\*$/);
  });
});

const RESULTS_2020 = 'google-scholar/gs_search_results_2020-11.html';

describe('Google Scholar, 2020 results page (capture, 10 results)', () => {
  const { entries, roots, doc } = detectAll(RESULTS_2020, googleScholar, 'https://scholar.google.com/scholar?q=Geology');

  it('reads the 10 results, not the alert box', () => {
    expect(doc.querySelectorAll('div.gs_r')).not.toHaveLength(10); // there are non-result .gs_r boxes
    expect(roots).toHaveLength(10);
    expect(entries).toHaveLength(10);
  });

  it('keys by DOI when the link names one, else by Scholar cluster id', () => {
    const ids = entries.map((e) => e.paper.id);
    expect(ids[0]).toBe('scholar:4qAC3XBmStsJ');
    expect(ids[6]).toBe('doi:10.1002/jqs.691');
    expect(ids.filter((id) => id.startsWith('scholar:'))).toHaveLength(9);
    expect(new Set(ids).size).toBe(10);
  });

  it('reads a [CITATION] result (no link): title without labels, cluster URL', () => {
    const { paper } = entries[0]!;
    expect(paper.title).toBe('Geology of the Olympus Range Area, Southern Victoria Land');
    expect(paper.authors).toEqual(['MJ Isaac', 'TJ Chinn', 'SW Edbrooke', 'PJ Forsyth']);
    expect(paper.url).toBe('https://scholar.google.com/scholar?cluster=15801554877513113826');
    expect(paper.abstract).toBe('');
  });

  it('reads a [PDF] result: title without the label, authors cut at " - ", truncated lists without "…"', () => {
    expect(entries[1]!.paper.title).toBe('Plutonic rocks from the Cape Roberts hinterland: Wilson piedmont glacier, southern Victoria land, Antarctica');
    expect(entries[1]!.paper.authors).toEqual(['PJ Forsyth', 'N Mortimer', 'IM Turnbull']);
    expect(entries[5]!.paper.authors).toEqual(['S Bannister', 'J Yu', 'B Leitner']);
    expect(entries[2]!.paper.abstract).toMatch(/^Regional Geology … GEOLOGIC CONTEXT OF U-Pb SAMPLES/);
    expect(entries[1]!.paper.url).toBe('http://sidst3.dst.unisi.it/english/Publications/TAP/TA_pdfs/Volume_09/TA_09_057_Forsyth.pdf');
  });

  it('places the UI before the links row, inside the result', () => {
    for (const entry of entries) {
      const host = doc.createElement('paperlight-entry');
      entry.placeUi(host);
      expect(entry.root.contains(host)).toBe(true);
      expect(host.closest('a')).toBeNull();
    }
    expect(entries[2]!.root.querySelector('paperlight-entry')!.nextElementSibling?.classList.contains('gs_fl')).toBe(true);
  });
});

describe('Google Scholar, 2016 pages (captures, plain div.gs_r)', () => {
  it.each([
    ['goscholar_2016-05-14_fetch_test.html', 'scholar:0qfs6zbVakoJ', 'Deep learning', ['Y LeCun', 'Y Bengio', 'G Hinton'], /^Deep learning allows computational models/],
    ['goscholar_2016-05-14_parse_test_case1.html', 'scholar:pYyS8T9g_kkJ', 'Learning deep architectures for AI', ['Y Bengio'], /^Theoretical results suggest/],
    // A [CITATION] of a CoRR preprint: the venue names the arXiv id, so the paper gets its arXiv identity.
    ['goscholar_2016-05-14_parse_test_case2.html', '1206.5538', 'Unsupervised feature learning and deep learning: A review and new perspectives', ['Y Bengio', 'AC Courville', 'P Vincent'], /^$/],
  ])('%s', (file, id, title, authors, abstract) => {
    const { entries } = detectAll(`google-scholar/${file}`, googleScholar, 'https://scholar.google.co.jp/scholar?q=x');
    expect(entries).toHaveLength(1);
    expect(entries[0]!.paper).toMatchObject({ id, title, authors, site: 'google-scholar' });
    expect(entries[0]!.paper.abstract).toMatch(abstract);
  });

  it('links a result with a title link to that link', () => {
    const { entries } = detectAll('google-scholar/goscholar_2016-05-14_parse_test_case1.html', googleScholar, 'https://scholar.google.co.jp/scholar?q=x');
    expect(entries[0]!.paper.url).toBe('http://dl.acm.org/citation.cfm?id=1658424');
  });
});

describe('Google Scholar, broken results', () => {
  it('skips a result with neither title nor any id, never throws', () => {
    const doc = parseFixture(RESULTS_2020);
    const [first, second] = doc.querySelectorAll(googleScholar.entrySelector);
    first!.querySelector('h3')!.remove();
    second!.parentElement!.removeAttribute('data-cid');
    second!.querySelector('h3 a')!.removeAttribute('id');
    second!.querySelector('h3 a')!.setAttribute('href', 'https://example.org/paper');
    for (const a of second!.querySelectorAll('a[onclick], a[href*="related:"]')) a.remove();
    expect(googleScholar.readEntry(first!, undefined)).toBeUndefined();
    expect(googleScholar.readEntry(second!, undefined)).toBeUndefined();
    expect(googleScholar.recognizesPage!(parseFixture(RESULTS_2020))).toBe(true);
    expect(googleScholar.recognizesPage!(parseFixture('arxiv/arxiv_abs_2609.31620.rendered.html'))).toBe(false);
  });
});

describe('DOIs in links', () => {
  it.each([
    ['https://onlinelibrary.wiley.com/doi/abs/10.1002/jqs.691', 'doi:10.1002/jqs.691'],
    ['https://dl.acm.org/doi/10.1145/3292500.3330701', 'doi:10.1145/3292500.3330701'],
    ['https://www.tandfonline.com/doi/full/10.1080/1234.2020.1/abstract', 'doi:10.1080/1234.2020.1'],
    ['https://link.springer.com/content/pdf/10.1007/S00531-020-01.pdf', 'doi:10.1007/s00531-020-01'],
    ['https://doi.org/10.18653%2Fv1%2F2020.acl-main.1', 'doi:10.18653/v1/2020.acl-main.1'],
    ['https://www.sciencedirect.com/science/article/pii/S0921818199000594', undefined],
  ])('%s → %s', (href, id) => expect(doiIdFromLink(new URL(href))).toBe(id));
});
