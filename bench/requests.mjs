// The requests the wasm harnesses replay (bench/peers/run.mjs, bench/tail.mjs):
// the shared real corpus, each request with its page, its type in the names
// webRequest uses, and a stable server address, so every harness times the
// same work.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const corpusPath = process.env.BORDERLINE_CORPUS || resolve(root, '../shared/fixtures/real/adblock-rust/matching-test-requests.json');

/** The page given to entries whose page has no host (many have only a scheme), for every engine alike. */
export const NEUTRAL_PAGE = 'https://www.example.org/';
const TYPES = { xhr: 'xmlhttprequest', fetch: 'xmlhttprequest', subdocument: 'sub_frame' };

/** The bundled fixture captures in the corpus's shape: enough for a short form to check a harness runs. */
function fixtureCorpus() {
  const dir = join(root, 'tests/fixtures');
  return readdirSync(dir, { recursive: true }).filter((f) => f.endsWith('capture.har')).flatMap((f) => {
    const log = JSON.parse(readFileSync(join(dir, f), 'utf8')).log;
    const page = log.pages?.[0]?.title || '';
    return log.entries.map((e) => ({ url: e.request.url, sourceUrl: page, type: e._resourceType || 'other' }));
  });
}

/** A URL's host (with any port), as the address is derived from it. */
export const hostOf = (url) => /^[a-z-]+:\/\/([^/?#]*)/i.exec(url)?.[1] ?? url;

/** A stable server address per host, spread over the address space, so the pipeline's IP lookup does real work (the corpus has no addresses). */
export function ipOf(url) {
  let h = 2166136261;
  for (const c of hostOf(url)) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  return `${(h >>> 24) || 1}.${(h >>> 16) & 255}.${(h >>> 8) & 255}.${h & 255}`;
}

/**
 * `[{ url, page, type, ip }]` from the corpus. Without it, `fallback` (a
 * harness's short form) uses the bundled captures, with a warning; otherwise
 * a missing corpus is an error.
 */
export function loadRequests({ fallback = false } = {}) {
  let corpus;
  if (existsSync(corpusPath)) corpus = JSON.parse(readFileSync(corpusPath, 'utf8'));
  else if (fallback) {
    console.warn(`request corpus not found at ${corpusPath}: the short form uses the bundled fixture captures`);
    corpus = fixtureCorpus();
  } else throw new Error(`request corpus not found at ${corpusPath}: set BORDERLINE_CORPUS`);
  return corpus.map((r) => ({
    url: r.url,
    page: /^https?:\/\/[^/]+/.test(r.sourceUrl) ? r.sourceUrl : NEUTRAL_PAGE,
    type: TYPES[r.type] || r.type,
    ip: ipOf(r.url),
  }));
}
