// How the page behind a request is read from webRequest details, in both
// browsers. No imports: tested on its own (tests/e2e/webrequest-details.test.mjs).

/**
 * The origin that made the request: Chromium's `initiator`; Firefox has none,
 * but gives `documentUrl` (the document the request is for) and `originUrl`
 * (what triggered it: a worker's script, for worker requests). Only the
 * origin is kept, as Chromium gives it.
 */
export function initiatorOf(d) {
  if (typeof d.initiator === 'string') return d.initiator;
  for (const u of [d.documentUrl, d.originUrl]) {
    if (typeof u !== 'string') continue;
    try {
      const o = new URL(u).origin;
      if (o.startsWith('http')) return o;
    } catch {
      // not a URL: try the next
    }
  }
  return '';
}
