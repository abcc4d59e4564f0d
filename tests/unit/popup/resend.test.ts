import { afterEach, describe, expect, it, vi } from 'vitest';
import { RESEND_AFTER_MS, resendingUnanswered } from '../../../components/popup/resend';
import type { request } from '../../../lib/messaging/client';
import type { Reply } from '../../../lib/messaging/protocol';

/** A `send` that answers the n-th call with `answers[n]` (undefined: never answers, like a lost reply). */
function sendAnswering(answers: (Reply<unknown> | undefined)[]) {
  const calls: unknown[] = [];
  const send = ((type: string, payload: object) => {
    const answer = answers[calls.length];
    calls.push({ type, ...payload });
    return answer ? Promise.resolve(answer) : new Promise(() => {});
  }) as unknown as typeof request;
  return { send, calls };
}

afterEach(() => vi.useRealTimers());

describe('reads sent again when their answer is lost', () => {
  it('sends once when the answer comes', async () => {
    vi.useFakeTimers();
    const { send, calls } = sendAnswering([{ ok: true, value: 1 }]);
    await expect(resendingUnanswered(send)('library/summary', {})).resolves.toEqual({ ok: true, value: 1 });
    await vi.advanceTimersByTimeAsync(10 * RESEND_AFTER_MS);
    expect(calls).toHaveLength(1);
  });

  it('sends again after a while when no answer came, and takes the first answer', async () => {
    vi.useFakeTimers();
    const { send, calls } = sendAnswering([undefined, { ok: true, value: 'second' }]);
    let settled: unknown;
    void resendingUnanswered(send)('library/search', { query: '', sort: 'saved', offset: 0, limit: 50 }).then((reply) => (settled = reply));
    await vi.advanceTimersByTimeAsync(RESEND_AFTER_MS - 1);
    expect(calls).toHaveLength(1);
    expect(settled).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toEqual([
      { type: 'library/search', query: '', sort: 'saved', offset: 0, limit: 50 },
      { type: 'library/search', query: '', sort: 'saved', offset: 0, limit: 50 },
    ]);
    expect(settled).toEqual({ ok: true, value: 'second' });
  });

  it('gives up resending after three sends', async () => {
    vi.useFakeTimers();
    const { send, calls } = sendAnswering([]);
    void resendingUnanswered(send)('library/summary', {});
    await vi.advanceTimersByTimeAsync(100 * RESEND_AFTER_MS);
    expect(calls).toHaveLength(3);
  });
});
