/**
 * The content script as an ES module (issue 4: no extension task over 50 ms on a 2,000-entry listing).
 *
 * WXT bundles a content script into one classic script: on that page the browser compiled and ran all of it
 * (~420 kB) in one main-thread task of 80-140 ms. So the manifest's content script is a small loader
 * (entrypoints/content/index.ts) that `import()`s the real code, built here as an ES module
 * (entrypoints/content/module.ts → content-scripts/esm/content.js, chunks next to it): the browser fetches
 * and compiles module scripts off the main thread, and code the page may not need (e.g. the watch-rule
 * engine) stays in chunks loaded on first use. This is WXT's documented manual pattern for ESM content
 * scripts (wxt.dev "ES Modules", the "esm-content-script-ui" example; wxt-dev/wxt#357).
 *
 * This module
 * - builds the ES module after WXT's own build, with the Vite config WXT made for the content script
 *   (same plugins, aliases, defines), minus WXT's IIFE-only plugins;
 * - makes those files web-accessible to the content script's own match patterns and to the optional hosts
 *   (a content script's `import()` is checked like a request of the page), through the session's dynamic
 *   URL where the browser supports it (Chromium), so a page cannot probe for the extension with a fixed URL;
 * - fills in the loader's `matches` from lib/sites (importing lib/sites in the loader would bundle every
 *   adapter into it);
 * - rebuilds the module when its sources change under `wxt dev`.
 */
import { resolve } from 'node:path';
import { build, type InlineConfig, type PluginOption } from 'vite';
import type { ContentScriptEntrypoint, Entrypoint } from 'wxt';
import { defineWxtModule } from 'wxt/modules';
import { allMatchPatterns } from '../lib/sites';

/** The loader's entrypoint name (entrypoints/content/). */
const ENTRYPOINT = 'content';
/** Where the module goes in the extension, and the one file the loader imports. */
export const MODULE_DIR = 'content-scripts/esm';
export const MODULE_FILE = `${MODULE_DIR}/content.js`;
/** WXT plugins that only make sense for the IIFE bundle. */
const IIFE_PLUGINS = new Set(['wxt:iife-anonymous', 'wxt:iife-footer']);

export default defineWxtModule({
  name: 'paperlight:content-module',
  setup(wxt) {
    let contentConfig: InlineConfig | undefined;
    let contentEntrypoint: ContentScriptEntrypoint | undefined;

    wxt.hooks.hook('entrypoints:resolved', (_, entrypoints) => {
      contentEntrypoint = entrypoints.find(isContentLoader);
      if (contentEntrypoint) contentEntrypoint.options.matches ??= allMatchPatterns();
    });

    wxt.hooks.hook('vite:build:extendConfig', (entrypoints, config) => {
      if (entrypoints.length === 1 && isContentLoader(entrypoints[0]!)) contentConfig = config;
    });

    const buildModule = async () => {
      if (!contentConfig || !contentEntrypoint) return; // e.g. `wxt build -e popup`: no content script built
      const started = Date.now();
      await build(esmConfig(contentConfig, resolve(wxt.config.entrypointsDir, ENTRYPOINT, 'module.ts'), wxt.config.outDir));
      wxt.logger.success(`Built the content module (${MODULE_FILE}) in ${Date.now() - started} ms`);
    };
    wxt.hooks.hook('build:done', buildModule);

    wxt.hooks.hook('build:manifestGenerated', (_, manifest) => {
      const loader = manifest.content_scripts?.find((script) => script.js?.includes(`content-scripts/${ENTRYPOINT}.js`));
      if (!loader?.matches) return;
      manifest.web_accessible_resources ??= [];
      // MV3 form; WXT turns it into MV2's list of paths for Firefox (MV2 has no `matches` or dynamic URLs).
      (manifest.web_accessible_resources as unknown[]).push({
        resources: [`${MODULE_DIR}/*`],
        // Chrome only takes whole origins here ("…/*"); the loader's patterns name paths. The optional hosts
        // too: on a mirror the user adds (lib/sites/extra-hosts.ts), the same loader imports the same module.
        matches: [...new Set([...loader.matches, ...(manifest.optional_host_permissions ?? [])].map(originOf))],
        use_dynamic_url: true,
      });
    });

    wxt.hooks.hook('prepare:publicPaths', (_, paths) => {
      paths.push(MODULE_FILE);
    });

    // `wxt dev`: the module is not part of WXT's own rebuilds; rebuild it when a source file changes.
    wxt.hooks.hookOnce('build:done', () => {
      const server = wxt.server;
      if (!server) return;
      const outDir = resolve(wxt.config.outBaseDir);
      let queued: Promise<void> | undefined;
      server.watcher.on('change', (file) => {
        if (file.startsWith(outDir) || !/\.(ts|tsx|css|tsv|txt)$/.test(file)) return;
        queued ??= buildModule()
          .then(() => contentEntrypoint && server.reloadContentScript({ contentScript: { matches: contentEntrypoint.options.matches, js: [`content-scripts/${ENTRYPOINT}.js`] } }))
          .catch((error: unknown) => wxt.logger.error('Could not rebuild the content module', error))
          .finally(() => (queued = undefined));
      });
    });
  },
});

function isContentLoader(entrypoint: Entrypoint): entrypoint is ContentScriptEntrypoint {
  return entrypoint.type === 'content-script' && entrypoint.name === ENTRYPOINT;
}

/** WXT's Vite config for the content script, turned into an ES library build of the module. */
function esmConfig(contentConfig: InlineConfig, entry: string, outDir: string): InlineConfig {
  // WXT's output options name the IIFE bundle (Vite 8 keeps them under both names): replaced, not merged.
  const { rollupOptions: _iifeOutput, rolldownOptions: _sameOutput, ...build } = contentConfig.build ?? {};
  return {
    ...contentConfig,
    plugins: withoutIifePlugins(contentConfig.plugins ?? []),
    build: {
      ...build,
      outDir,
      emptyOutDir: false,
      copyPublicDir: false,
      lib: { entry, formats: ['es'], fileName: () => MODULE_FILE },
      rolldownOptions: {
        output: {
          // Vite leaves an ES library's whitespace (for the consumers' tree-shaking): minify like WXT's bundle.
          minify: build.minify !== false,
          // Flat next to the module: one web-accessible folder, relative imports between them.
          chunkFileNames: `${MODULE_DIR}/[name]-[hash].js`,
          assetFileNames: `${MODULE_DIR}/[name]-[hash][extname]`,
        },
      },
    },
  };
}

/** "https://*.arxiv.org/list/*" → "https://*.arxiv.org/*". */
function originOf(pattern: string): string {
  const [, origin] = /^([^:]+:\/\/[^/]*)/.exec(pattern) ?? [];
  return origin ? `${origin}/*` : pattern;
}

function withoutIifePlugins(plugins: PluginOption[]): PluginOption[] {
  return plugins.flatMap((plugin): PluginOption[] => {
    if (Array.isArray(plugin)) return [withoutIifePlugins(plugin)];
    if (plugin && typeof plugin === 'object' && 'name' in plugin && IIFE_PLUGINS.has(plugin.name)) return [];
    return [plugin];
  });
}
