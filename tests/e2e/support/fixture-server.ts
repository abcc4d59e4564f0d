import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What the server answers for one URL: a fixture file, or a generated body. */
export type Route = { file: string } | { body: string; contentType?: string };

/** Routes keyed by `host + pathname + search` (e.g. `huggingface.co/papers?q=reward`), or a function. */
export type RouteTable = Record<string, Route> | ((hostAndPath: string) => Route | undefined);

export interface FixtureServer {
  port: number;
  /** Replace or add routes while the browser runs (a page "changing" between reloads). */
  routes: Map<string, Route>;
  /** Every request the server saw, as host + path: proves which pages the browser really loaded. */
  requests: string[];
  close(): Promise<void>;
}

/**
 * A self-signed certificate for the mapped hosts, made fresh for each run (nothing secret is committed).
 * Chromium accepts it because the context is launched with `ignoreHTTPSErrors`.
 */
function makeCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'paperlight-cert-'));
  try {
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=paperlight-fixtures',
      '-addext', 'subjectAltName=DNS:huggingface.co,DNS:arxiv.org,DNS:static.arxiv.org,DNS:www.alphaxiv.org,DNS:alphaxiv.org,DNS:scholar.google.com,DNS:openreview.net,DNS:aclanthology.org,DNS:localhost',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
    ], { stdio: 'ignore' });
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Serve fixture pages over HTTPS on 127.0.0.1; the browser reaches it through --host-resolver-rules. */
export async function startFixtureServer(
  table: RouteTable,
  /** Asked when no route matches (e.g. a site's static assets by path prefix, tests/e2e/support/site-assets.ts). */
  fallback: (hostAndPath: string) => Route | undefined = () => undefined,
): Promise<FixtureServer> {
  const routes = new Map<string, Route>(typeof table === 'function' ? [] : Object.entries(table));
  const lookup = typeof table === 'function' ? (key: string) => table(key) ?? fallback(key) : fallback;
  const requests: string[] = [];
  const server: Server = createServer(makeCertificate(), (req, res) => {
    const url = new URL(req.url ?? '/', `https://${req.headers.host ?? 'localhost'}`);
    const key = url.host.replace(/:\d+$/, '') + url.pathname + url.search;
    requests.push(key);
    const route = routes.get(key) ?? lookup(key);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`no fixture for ${key}`);
      return;
    }
    const body = 'file' in route ? readFileSync(route.file) : route.body;
    const contentType = 'file' in route ? contentTypeOf(route.file) : (route.contentType ?? 'text/html; charset=utf-8');
    // CORS open: pages load fonts from other mapped hosts (MathJax's from static.arxiv.org).
    res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store', 'access-control-allow-origin': '*' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    routes,
    requests,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/** Fixture pages are HTML; asset files (a site's scripts and fonts) get their own type. */
function contentTypeOf(file: string): string {
  const types: Record<string, string> = {
    js: 'text/javascript; charset=utf-8',
    css: 'text/css; charset=utf-8',
    woff: 'font/woff',
    otf: 'font/otf',
    svg: 'image/svg+xml',
    json: 'application/json',
  };
  return types[/\.([a-z0-9]+)$/i.exec(file)?.[1]?.toLowerCase() ?? ''] ?? 'text/html; charset=utf-8';
}
