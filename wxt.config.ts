import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Paperlight',
    description:
      'Topics, benchmarks, one-click save and highlights on the paper listings you skim. Everything stays in your browser.',
    // Only "storage". IndexedDB needs no permission, content scripts declare their own hosts, and the
    // broadcast to open tabs uses tabs.sendMessage, which needs no "tabs" permission.
    permissions: ['storage'],
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'paperlight@paperlight.dev',
          // Nothing the user reads or saves leaves the browser.
          data_collection_permissions: { required: ['none'] },
        },
      },
    }),
  }),
});
