// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { adapterFor, adapters, allMatchPatterns, type AnyAdapter } from '../../../lib/sites';

describe('every adapter', () => {
  it.each(adapters.map((a) => [a.name, a] as const))('%s accepts its own example URLs', (_name, adapter) => {
    expect(adapter.exampleUrls.length).toBeGreaterThan(0);
    for (const href of adapter.exampleUrls) expect(adapter.isSupportedUrl(new URL(href)), href).toBe(true);
  });

  // Each example URL belongs to exactly one adapter: no two detectors claim the same page.
  it.each(adapters.flatMap((owner) => owner.exampleUrls.map((href) => [href, owner.name] as const)))(
    '%s is claimed by %s only',
    (href, owner) => {
      const claimants = adapters.filter((adapter) => adapter.isSupportedUrl(new URL(href))).map((a) => a.name);
      expect(claimants).toEqual([owner]);
      expect(adapterFor(new URL(href))?.name).toBe(owner);
    },
  );

  it.each(adapters.map((a) => [a.name, a] as const))('%s: every example URL is covered by its match patterns', (_n, adapter) => {
    for (const href of adapter.exampleUrls) {
      expect(adapter.matches.some((pattern) => matchesPattern(pattern, new URL(href))), href).toBe(true);
    }
  });

  it('merges match patterns without duplicates', () => {
    const twice = [...adapters, ...adapters];
    expect(allMatchPatterns(twice)).toEqual(allMatchPatterns());
    expect(allMatchPatterns()).toContain('https://huggingface.co/papers*');
  });
});

describe('adapterFor', () => {
  it('leaves pages no adapter supports alone', () => {
    expect(adapterFor(new URL('https://huggingface.co/models'))).toBeUndefined();
    expect(adapterFor(new URL('https://example.org/'))).toBeUndefined();
  });

  const mirrorAware: AnyAdapter = {
    name: 'stub',
    matches: ['https://papers.example/list/*'],
    exampleUrls: ['https://papers.example/list/cs'],
    isSupportedUrl: (url) => url.hostname === 'papers.example',
    recognizesPage: (doc) => doc.querySelector('#stub-listing') !== null,
    entrySelector: 'li',
    readContext: () => undefined,
    readEntry: () => undefined,
  };
  const throwing: AnyAdapter = {
    ...mirrorAware,
    name: 'throws',
    isSupportedUrl: () => {
      throw new Error('bug');
    },
    recognizesPage: () => {
      throw new Error('bug');
    },
  };

  it('picks by page structure only on hosts no adapter claims (a mirror), and survives throwing detectors', () => {
    const doc = new DOMParser().parseFromString('<div id="stub-listing"></div>', 'text/html');
    const plain = new DOMParser().parseFromString('<div></div>', 'text/html');
    const list = [throwing, mirrorAware];
    expect(adapterFor(new URL('https://mirror.example/list/cs'), doc, list)?.name).toBe('stub');
    expect(adapterFor(new URL('https://mirror.example/list/cs'), plain, list)).toBeUndefined();
    // A URL on a claimed host that the detector rejects is not handed over by structure.
    const strict = { ...mirrorAware, isSupportedUrl: (url: URL) => url.pathname.startsWith('/list/') };
    expect(adapterFor(new URL('https://papers.example/about'), doc, [strict])).toBeUndefined();
  });
});

/** Chrome's match pattern semantics, enough for scheme://host/path* patterns. */
function matchesPattern(pattern: string, url: URL): boolean {
  const match = /^(\*|https?):\/\/([^/]+)(\/.*)$/.exec(pattern);
  if (!match) return false;
  const [, scheme, host, path] = match;
  if (scheme !== '*' && `${scheme}:` !== url.protocol) return false;
  // '*.example.org' covers example.org itself and every subdomain, as in Chrome.
  const wildcard = host!.startsWith('*.') && (url.hostname === host!.slice(2) || url.hostname.endsWith(host!.slice(1)));
  if (host !== url.hostname && host !== '*' && !wildcard) return false;
  const pathRegex = new RegExp(`^${path!.split('*').map((part) => part.replace(/[.?+^$|()[\]{}\\]/g, '\\$&')).join('.*')}$`);
  return pathRegex.test(url.pathname + url.search);
}
