import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { annotatedIds, saveToggle, waitForAnnotations } from './support/page-helpers';
import { useExtensionSession } from './support/session';

// Issue 4, end to end: every other supported site annotated on its saved page in Chromium, with the real
// match patterns (host-resolver mapping), ids of each site's own kind, and a save on one of them; then the
// options page switching a site off.

const PAGES: { name: string; url: string; entries: number; first: string; root: string }[] = [
  {
    name: 'arXiv search (abstracts shown)',
    url: 'https://arxiv.org/search/?query=benchmark&searchtype=all&abstracts=show&order=-announced_date_first&size=50',
    entries: 50,
    first: '2609.31093',
    root: 'li.arxiv-result',
  },
  { name: 'arXiv HTML rendering', url: 'https://arxiv.org/html/2609.01222v2', entries: 1, first: '2609.01222', root: 'article.ltx_document' },
  { name: 'alphaXiv paper page', url: 'https://www.alphaxiv.org/abs/2609.31620', entries: 1, first: '2609.31620', root: 'h1' },
  {
    name: 'Google Scholar results (2020 capture)',
    url: 'https://scholar.google.com/scholar?q=Geology+of+the+Olympus+Range+area',
    entries: 10,
    first: 'scholar:4qAC3XBmStsJ',
    root: 'div.gs_ri',
  },
  {
    name: 'OpenReview venue (all tabs)',
    url: 'https://openreview.net/group?id=colmweb.org/COLM/2024/Conference',
    entries: 28,
    first: 'openreview:dribhnhm1i',
    root: 'div.note',
  },
  { name: 'OpenReview forum', url: 'https://openreview.net/forum?id=dribhnhm1i', entries: 1, first: 'openreview:dribhnhm1i', root: 'div.forum-note' },
  { name: 'ACL Anthology event', url: 'https://aclanthology.org/events/acl-2025/', entries: 29, first: 'acl:2025.acl-long.1', root: 'div.d-sm-flex' },
];

describe('other sites in Chromium', () => {
  const session = useExtensionSession();
  const { open } = session;


  it.each(PAGES)('$name: every entry annotated once, keyed by its site’s id', async ({ url, entries, first, root }) => {
    const { page, errors } = await open(url, entries);
    const ids = await annotatedIds(page);
    expect(ids).toHaveLength(entries);
    expect(new Set(ids).size).toBe(entries);
    expect(ids[0]).toBe(first);
    expect(await page.locator(`${root}[data-paperlight-id="${first}"]`).count()).toBe(1);
    expect(await page.evaluate(() => document.querySelectorAll('a [data-paperlight-host], .mathjax [data-paperlight-host]').length)).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('saves a Google Scholar result under the DOI its link names, and shows it saved after a reload', async () => {
    const url = PAGES.find((p) => p.name.startsWith('Google Scholar'))!.url;
    const { page, errors } = await open(url, 10);
    const toggle = saveToggle(page, 'doi:10.1002/jqs.691');
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
    await page.reload();
    await waitForAnnotations(page, 10);
    await expect.poll(() => saveToggle(page, 'doi:10.1002/jqs.691').getAttribute('aria-pressed')).toBe('true');
    await saveToggle(page, 'doi:10.1002/jqs.691').click();
    await expect.poll(() => saveToggle(page, 'doi:10.1002/jqs.691').getAttribute('aria-pressed')).toBe('false');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('switches a site off and on from the options page', async () => {
    const options = await session.browser.context.newPage();
    await options.goto(`chrome-extension://${session.browser.extensionId}/options.html`);
    const arxivBox = options.locator('[data-paperlight-site-arxiv]');
    await expect.poll(() => arxivBox.isChecked()).toBe(true);
    const { page } = await open('https://arxiv.org/html/2609.01222v2', 1);
    await arxivBox.uncheck();
    // The open tab follows the setting: its UI goes.
    await expect.poll(() => page.locator('[data-paperlight-host]').count()).toBe(0);
    await page.reload();
    await page.waitForTimeout(1000);
    expect(await page.locator('[data-paperlight-host]').count()).toBe(0);
    // Other sites are not affected.
    const scholar = await open(PAGES.find((p) => p.name.startsWith('Google Scholar'))!.url, 10);
    await arxivBox.check();
    await expect.poll(() => page.locator('[data-paperlight-host]').count()).toBe(1);
    for (const p of [page, scholar.page, options]) await p.close();
  });
});
