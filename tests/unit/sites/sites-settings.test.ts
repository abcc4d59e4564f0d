import { describe, expect, it } from 'vitest';
import { DEFAULT_SITES_SETTINGS, parseExtraHost, parseSitesSettings, sitesSetting } from '../../../lib/settings/sites';
import { adapters, enabledAdapters, isBuiltInHost, siteOf, SITES } from '../../../lib/sites';

describe('site groups', () => {
  it('put every adapter in exactly one site, with distinct ids', () => {
    for (const adapter of adapters) expect(SITES.filter((site) => site.adapters.includes(adapter.name)), adapter.name).toHaveLength(1);
    expect(new Set(SITES.map((s) => s.id)).size).toBe(SITES.length);
    expect(SITES.flatMap((s) => s.adapters).sort()).toEqual(adapters.map((a) => a.name).sort());
  });

  it('switch a whole site off (arXiv: all four page types)', () => {
    const left = enabledAdapters(['arxiv']).map((a) => a.name);
    expect(left).not.toContain('arxiv-listing');
    expect(left).not.toContain('arxiv-html');
    expect(left).toContain('huggingface');
    expect(adapters.filter((a) => siteOf(a) === 'arxiv')).toHaveLength(4);
  });

  it('know the built-in hosts (an extra host there would run the script twice)', () => {
    expect(isBuiltInHost('arxiv.org')).toBe(true);
    expect(isBuiltInHost('export.arxiv.org')).toBe(true);
    expect(isBuiltInHost('scholar.google.de')).toBe(true);
    expect(isBuiltInHost('xxx.itp.ac.cn')).toBe(false);
  });
});

describe('site settings', () => {
  it.each([
    ['mirror.example.edu', 'https://mirror.example.edu'],
    ['  https://Mirror.Example.edu/ ', 'https://mirror.example.edu'],
    ['http://arxiv.mirror.example:8080', 'http://arxiv.mirror.example:8080'],
    ['https://mirror.example.edu/list/cs/new', undefined],
    ['ftp://mirror.example.edu', undefined],
    ['localhost', undefined],
    ['https://user:pw@mirror.example.edu', undefined],
    ['not a host', undefined],
    ['', undefined],
  ])('extra host %j → %j', (raw, origin) => expect(parseExtraHost(raw)).toBe(origin));

  it('keeps what it can read of stored settings, drops the rest', () => {
    expect(parseSitesSettings({ disabled: ['arxiv', 7, 'arxiv', 'Bad Id'], extraHosts: ['mirror.example.edu', 'nope', 3] })).toEqual({
      disabled: ['arxiv'],
      extraHosts: ['https://mirror.example.edu'],
    });
    expect(parseSitesSettings({})).toEqual(DEFAULT_SITES_SETTINGS);
    expect(parseSitesSettings('x')).toBeUndefined();
    expect(parseSitesSettings([])).toBeUndefined();
  });

  it('is stored and read back', async () => {
    expect(await sitesSetting.get()).toEqual(DEFAULT_SITES_SETTINGS);
    await sitesSetting.set({ disabled: ['google-scholar'], extraHosts: ['https://mirror.example.edu'] });
    expect(await sitesSetting.get()).toEqual({ disabled: ['google-scholar'], extraHosts: ['https://mirror.example.edu'] });
  });
});
