// webRequest wiring: every completed or failed http(s) request goes to the
// core with what the browser told us. Nothing is decided here.
import { api, responseExtraInfo } from '../platform.js';
import { located, ready } from './core.js';
import { timing } from './timing.js';
import { amend, journal, markDirty, pageFor, REQUEST_RECORD, scheduleCompaction } from './persist.js';
import { newVisit } from './tabs.js';
import { onObserved, visitGeneration } from './warnings.js';
import { FLAGS } from './flags.js';
import { initiatorOf } from './initiator.js';

/** requestId → [bytes sent (URL + body), body text, body size], from onBeforeRequest; lost in a restart, then estimated. */
const bodies = new Map();
/** Body text handed to the core to find identifier names in (never stored). */
const MAX_BODY_TEXT = 8192;
/** Larger byte counts than this are not believed. */
const MAX_BYTES = 2 ** 40;
/** The start of a body as text; a character cut at the limit is left out, not turned into U+FFFD (which reads as binary). */
function textOf(bytes) {
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes.slice(0, MAX_BODY_TEXT), { stream: bytes.byteLength > MAX_BODY_TEXT });
}

function bodyOf(body) {
  if (!body) return [0, ''];
  if (body.raw) {
    const size = body.raw.reduce((n, part) => n + (part.bytes ? part.bytes.byteLength : 0), 0);
    const first = body.raw.find((part) => part.bytes);
    return [size, first ? textOf(new Uint8Array(first.bytes)) : ''];
  }
  if (body.formData) {
    const text = Object.entries(body.formData).flatMap(([k, vs]) => vs.map((v) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)).join('&');
    return [text.length, text.slice(0, MAX_BODY_TEXT)];
  }
  return [0, ''];
}

/** Browser events too malformed to use (no http(s) URL, no valid tab id): ignored and counted. */
export const ignored = { events: 0 };

function usable(d) {
  const ok = !!d && typeof d.url === 'string' && /^https?:\/\/[^/]/i.test(d.url) && d.url.length <= 2 ** 21 && Number.isInteger(d.tabId) && d.tabId >= -1;
  if (!ok) ignored.events += 1;
  return ok;
}

const text = (v, fallback = '') => (typeof v === 'string' ? v : fallback);


const number = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

function onBefore(d) {
  if (!usable(d)) return;
  if (d.type === 'main_frame' && d.tabId >= 0) newVisit(d.tabId, d.url);
  const [size, text] = bodyOf(d.requestBody);
  bodies.set(d.requestId, [d.url.length + size, text, size]);
}

function header(headers, name) {
  return (Array.isArray(headers) ? headers : []).filter((h) => h && typeof h.name === 'string' && h.name.toLowerCase() === name);
}

function onDone(d, failed) {
  if (!usable(d)) return;
  const [sent, body, bodySize] = bodies.get(d.requestId) ?? [d.url.length, '', 0];
  bodies.delete(d.requestId);
  // Header values come from the site: clamp them to sane numbers before the core sees them.
  const length = Number(header(d.responseHeaders, 'content-length')[0]?.value);
  const received = failed || d.fromCache || !Number.isFinite(length) ? 0 : Math.min(Math.max(length, 0), MAX_BYTES);
  // Firefox joins several Set-Cookie headers into one value, one cookie per line.
  const cookies = header(d.responseHeaders, 'set-cookie').reduce((n, h) => n + String(h.value || '').split('\n').filter(Boolean).length, 0);
  const ip = d.fromCache ? '' : text(d.ip);
  const status = failed ? 0 : Math.min(Math.max(number(d.statusCode), 0), 999);
  const tab = d.tabId;
  // The page is known for certain only for a navigation; otherwise it is the
  // tab's page when the event is applied (after a wake, once restored), else
  // the initiator (worker requests, tab -1, are filed under the matching tab).
  const hint = tab >= 0 && d.type === 'main_frame' ? d.url : '';
  const record = {
    v: REQUEST_RECORD, url: d.url, hint, initiator: initiatorOf(d), type: text(d.type, 'other'), method: text(d.method, 'GET'),
    ip, status, sent, received, cookies, time: Math.round(number(d.timeStamp) || Date.now()),
  };
  // Journaled as it arrives, before the core is ready: a worker stopped now loses nothing.
  // The body is read for field names and never stored: once the core has read
  // it, the journal's record is completed with the names it found.
  const handle = journal('request', tab, [record]);
  // Which visit of the tab this request belongs to, known now: a navigation
  // that arrives before the request is judged starts another.
  const visit = visitGeneration(tab);
  ready.then((core) => {
    const r = record;
    const flags = core.observe(tab, r.url, pageFor(tab, hint, r.initiator), r.type, r.method, r.ip, r.status, r.sent, r.received, r.cookies, r.time, body || undefined, undefined, bodySize || undefined);
    if (body) amend(handle, core.lastFields());
    // Rows the ring evicts (flag EVICTED) are taken at compaction and at a
    // wake (persist.js, spill.js), not here: taken per request, a few were
    // lost in Firefox's suspend-under-bursts test (cause not yet found).
    // The first verdict of this worker's life: how long the request waited for it.
    if (timing.firstVerdictDelay === null && d.timeStamp) timing.firstVerdictDelay = Date.now() - d.timeStamp;
    // A worker's request (tab -1) is filed under the tab of its site: that tab's snapshot changed.
    if (tab < 0) core.tabs().forEach(markDirty);
    scheduleCompaction(core);
    // The badge's colour and the warnings state where the server is: until the
    // IP tables are read (on a wake), they wait, and the server is judged then.
    const judged = (f) => {
      if (timing.firstLocatedDelay === null && d.timeStamp) timing.firstLocatedDelay = Date.now() - d.timeStamp;
      if (visitGeneration(tab) === visit) onObserved(core, tab, f, d.url);
    };
    if (core.hasLocations()) judged(flags);
    else located.then(() => judged(flags & FLAGS.UNLOCATED ? (flags & ~FLAGS.UNLOCATED) | core.serverFlags(r.ip) : flags));
  });
}

/** The completion handler, for the end-to-end tests' malformed events. */
export const observeDetails = (d) => onDone(d, false);

export function registerRequests() {
  const filter = { urls: ['http://*/*', 'https://*/*'] };
  api.webRequest.onBeforeRequest.addListener(onBefore, filter, ['requestBody']);
  api.webRequest.onCompleted.addListener((d) => onDone(d, false), filter, responseExtraInfo);
  api.webRequest.onErrorOccurred.addListener((d) => onDone(d, true), filter);
}
