import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBroadcaster } from '../../../lib/background/broadcast';
import { createRequestHandlers } from '../../../lib/background/handlers';
import { createLibrary, type Library } from '../../../lib/background/library';
import { listenForRequests } from '../../../lib/background/listen';
import { lazyConnection } from '../../../lib/db';
import type { Broadcast } from '../../../lib/messaging/protocol';

/**
 * The worker's request side as lib/background/index.ts wires it (real handlers, payload readers, store and
 * index), without the parts that run on timers (sync) or need browser APIs the fake lacks: requests go
 * through the real messaging client. Broadcasts go out as the worker sends them (the popup hears them), and
 * `announced` collects them.
 */
export function startLibraryWorker(): { library: Library; announced: Broadcast[]; restart: () => void } {
  const announced: Broadcast[] = [];
  const start = () => {
    const connect = lazyConnection();
    const library = createLibrary(connect);
    const broadcast = createBroadcaster();
    const announce = (change: Broadcast) => {
      announced.push(change);
      void broadcast(change);
    };
    listenForRequests(createRequestHandlers({ library, connect, announce }));
    return library;
  };
  const worker = { library: start(), announced, restart: () => {} };
  worker.restart = () => {
    fakeBrowser.runtime.onMessage.removeAllListeners();
    worker.library = start();
  };
  return worker;
}

export async function ok<T>(reply: Promise<{ ok: true; value: T } | { ok: false; error: string }>): Promise<T> {
  const settled = await reply;
  if (!settled.ok) throw new Error(`expected ok, got: ${settled.error}`);
  return settled.value;
}
