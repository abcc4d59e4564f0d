import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { annotatedIds, saveToggle, waitForAnnotations } from './support/page-helpers';
import { ARXIV_NEW_ENTRIES, HF_DAILY_CARDS } from './support/routes';
import { useExtensionSession } from './support/session';

// Issue 4, end to end: the built extension in Debian's Chromium on arxiv.org pages rendered from arXiv's
// templates, served through --host-resolver-rules so the manifest's real match patterns decide.

const NEW = 'https://arxiv.org/list/cs.LG/new';
const ABS = 'https://arxiv.org/abs/2609.31620';
const SHARED = '2609.31620'; // first card of the Hugging Face capture, first entry of the /new listing
const OTHER = '2609.30222';

describe('arXiv in Chromium', () => {
  const session = useExtensionSession();
  const { open } = session;


  it('annotates every /new entry once, outside MathJax, with badges and a save toggle', async () => {
    const { page, errors } = await open(NEW, ARXIV_NEW_ENTRIES);
    const ids = await annotatedIds(page);
    expect(ids).toHaveLength(ARXIV_NEW_ENTRIES);
    expect(new Set(ids).size).toBe(ARXIV_NEW_ENTRIES);
    expect(ids[0]).toBe(SHARED);
    // The entry root is the <dd>; the UI sits before the abstract and in no element MathJax typesets.
    expect(await page.locator('#dlpage dd[data-paperlight-id]').count()).toBe(ARXIV_NEW_ENTRIES);
    const placement = await page.evaluate(() =>
      [...document.querySelectorAll('[data-paperlight-host]')].map((host) => ({
        inMathJax: host.closest('.mathjax') !== null,
        beforeAbstract: host.nextElementSibling?.matches('p.mathjax') ?? false,
      })),
    );
    expect(placement.every((p) => !p.inMathJax && p.beforeAbstract)).toBe(true);
    const badges = await page.locator('[data-paperlight-badge]').count();
    expect(badges).toBeGreaterThan(ARXIV_NEW_ENTRIES);

    const toggle = saveToggle(page, OTHER);
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
    await page.reload();
    await waitForAnnotations(page, ARXIV_NEW_ENTRIES);
    await expect.poll(() => saveToggle(page, OTHER).getAttribute('aria-pressed')).toBe('true');
    await saveToggle(page, OTHER).click();
    await expect.poll(() => saveToggle(page, OTHER).getAttribute('aria-pressed')).toBe('false');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows on hover of each badge the words it was found by, and the results reported on a benchmark', async () => {
    const { page, errors } = await open(NEW, ARXIV_NEW_ENTRIES);
    // Locators reach into the open shadow roots the badges live in.
    const hovers = (kind: string) =>
      page.locator(`[data-paperlight-badge][data-kind="${kind}"]`).evaluateAll((badges) => badges.map((badge) => ({ value: badge.getAttribute('data-value'), title: badge.getAttribute('title') ?? '' })));
    const benchmarks = await hovers('benchmark');
    const topics = await hovers('topic');
    expect(benchmarks.length).toBeGreaterThan(0);
    expect(topics.length).toBeGreaterThan(0);
    for (const { value, title } of benchmarks) {
      expect([`Benchmark: ${value}`, `New benchmark or dataset (not in the catalogue): ${value}`].some((start) => title.startsWith(start))).toBe(true);
      expect(title).toContain('Matched: “');
    }
    for (const { title } of topics) expect(title).toMatch(/^Topic: .+\nMatched: “/);
    // Some abstracts on the page report numbers on a benchmark ("… on GSM8K"): shown with the sentence part.
    expect(benchmarks.some(({ title }) => /\nReported: [^\n]+ \(“[^”]+”\)/.test(title))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("survives arXiv's MathJax typesetting: same paper, one UI, highlights' elements still in place", async () => {
    const { page, errors } = await open(NEW, ARXIV_NEW_ENTRIES);
    // The listing has one title with TeX; wait until MathJax has typeset it.
    await page.waitForFunction(() => document.querySelector('.list-title script[type^="math/tex"]') !== null, undefined, { timeout: 30_000 });
    await page.waitForTimeout(500); // let the re-reads queued by MathJax's mutations run
    const ids = await annotatedIds(page);
    expect(ids).toHaveLength(ARXIV_NEW_ENTRIES);
    expect(new Set(ids).size).toBe(ARXIV_NEW_ENTRIES);
    expect(await page.locator('[data-paperlight-host]').count()).toBe(ARXIV_NEW_ENTRIES);
    expect(await page.evaluate(() => document.querySelectorAll('.mathjax [data-paperlight-host]').length)).toBe(0);
    expect(session.server.requests.some((r) => r.startsWith('static.arxiv.org/MathJax-2.7.3/MathJax.js'))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('annotates the abstract page as one entry', async () => {
    const { page, errors } = await open(ABS, 1);
    expect(await annotatedIds(page)).toEqual([SHARED]);
    expect(await page.locator('#abs[data-paperlight-id="2609.31620"]').count()).toBe(1);
    expect(await page.evaluate(() => document.querySelector('[data-paperlight-host]')?.previousElementSibling?.className)).toBe('authors');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps one identity across sites: saved on Hugging Face shows saved on arXiv, and back', async () => {
    const hf = await open('https://huggingface.co/papers', HF_DAILY_CARDS);
    await saveToggle(hf.page, SHARED).click();
    await expect.poll(() => saveToggle(hf.page, SHARED).getAttribute('aria-pressed')).toBe('true');

    const abs = await open(ABS, 1);
    await expect.poll(() => saveToggle(abs.page, SHARED).getAttribute('aria-pressed')).toBe('true');
    const listing = await open(NEW, ARXIV_NEW_ENTRIES);
    await expect.poll(() => saveToggle(listing.page, SHARED).getAttribute('aria-pressed')).toBe('true');

    // Unsaved on arXiv: the Hugging Face tab (still open) follows, and so does a fresh load.
    await saveToggle(listing.page, SHARED).click();
    await expect.poll(() => saveToggle(listing.page, SHARED).getAttribute('aria-pressed')).toBe('false');
    await expect.poll(() => saveToggle(hf.page, SHARED).getAttribute('aria-pressed')).toBe('false');
    await expect.poll(() => saveToggle(abs.page, SHARED).getAttribute('aria-pressed')).toBe('false');
    const paperPage = await open('https://huggingface.co/papers/2609.31620', 1);
    await expect.poll(() => saveToggle(paperPage.page, SHARED).getAttribute('aria-pressed')).toBe('false');
    await saveToggle(paperPage.page, SHARED).click();
    await expect.poll(() => saveToggle(listing.page, SHARED).getAttribute('aria-pressed')).toBe('true');

    expect([...hf.errors, ...abs.errors, ...listing.errors, ...paperPage.errors]).toEqual([]);
    for (const { page } of [hf, abs, listing, paperPage]) await page.close();
  });
});
