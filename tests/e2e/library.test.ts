import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from './support/browser';
import { startFixtureServer, type FixtureServer } from './support/fixture-server';
import { collectErrors, saveToggle, waitForAnnotations } from './support/page-helpers';
import { FIXTURE_ROUTES, HF_DAILY_CARDS } from './support/routes';

// Issue 6, end to end in Chromium: save papers on a real listing, tag, annotate and mark them in the popup,
// export the JSON backup (a real download), restore it in a fresh profile (a second browser), and find the
// same library there.

const DAILY = 'https://huggingface.co/papers';

/** The worker's view of the library, asked from an extension page (the popup). */
async function libraryData(popup: Page): Promise<{ papers: Record<string, unknown>[]; highlights: unknown[] }> {
  const reply = (await popup.evaluate(`chrome.runtime.sendMessage({ type: 'library/export-data', query: '', sort: 'saved' })`)) as {
    ok: boolean;
    value: { papers: Record<string, unknown>[]; highlights: unknown[] };
  };
  expect(reply.ok).toBe(true);
  return reply.value;
}

const row = (popup: Page, id: string) => popup.locator(`[data-paperlight-saved-item][data-paperlight-id="${id}"]`);

describe('the library in Chromium: triage in the popup, backup, restore on a new profile', () => {
  let server: FixtureServer;
  let first: ExtensionBrowser | undefined;
  let second: ExtensionBrowser | undefined;
  const downloads = mkdtempSync(join(tmpdir(), 'paperlight-downloads-'));

  beforeAll(async () => {
    server = await startFixtureServer(FIXTURE_ROUTES);
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
    await server?.close();
  });

  it('keeps tags, notes and read state through an export and an import into an empty profile', async () => {
    first = await launchWithExtension(server.port);
    const listing = await first.context.newPage();
    const errors = collectErrors(listing);
    await listing.goto(DAILY);
    const ids = (await waitForAnnotations(listing, HF_DAILY_CARDS)).slice(0, 3);
    for (const id of ids) {
      await saveToggle(listing, id).click();
      await expect.poll(() => saveToggle(listing, id).getAttribute('aria-pressed')).toBe('true');
    }
    const [tagged, read, plain] = ids as [string, string, string];

    const popup = await first.openPopup();
    await popup.waitForSelector('[data-paperlight-saved-item]');
    await expect.poll(() => popup.locator('h1').textContent()).toBe('3 saved papers');

    // Tags (typed, Enter) and a note in the first paper's details.
    await row(popup, tagged).locator('[data-paperlight-action="details"]').click();
    const details = popup.locator(`[data-paperlight-details="${tagged}"]`);
    await details.locator('[data-paperlight-field="tag-input"]').fill('to-read, rlhf');
    await details.locator('[data-paperlight-field="tag-input"]').press('Enter');
    await expect.poll(() => row(popup, tagged).locator('.saved-item-badges [data-paperlight-tag]').allTextContents()).toEqual(['rlhf', 'to-read']);
    await details.locator('[data-paperlight-field="paper-note"]').fill('Read section 4, "ablation" first.\nThen compare with DPO.');
    await details.locator('[data-paperlight-field="paper-note"]').blur();
    await expect.poll(() => details.locator('.note-status').textContent()).toBe('saved');
    // Read state from the row's toggle.
    await row(popup, read).locator('[data-paperlight-action="toggle-read"]').click();
    await expect.poll(() => row(popup, read).getAttribute('data-read')).toBe('true');
    // The field syntax finds them.
    await popup.fill('input[type=search]', 'tag:rlhf');
    await expect.poll(async () => popup.locator('[data-paperlight-saved-item]').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.paperlightId))).toEqual([tagged]);
    await popup.fill('input[type=search]', 'is:unread');
    await expect.poll(async () => (await popup.locator('[data-paperlight-saved-item]').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.paperlightId))).sort()).toEqual([tagged, plain].sort());
    await popup.fill('input[type=search]', '');

    const original = await libraryData(popup);
    expect(original.papers).toHaveLength(3);
    expect(original.papers.find((paper) => paper.id === tagged)).toMatchObject({
      tags: ['rlhf', 'to-read'],
      note: 'Read section 4, "ablation" first.\nThen compare with DPO.',
    });
    expect(original.papers.find((paper) => paper.id === read)?.readAt).toEqual(expect.any(Number));

    // Export the full backup: a real download from the popup.
    await popup.click('[data-paperlight-action="export"]');
    const downloading = popup.waitForEvent('download');
    await popup.click('[data-paperlight-export="json"]');
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^paperlight-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const backupPath = join(downloads, download.suggestedFilename());
    await download.saveAs(backupPath);
    expect(JSON.parse(readFileSync(backupPath, 'utf8'))).toMatchObject({ format: 'paperlight-backup', version: 1 });
    expect(errors).toEqual([]);
    await first.close();
    first = undefined;

    // A fresh profile: nothing saved.
    second = await launchWithExtension(server.port);
    const fresh = await second.openPopup();
    await fresh.waitForSelector('[data-paperlight-empty]');
    await fresh.setInputFiles('[data-paperlight-field="backup-file"]', backupPath);
    await expect
      .poll(() => fresh.locator('[data-paperlight-files-message]').textContent(), { timeout: 15_000 })
      .toMatch(/^Backup restored: 3 papers added, 0 updated/);
    await fresh.waitForSelector('[data-paperlight-saved-item]');
    await expect.poll(() => fresh.locator('h1').textContent()).toBe('3 saved papers');
    await expect.poll(() => row(fresh, tagged).locator('.saved-item-badges [data-paperlight-tag]').allTextContents()).toEqual(['rlhf', 'to-read']);
    expect(await row(fresh, read).getAttribute('data-read')).toBe('true');

    // The same library, record for record.
    const restored = await libraryData(fresh);
    const byId = (papers: Record<string, unknown>[]) => [...papers].sort((a, b) => String(a.id).localeCompare(String(b.id)));
    expect(byId(restored.papers)).toEqual(byId(original.papers));
    expect(restored.highlights).toEqual(original.highlights);

    // And the listing in the new profile shows them as saved.
    const page = await second.context.newPage();
    await page.goto(DAILY);
    await waitForAnnotations(page, HF_DAILY_CARDS);
    for (const id of ids) await expect.poll(() => saveToggle(page, id).getAttribute('aria-pressed')).toBe('true');
  });
});
