// One HTTPS server for every test host (Chromium maps each hostname to its own
// 127.0.0.x; a server bound to 0.0.0.0 answers them all). Self-signed
// certificate made with openssl at start; Chromium runs with
// --ignore-certificate-errors since several of these domains are HSTS-preloaded.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PAGES } from './pages.mjs';

function certificate() {
  const dir = mkdtempSync(join(tmpdir(), 'borderline-cert-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=borderline-test', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
  return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
}

/** Starts the server; `served` lists every request it answered. */
export async function startSites({ port = 443 } = {}) {
  const served = [];
  // Large enough for the hostile test's 100 kB URLs.
  const server = createServer({ ...certificate(), maxHeaderSize: 1 << 20 }, (req, res) => {
    const host = (req.headers.host || '').split(':')[0];
    const path = (req.url || '/').split('?')[0];
    served.push({ host, path, method: req.method, origin: req.headers.origin || '', referer: req.headers.referer || '', time: Date.now() });
    // Everything is uncacheable but `/cached.*`, which a test loads twice to see a cache hit.
    const headers = { 'access-control-allow-origin': '*', 'cache-control': path.startsWith('/cached.') ? 'public, max-age=3600' : 'no-store' };
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...headers, 'access-control-allow-headers': 'content-type', 'access-control-allow-methods': 'GET, POST' });
      return res.end();
    }
    // `/slow/<ms>` on any host answers after that long (at most 10 s): a request still in flight.
    const slow = path.match(/^\/slow\/(\d+)$/);
    if (slow) {
      req.resume();
      setTimeout(() => {
        res.writeHead(200, { ...headers, 'content-type': 'text/plain' });
        res.end('late');
      }, Math.min(Number(slow[1]), 10_000));
      return;
    }
    const page = PAGES[host]?.[path];
    if (!page) {
      res.writeHead(404, headers);
      return res.end('not found');
    }
    const setCookie = host === 'googleads.g.doubleclick.net' ? { 'set-cookie': 'IDE=test; Secure; SameSite=None' } : {};
    res.writeHead(200, { ...headers, ...setCookie, 'content-type': page[0] });
    req.resume();
    req.on('end', () => res.end(page[1]));
  });
  await new Promise((ok, fail) => server.once('error', fail).listen(port, '0.0.0.0', ok));
  return { served, close: () => new Promise((ok) => server.close(ok)) };
}
