/**
 * Reports this page's count of watched entries to the worker, which shows it on the toolbar icon
 * (lib/watch/toolbar.ts says why a port). Sends only changes, at most one message per `delayMs`.
 */
import { browser, type Browser } from 'wxt/browser';
import { WATCH_COUNT_PORT, type WatchCountMessage } from '../../../watch/toolbar';

/** The part of a runtime.Port we use. */
export interface CountPort {
  postMessage(message: WatchCountMessage): void;
  disconnect(): void;
  onDisconnect: { addListener(listener: () => void): void };
}

export type ConnectFn = () => CountPort;

const connectToWorker: ConnectFn = () => browser.runtime.connect({ name: WATCH_COUNT_PORT }) as Browser.runtime.Port;

export interface ToolbarCount {
  report(count: number): void;
}

export function createToolbarCount({ signal, connect = connectToWorker, delayMs = 200 }: { signal: AbortSignal; connect?: ConnectFn; delayMs?: number }): ToolbarCount {
  let port: CountPort | undefined;
  let sent = 0; // the badge starts empty
  let wanted = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function send(): void {
    timer = undefined;
    if (signal.aborted || wanted === sent) return;
    try {
      if (!port) {
        const opened = connect();
        // The worker stopped (MV3 stops idle workers) or the extension was reloaded: connect again next time.
        opened.onDisconnect.addListener(() => {
          if (port === opened) port = undefined;
        });
        port = opened;
      }
      port.postMessage({ count: wanted });
      sent = wanted;
    } catch {
      port = undefined; // extension context invalidated: nothing to tell any more
    }
  }

  signal.addEventListener(
    'abort',
    () => {
      clearTimeout(timer);
      try {
        port?.disconnect(); // the worker clears the badge when the port closes
      } catch {
        // already gone
      }
      port = undefined;
    },
    { once: true },
  );

  return {
    report(count) {
      wanted = count;
      if (wanted === sent) return;
      timer ??= setTimeout(send, delayMs);
    },
  };
}
