import { launchWithExtension } from '../e2e/support/browser';
import { startFixtureServer } from '../e2e/support/fixture-server';
import { fixture } from '../e2e/support/routes';
import { arxivAssets } from '../e2e/support/site-assets';
const server = await startFixtureServer({ 'arxiv.org/list/cs/new?skip=0&show=2000': fixture('arxiv/arxiv_list_cs_new_show2000.rendered.html') }, arxivAssets);
const b = await launchWithExtension(server.port);
for (let round = 0; round < 2; round++) {
const page = await b.context.newPage();
const cdp = await b.context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
await page.goto('https://arxiv.org/list/cs/new?skip=0&show=2000', { waitUntil: 'domcontentloaded' });
await page.waitForTimeout(4000);
const { profile } = await cdp.send('Profiler.stop') as any;
const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
const self = new Map<number, number>();
const dt = profile.timeDeltas; let i = 0;
for (const s of profile.samples) { self.set(s, (self.get(s) ?? 0) + (dt[i++] ?? 0)); }
// inclusive time for extension functions
const parent = new Map<number, number>();
for (const n of profile.nodes as any[]) for (const c of n.children ?? []) parent.set(c, n.id);
const incl = new Map<string, number>();
for (const [id, t] of self) {
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const n: any = byId.get(cur); const cf = n.callFrame;
    if (!cf.url.startsWith('chrome-extension://')) continue;
    const key = `${cf.functionName || '(anon)'} ${cf.lineNumber}:${cf.columnNumber}`;
    if (seen.has(key)) continue; seen.add(key);
    incl.set(key, (incl.get(key) ?? 0) + t);
  }
}
// children of the script's root
const roots = (profile.nodes as any[]).filter((n) => n.callFrame.url.startsWith('chrome-extension://') && n.callFrame.lineNumber === 0 && n.callFrame.columnNumber === 0);
const inclNode = (id: number): number => { const n: any = byId.get(id); return (self.get(id) ?? 0) + (n.children ?? []).reduce((a: number, c: number) => a + inclNode(c), 0); };
const walk = (id: number, depth: number) => { const n: any = byId.get(id); const t = inclNode(id); if (t < 3000 || depth > 7) return; console.log(' '.repeat(depth * 2) + `${(t / 1000).toFixed(1)}ms ${n.callFrame.functionName || '(anon)'} ${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`); for (const c of n.children ?? []) walk(c, depth + 1); };
for (const r of roots) walk(r.id, 0);
console.log('round', round, [...incl].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${(v / 1000).toFixed(1)}ms ${k}`).join('\n'));
await page.close();
}
await b.close(); await server.close();
