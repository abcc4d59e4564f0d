/**
 * Papers of the 2,000-entry arXiv /new fixture, read with plain string matching (no site adapter: the
 * matcher's tests must not depend on one), for tests of matching speed and results on real text.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PaperEntry } from '../../../lib/paper';

const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/arxiv/arxiv_list_cs_new_show2000.rendered.html');

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ENTITIES[name]!)
    .replace(/\s+/g, ' ')
    .trim();

export function arxivShow2000Papers(): PaperEntry[] {
  const html = readFileSync(FIXTURE, 'utf8');
  const papers: PaperEntry[] = [];
  for (const block of html.split('<dt>').slice(1)) {
    const id = /id="(\d{4}\.\d{4,5})"/.exec(block)?.[1];
    const title = /<div class='list-title mathjax'><span class='descriptor'>Title:<\/span>([\s\S]*?)<\/div>/.exec(block)?.[1];
    const authors = /<div class='list-authors'>([\s\S]*?)<\/div>/.exec(block)?.[1];
    const abstract = /<p class='mathjax'>([\s\S]*?)<\/p>/.exec(block)?.[1];
    if (!id || !title) continue;
    papers.push({
      id,
      site: 'arxiv',
      url: `https://arxiv.org/abs/${id}`,
      title: text(title),
      authors: [...(authors ?? '').matchAll(/<a [^>]*>([^<]*)<\/a>/g)].map((m) => text(m[1]!)),
      abstract: abstract ? text(abstract) : '',
    });
  }
  return papers;
}
