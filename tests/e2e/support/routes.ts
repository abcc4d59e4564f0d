import { resolve } from 'node:path';
import type { Route } from './fixture-server';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures');
export const fixture = (path: string): Route => ({ file: resolve(FIXTURES, path) });

/** The real captured Daily Papers page (28 cards) and where the sites would serve it. */
export const HF_DAILY = fixture('huggingface/hf_papers_daily_2026-09-28.html');
export const HF_DAILY_CARDS = 28;

/** Fixture pages by URL (host + path + query), shared by the end-to-end tests and the demo. */
export const FIXTURE_ROUTES: Record<string, Route> = {
  'huggingface.co/papers': HF_DAILY,
  'huggingface.co/papers/date/2026-09-28': HF_DAILY,
};

/** Pages the demo opens, how many entries each must show annotated, and papers it saves there. */
export const DEMO_PAGES: { name: string; url: string; entries: number; save?: string[] }[] = [
  { name: 'huggingface-daily', url: 'https://huggingface.co/papers', entries: HF_DAILY_CARDS, save: ['2609.31620', '2609.31590'] },
];
