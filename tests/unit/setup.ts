// Every unit test starts from an empty fake browser and an empty fake IndexedDB.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/** A bare in-memory event, for the parts of the WebExtension API the fake browser does not implement. */
function fakeEvent<Listener extends (...args: never[]) => unknown>() {
  const listeners = new Set<Listener>();
  return {
    addListener: (listener: Listener) => void listeners.add(listener),
    removeListener: (listener: Listener) => void listeners.delete(listener),
    hasListener: (listener: Listener) => listeners.has(listener),
    hasListeners: () => listeners.size > 0,
    /** Deliver an event to every listener (tests play the browser). */
    trigger: (...args: Parameters<Listener>) => [...listeners].map((listener) => listener(...args)),
  };
}

beforeEach(() => {
  fakeBrowser.reset();
  // runtime.onConnect (long-lived ports, used for the toolbar's watch count) throws "not implemented" in
  // the fake browser; a plain event lets the worker start in tests exactly as it does in Chromium.
  Object.defineProperty(fakeBrowser.runtime, 'onConnect', { value: fakeEvent(), configurable: true, writable: true });
  globalThis.indexedDB = new IDBFactory();
});
