import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extract } from '../../../lib/extract';

// The labelled dev set of the shared evaluation (tests/fixtures/eval/dev.jsonl, copied from ../shared/eval), scored the way
// ../shared/eval/score.mjs scores it: names compared lower-cased with only letters and digits; precision
// counts required and acceptable labels, recall only required ones. Bars from issue 3.
interface Gold {
  id: string;
  title: string;
  abstract: string;
  benchmarks: string[][];
  benchmarks_ok: string[][];
  topics: string[];
  topics_ok: string[];
}

const gold: Gold[] = readFileSync(new URL('../../fixtures/eval/dev.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line));

const norm = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}]/gu, '');
const f1 = (tp: number, predicted: number, found: number, required: number) => {
  const precision = predicted ? tp / predicted : 0;
  const recall = required ? found / required : 1;
  return precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
};

describe('dev set (tests/fixtures/eval/dev.jsonl)', () => {
  const tally = { b: [0, 0, 0, 0], t: [0, 0, 0, 0] };
  const wrong: string[] = [];
  for (const g of gold) {
    const extraction = extract({ title: g.title, abstract: g.abstract });
    const required = g.benchmarks.map((alts) => new Set(alts.map(norm)));
    const acceptable = [...required, ...g.benchmarks_ok.map((alts) => new Set(alts.map(norm)))];
    const predicted = [...new Set(extraction.benchmarks.map((b) => norm(b.name)))];
    for (const name of predicted) {
      if (acceptable.some((alts) => alts.has(name))) tally.b[0]!++;
      else wrong.push(`${g.id}: ${name}`);
    }
    tally.b[1]! += predicted.length;
    tally.b[2]! += required.filter((alts) => predicted.some((name) => alts.has(name))).length;
    tally.b[3]! += required.length;
    const topics = extraction.topics.map((t) => t.id);
    const ok = new Set([...g.topics, ...g.topics_ok]);
    tally.t[0]! += topics.filter((t) => ok.has(t)).length;
    tally.t[1]! += topics.length;
    tally.t[2]! += g.topics.filter((t) => topics.includes(t)).length;
    tally.t[3]! += g.topics.length;
  }
  const [bTp, bPred, bFound, bReq] = tally.b as [number, number, number, number];
  const [tTp, tPred, tFound, tReq] = tally.t as [number, number, number, number];

  it('has the 76 labelled papers', () => {
    expect(gold).toHaveLength(76);
  });

  it('finds benchmarks with F1 >= 0.95', () => {
    expect(f1(bTp, bPred, bFound, bReq), `wrong names: ${wrong.join(', ')}`).toBeGreaterThanOrEqual(0.95);
  });

  it('finds topics with F1 >= 0.80', () => {
    expect(f1(tTp, tPred, tFound, tReq)).toBeGreaterThanOrEqual(0.8);
  });

  it('gives every paper 0 to 4 topics', () => {
    for (const g of gold) expect(extract(g).topics.length).toBeLessThanOrEqual(4);
  });
});
