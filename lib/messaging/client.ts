import { browser } from 'wxt/browser';
import type { Broadcast, Reply, Request, RequestType, Requests } from './protocol';
import { isBroadcast } from './protocol';

/** Retry delays (ms) for a request that found no listener or lost its port. */
const RETRY_DELAYS = [100, 300, 900, 2000];

/**
 * Errors that mean "the worker was not there to answer": MV3 stops an idle service worker at any time and
 * a message sent while it (re)starts can fail this way. Requests are idempotent, so sending again is safe.
 */
const TRANSIENT = /receiving end does not exist|message (?:port|channel) closed|could not establish connection|no sw/i;

/**
 * Send one typed request to the background worker. Never throws: failures come back as `{ok: false}`
 * so the UI can show them (a failed save must never look saved).
 */
export async function request<K extends RequestType>(
  type: K,
  payload: Requests[K]['payload'],
): Promise<Reply<Requests[K]['reply']>> {
  const message = { type, ...payload } as Request<K>;
  let lastError = 'no reply';
  for (let attempt = 0; attempt <= RETRY_DELAYS.length; attempt++) {
    try {
      const reply = (await browser.runtime.sendMessage(message)) as Reply<Requests[K]['reply']> | undefined;
      if (reply && typeof reply === 'object' && 'ok' in reply) return reply;
      lastError = 'the background worker gave no answer';
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
      if (!TRANSIENT.test(lastError)) break;
    }
    const delay = RETRY_DELAYS[attempt];
    if (delay === undefined) break;
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
  return { ok: false, error: describeFailure(lastError) };
}

function describeFailure(raw: string): string {
  if (/context invalidated/i.test(raw)) return 'Paperlight was updated or reloaded: reload this page to continue.';
  return `Paperlight's background worker did not answer (${raw}).`;
}

/** Call `listener` for every broadcast from the background until `signal` aborts. */
export function onBroadcast(listener: (message: Broadcast) => void, signal?: AbortSignal): void {
  const handler = (message: unknown) => {
    if (isBroadcast(message)) listener(message);
    // Returning undefined: broadcasts need no reply, and other listeners may answer other messages.
    return undefined;
  };
  browser.runtime.onMessage.addListener(handler);
  signal?.addEventListener('abort', () => browser.runtime.onMessage.removeListener(handler), { once: true });
}
