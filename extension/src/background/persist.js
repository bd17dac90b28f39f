// Keeps per-tab state across service-worker restarts in storage.session:
// every observed event is journaled at once (so a stopped worker loses
// nothing), and the journal is compacted into versioned snapshots when quiet
// (and at least every few seconds on busy pages, to stay within the quota).
// Nothing is written before the saved state has been read back, so a worker
// woken by an event cannot overwrite what its predecessor left.
import { api } from '../platform.js';

const COMPACT_QUIET_MS = 1000;
const COMPACT_AT_MOST_EVERY_MS = 5000;
let seq = 0;
let batch = [];
let flushQueued = false;
let compactTimer = null;
let lastCompaction = Date.now();
let restored = false;
const dirtyTabs = new Set();
/** tab id → URL of its top-level page (survives restarts with the rest). */
export const pages = new Map();

/** Records a tab's top-level page, saved once the restore is done. */
export function setPage(tab, url) {
  if (url) pages.set(tab, url);
  else pages.delete(tab);
  if (restored) savePages();
}

function savePages() {
  api.storage.session.set({ pages: Object.fromEntries(pages) }).catch(reportQuota);
}

/** Marks a tab's state as changed, for the next compaction. */
export function markDirty(tab) {
  dirtyTabs.add(tab);
}

/** Journals one event: [seq, kind, tab, ...args]. Written on the next microtask. */
export function journal(kind, tab, args) {
  seq += 1;
  batch.push([seq, kind, tab, ...args]);
  dirtyTabs.add(tab);
  if (restored && !flushQueued) {
    flushQueued = true;
    queueMicrotask(flush);
  }
}

function flush() {
  flushQueued = false;
  const entries = batch;
  batch = [];
  if (!entries.length) return;
  api.storage.session.set({ [`j:${entries[0][0]}`]: entries, seq }).catch(reportQuota);
}

/** Schedules a compaction of the journal into snapshots. */
export function scheduleCompaction(core) {
  clearTimeout(compactTimer);
  const overdue = Date.now() - lastCompaction > COMPACT_AT_MOST_EVERY_MS;
  compactTimer = setTimeout(() => compact(core).catch(reportQuota), overdue ? 0 : COMPACT_QUIET_MS);
}

async function compact(core) {
  flush();
  lastCompaction = Date.now();
  const upTo = seq;
  const tabs = [...dirtyTabs].filter((t) => t >= 0);
  dirtyTabs.clear();
  const items = { snapSeq: upTo };
  for (const tab of tabs) items[`s:${tab}`] = toBase64(core.snapshot(tab));
  await api.storage.session.set(items);
  const all = await api.storage.session.get(null);
  const old = Object.keys(all).filter((k) => k.startsWith('j:') && all[k].every((e) => e[0] <= upTo));
  const live = new Set(core.tabs());
  const empty = Object.keys(all).filter((k) => k.startsWith('s:') && !live.has(Number(k.slice(2))));
  await api.storage.session.remove([...old, ...empty]);
}

/** Restores snapshots, then replays journal entries newer than them. */
export async function restoreInto(core, replay) {
  const all = await api.storage.session.get(null);
  for (const [tab, url] of Object.entries(all.pages || {})) if (!pages.has(Number(tab))) pages.set(Number(tab), url);
  const snapSeq = all.snapSeq || 0;
  const entries = Object.entries(all).filter(([k]) => k.startsWith('j:')).flatMap(([, v]) => v).filter((e) => e[0] > snapSeq).sort((a, b) => a[0] - b[0]);
  // Continue numbering after everything already stored, so no journal key is reused.
  const stored = Math.max(all.seq || 0, snapSeq, ...entries.map((e) => e[0]));
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith('s:')) continue;
    try {
      core.restore(Number(key.slice(2)), fromBase64(value));
    } catch (e) {
      console.warn('Borderline: dropped an unreadable snapshot', key, e);
    }
  }
  for (const e of entries) {
    try {
      (replay || replayEvent)(core, e);
    } catch (err) {
      console.warn('Borderline: skipped a journal entry that could not be replayed', e[0], err);
    }
    dirtyTabs.add(e[2]);
  }
  // Events that arrived while restoring were numbered from 0: renumber them after the stored ones.
  for (const e of batch) e[0] += stored;
  seq += stored;
  restored = true;
  savePages();
  if (batch.length) flush();
  if (entries.length || dirtyTabs.size) scheduleCompaction(core);
  return entries.length;
}

export function replayEvent(core, [, kind, tab, ...args]) {
  if (kind === 'reset') core.resetTab(tab);
  else if (kind === 'req') core.observe(tab, ...args);
}

function reportQuota(e) {
  console.error('Borderline: could not save state', e);
  api.storage.session.set({ lastError: String((e && e.message) || e) }).catch(() => {});
}

function toBase64(bytes) {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(b64) {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
