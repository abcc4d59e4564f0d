import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: 'Paperlight',
    description: 'Topics, benchmarks, one-click save and highlights on the paper listings you skim. Everything stays in your browser.',
    // storage: nothing else. IndexedDB needs no permission; content scripts declare their own hosts.
    permissions: ['storage'],
  },
});
