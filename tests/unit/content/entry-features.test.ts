// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { AnnotatedEntry, EntryFeature } from '../../../lib/content/entry-features';
import { startPaperlight } from '../../../lib/content/paperlight';
import { showFixture } from '../sites/fixtures';
import { fakeBackground, fakeExtract } from './fakes';

// The extension point that highlights, watch rules and keyboard triage plug into.

function recordingFeature() {
  const updated: AnnotatedEntry[] = [];
  const removed: string[] = [];
  let cleared = 0;
  const feature: EntryFeature = {
    name: 'recorder',
    entryUpdated: (entry) => updated.push(entry),
    entryRemoved: (_root, paper) => removed.push(paper.id),
    clear: () => cleared++,
  };
  return { feature, updated, removed, cleared: () => cleared };
}

const controller = new AbortController();
afterEach(() => document.body.replaceChildren());

async function settle(whenIdle: () => Promise<void>) {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await whenIdle();
  }
  await new Promise((resolve) => setTimeout(resolve, 60));
}

describe('entry features', () => {
  it('hear about every entry with its reading and extraction, its removal, and the end of the page state', async () => {
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL('https://huggingface.co/papers');
    showFixture('huggingface/hf_papers_daily_2026-09-28.trimmed.html');
    const recorder = recordingFeature();
    const paperlight = startPaperlight({
      signal: controller.signal,
      ...fakeBackground(),
      extract: fakeExtract,
      features: () => [recorder.feature],
    });
    await settle(paperlight.whenIdle);

    const ids = [...new Set(recorder.updated.map((entry) => entry.paper.id))];
    expect(ids).toEqual(['2609.31620', '2609.30222', '2609.31590']);
    const first = recorder.updated.find((entry) => entry.paper.id === '2609.31620')!;
    expect(first.root.getAttribute('data-paperlight-id')).toBe('2609.31620');
    expect(first.detected.titleElement?.textContent).toContain('FuseReg');
    expect(first.extraction.topics.length).toBeGreaterThan(0);
    expect(paperlight.annotator.entries().map((entry) => entry.paper.id)).toEqual(ids);

    first.root.remove();
    await settle(paperlight.whenIdle);
    expect(recorder.removed).toEqual(['2609.31620']);
    expect(paperlight.annotator.entries()).toHaveLength(2);

    paperlight.annotator.clear();
    expect(recorder.cleared()).toBe(1);
    expect(recorder.removed.sort()).toEqual(['2609.30222', '2609.31590', '2609.31620']);
  });

  it('a feature that throws does not take the badges or other features down', async () => {
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL('https://huggingface.co/papers');
    showFixture('huggingface/hf_papers_daily_2026-09-28.trimmed.html');
    const recorder = recordingFeature();
    const broken: EntryFeature = {
      name: 'broken',
      entryUpdated: () => {
        throw new Error('boom');
      },
      entryRemoved: () => undefined,
    };
    const paperlight = startPaperlight({
      signal: controller.signal,
      ...fakeBackground(),
      extract: fakeExtract,
      features: () => [broken, recorder.feature],
    });
    await settle(paperlight.whenIdle);
    expect(paperlight.annotator.size).toBe(3);
    expect(new Set(recorder.updated.map((entry) => entry.paper.id)).size).toBe(3);
  });
});
