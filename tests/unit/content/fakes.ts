/**
 * Stand-ins for the background worker and the extraction engine in content-script tests: they record
 * what the content script sends and answer the way the real ones do (Reply<T>, broadcasts).
 */
import type { Extraction, ExtractInput } from '../../../lib/extract/types';
import type { Broadcast, PaperChanged, Reply } from '../../../lib/messaging/protocol';
import type { OnBroadcastFn, RequestFn } from '../../../lib/content/library-state';

export interface FakeBackground {
  request: RequestFn;
  onBroadcast: OnBroadcastFn;
  calls: { type: string; payload: Record<string, unknown> }[];
  saved: Set<string>;
  /** When set, saves and removes fail with this message. */
  failWith?: string;
  /** Send a broadcast to the page, as the worker does after a change made elsewhere. */
  broadcast(message: Omit<PaperChanged, 'type'>): void;
}

export function fakeBackground(saved: string[] = []): FakeBackground {
  const listeners = new Set<(message: Broadcast) => void>();
  const fake: FakeBackground = {
    calls: [],
    saved: new Set(saved),
    request: (async (type: string, payload: Record<string, unknown>): Promise<Reply<unknown>> => {
      fake.calls.push({ type, payload });
      await Promise.resolve();
      if (type === 'paper/status') return { ok: true, value: (payload.ids as string[]).filter((id) => fake.saved.has(id)) };
      if (fake.failWith) return { ok: false, error: fake.failWith };
      if (type === 'paper/save') {
        const paper = payload.paper as { id: string };
        fake.saved.add(paper.id);
        return { ok: true, value: { ...paper, savedAt: 1, updatedAt: 1 } };
      }
      if (type === 'paper/remove') return { ok: true, value: fake.saved.delete(payload.id as string) };
      return { ok: false, error: `unexpected ${type}` };
    }) as RequestFn,
    onBroadcast: (listener, signal) => {
      listeners.add(listener);
      signal?.addEventListener('abort', () => listeners.delete(listener));
    },
    broadcast: (message) => {
      for (const listener of listeners) listener({ type: 'paper/changed', ...message });
    },
  };
  return fake;
}

/**
 * A deterministic extractor: one topic per paper plus up to 6 benchmarks picked by words in the text, one
 * of them "discovered", with a reported result. Enough to exercise badges, folding and hover text.
 */
export function fakeExtract({ title, abstract }: ExtractInput): Extraction {
  const text = `${title} ${abstract}`;
  const names = ['ImageNet', 'COCO', 'GSM8K', 'MMLU', 'LIBERO', 'WebShop'].filter((_, i) => text.length % (i + 2) !== 1);
  return {
    topics: [{ id: 'evaluation', label: 'Evaluation & benchmarks', triggers: ['benchmark'], score: 1 }],
    benchmarks: names.map((name, i) => ({
      name,
      matched: [name],
      discovered: i === names.length - 1,
      results: i === 0 ? [{ benchmark: name, value: 94.1, unit: '%', text: `94.1% on ${name}` }] : [],
    })),
    results: [],
  };
}
