import { fakeBrowser } from 'wxt/testing/fake-browser';
import { expect, it } from 'vitest';
import background from '../../../entrypoints/background';

// MV3 starts a stopped worker to deliver a message: only listeners added during its first, synchronous run
// receive it. The entrypoint must therefore register without awaiting anything.
it('listens for requests as soon as main() returns', async () => {
  expect(fakeBrowser.runtime.onMessage.hasListeners()).toBe(false);
  const returned: unknown = background.main();
  expect(returned).toBeUndefined();
  expect(fakeBrowser.runtime.onMessage.hasListeners()).toBe(true);
  expect(await fakeBrowser.runtime.sendMessage({ type: 'paper/status', ids: ['2401.00001'] })).toEqual({ ok: true, value: [] });
});
