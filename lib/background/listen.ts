import { browser } from 'wxt/browser';
import { isBroadcast, type Reply } from '../messaging/protocol';
import type { RequestHandlers } from './handlers';
import { InvalidRequest, isRequestType, readPayload } from './validate';

/**
 * Answer requests from content scripts and the popup. Must be called synchronously when the worker starts:
 * MV3 starts a stopped worker to deliver a message, and only listeners registered in that first run see it.
 */
export function listenForRequests(handlers: RequestHandlers): void {
  browser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse: (reply: Reply<unknown>) => void) => {
    if (!isRequestMessage(message)) return undefined; // broadcasts and anything else: not for us
    void answerRequest(handlers, message).then((reply) => {
      try {
        sendResponse(reply);
      } catch {
        // The asking page went away meanwhile; the work is done and the client would resend anyway.
      }
    });
    return true; // the reply comes asynchronously: keep the channel open
  });
}

/** Requests have a string `type`; our own broadcasts (seen here in tests) do not get an answer. */
function isRequestMessage(message: unknown): message is Record<string, unknown> & { type: string } {
  if (typeof message !== 'object' || message === null) return false;
  const type = (message as { type?: unknown }).type;
  return typeof type === 'string' && !isBroadcast(message);
}

/** The reply to one request. Never rejects: every failure becomes `{ok: false, error}` for the UI to show. */
async function answerRequest(
  handlers: RequestHandlers,
  message: Record<string, unknown> & { type: string },
): Promise<Reply<unknown>> {
  const { type } = message;
  if (!isRequestType(type)) return { ok: false, error: `Unknown request "${type.slice(0, 60)}".` };
  try {
    const payload = readPayload(type, message);
    const handler = handlers[type] as (payload: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(payload) };
  } catch (error) {
    return { ok: false, error: describeFailure(error) };
  }
}

function describeFailure(error: unknown): string {
  if (error instanceof InvalidRequest) return `Invalid request: ${error.message}.`;
  const { name, message } = error instanceof Error ? error : { name: '', message: String(error) };
  if (name === 'QuotaExceededError') return 'The browser has no room left to store saved papers (storage quota reached).';
  if (name === 'VersionError') {
    return 'The saved-papers database was written by a newer Paperlight: update the extension to use it.';
  }
  return `Could not read or write saved papers (${name ? `${name}: ` : ''}${message}).`;
}
