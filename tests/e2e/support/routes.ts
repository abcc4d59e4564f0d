import { resolve } from 'node:path';
import type { Route } from './fixture-server';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures');
export const fixture = (path: string): Route => ({ file: resolve(FIXTURES, path) });

/** The real captured Daily Papers page (28 cards) and where the sites would serve it. */
export const HF_DAILY = fixture('huggingface/hf_papers_daily_2026-09-28.html');
export const HF_DAILY_CARDS = 28;

/** arXiv pages rendered from arXiv's templates (issue 4): the 60-entry /new listing and an abstract page. */
export const ARXIV_NEW = fixture('arxiv/arxiv_list_cs.LG_new_60.rendered.html');
export const ARXIV_NEW_ENTRIES = 60;
export const ARXIV_ABS = fixture('arxiv/arxiv_abs_2609.31620.rendered.html');

/** Fixture pages by URL (host + path + query), shared by the end-to-end tests and the demo. */
export const FIXTURE_ROUTES: Record<string, Route> = {
  'huggingface.co/papers': HF_DAILY,
  'huggingface.co/papers/date/2026-09-28': HF_DAILY,
  'huggingface.co/papers/2609.31620': fixture('huggingface/hf_paper_page_2609.31620.constructed.html'),
  'arxiv.org/list/cs.LG/new': ARXIV_NEW,
  'arxiv.org/abs/2609.31620': ARXIV_ABS,
  'arxiv.org/abs/0704.0002v2': fixture('arxiv/arxiv_abs_0704.0002v2.rendered.html'),
  'arxiv.org/search/?query=benchmark&searchtype=all&abstracts=show&order=-announced_date_first&size=50': fixture(
    'arxiv/arxiv_search_benchmark_show-abstracts.rendered.html',
  ),
  'arxiv.org/html/2609.01222v2': fixture('arxiv/arxiv_html_2609.01222v2.capture-excerpt.html'),
  'www.alphaxiv.org/abs/2609.31620': fixture('alphaxiv/alphaxiv_abs_2609.31620.constructed.html'),
  'scholar.google.com/scholar?q=Geology+of+the+Olympus+Range+area': fixture('google-scholar/gs_search_results_2020-11.html'),
  'openreview.net/group?id=colmweb.org/COLM/2024/Conference': fixture('openreview/openreview_venue_COLM2024.constructed.html'),
  'openreview.net/forum?id=dribhnhm1i': fixture('openreview/openreview_forum_dribhnhm1i.reconstructed.html'),
  'aclanthology.org/events/acl-2025/': fixture('acl-anthology/acl_event_acl-2025.constructed.html'),
};

/** Pages the demo opens, how many entries each must show annotated, and papers it saves there. */
export const DEMO_PAGES: { name: string; url: string; entries: number; save?: string[] }[] = [
  { name: 'huggingface-daily', url: 'https://huggingface.co/papers', entries: HF_DAILY_CARDS, save: ['2609.31620', '2609.31590'] },
  // The same paper saved on Hugging Face shows saved on arXiv: one identity across sites.
  { name: 'arxiv-list-new', url: 'https://arxiv.org/list/cs.LG/new', entries: ARXIV_NEW_ENTRIES },
  { name: 'arxiv-abs', url: 'https://arxiv.org/abs/2609.31620', entries: 1 },
  {
    name: 'arxiv-search',
    url: 'https://arxiv.org/search/?query=benchmark&searchtype=all&abstracts=show&order=-announced_date_first&size=50',
    entries: 50,
  },
  { name: 'google-scholar', url: 'https://scholar.google.com/scholar?q=Geology+of+the+Olympus+Range+area', entries: 10 },
  { name: 'acl-anthology', url: 'https://aclanthology.org/events/acl-2025/', entries: 29 },
];
