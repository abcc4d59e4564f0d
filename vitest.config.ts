import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Two projects: fast unit tests (node/happy-dom, fakeBrowser, fake-indexeddb) and end-to-end tests that
// drive the built extension in a real Chromium. `npm test` runs both (see scripts/test.mjs).
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.{ts,tsx}'], setupFiles: ['tests/unit/setup.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // One Chromium at a time: the machine has 2 cores and each test launches a browser.
          fileParallelism: false,
        },
      },
    ],
  },
});
