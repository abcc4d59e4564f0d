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
    // Issue 4: a mirror the user adds on the options page. Its host and `scripting` (to register the content
    // script for it) are asked for at that moment, never at install (lib/sites/extra-hosts.ts).
    optional_permissions: ['scripting'],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // Issue 5: highlight the selection in the default colour. Users change the keys in the browser's shortcut
    // settings (chrome://extensions/shortcuts, Firefox's "Manage Extension Shortcuts"); the background forwards
    // it to the tab's content script (lib/background/handlers/highlights.ts). Needs no permission.
    commands: {
      'highlight-selection': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: 'Highlight the selected text in a paper title or abstract',
      },
    },
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
