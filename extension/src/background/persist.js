// Keeps per-tab state across service-worker restarts in storage.session.
// Every event is journaled the moment it arrives, before the core is even
// loaded, under a key no other worker life uses (`j:<boot time>:<boot id>:<n>`),
// so a worker stopped at any point loses only what the browser had not yet
// handed it. The journal is compacted into versioned snapshots when quiet (and
// at least every few seconds on busy pages, to stay within the quota). A
// snapshot names the journal keys it covers in the same write, so a worker
// stopped between writing a snapshot and deleting those keys never replays
// them twice. Snapshots and pages are only written after the saved state has
// been read back, so a woken worker cannot overwrite what its predecessor left.
import { api } from '../platform.js';
import { timing } from './timing.js';
import { spillAll, spillsSettled } from './spill.js';

const COMPACT_QUIET_MS = 1000;
const COMPACT_AT_MOST_EVERY_MS = 5000;
/** This worker life's journal key prefix: boot time first, so keys sort by life. */
const BOOT = `j:${String(Date.now()).padStart(15, '0')}:${Math.random().toString(36).slice(2, 10)}:`;
let n = 0;
let batch = [];
let compactTimer = null;
let compacting = Promise.resolve();
let lastCompaction = Date.now();
let restored = false;
const dirtyTabs = new Set();
/** Journal keys whose events the core has (written by this life, or replayed from earlier ones). */
const known = new Set();
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

/**
 * Journals one event, [n, kind, tab, ...args], as it arrives: the write is
 * started at once, not batched, so the event is on its way to the browser
 * before this task ends. Call it before handing the event to the core, in
 * arrival order. Returns a handle for `amend`.
 */
export function journal(kind, tab, args) {
  n += 1;
  const entry = [n, kind, tab, ...args];
  batch.push(entry);
  dirtyTabs.add(tab);
  return { key: flush(), entry };
}

/**
 * Completes a journaled request with what the core read from it (field names,
 * never values) and writes its key again, so a replay counts the same fields.
 * Call it in the same task as the core's `observe`: a compaction, which
 * deletes covered keys, always runs in a later task.
 */
export function amend(handle, fields) {
  if (!handle.key || !known.has(handle.key) || !fields) return;
  const record = handle.entry[3];
  if (record && typeof record === 'object') record.fields = fields;
  api.storage.session.set({ [handle.key]: [handle.entry] }).catch(reportQuota);
}

function flush() {
  const entries = batch;
  batch = [];
  if (!entries.length) return null;
  const key = `${BOOT}${String(entries[0][0]).padStart(9, '0')}`;
  known.add(key);
  api.storage.session.set({ [key]: entries }).catch(reportQuota);
  return key;
}

/** Schedules a compaction of the journal into snapshots. */
export function scheduleCompaction(core) {
  if (!restored) return;
  clearTimeout(compactTimer);
  const overdue = Date.now() - lastCompaction > COMPACT_AT_MOST_EVERY_MS;
  // One compaction at a time: their writes must not interleave.
  compactTimer = setTimeout(() => { compacting = compacting.then(() => compact(core)).catch(reportQuota); }, overdue ? 0 : COMPACT_QUIET_MS);
}

async function compact(core) {
  flush();
  lastCompaction = Date.now();
  // A stopped worker's last writes can land after this life read the storage:
  // adopt them now, so they are counted (late, but once).
  const before = await api.storage.session.get(null);
  const covered = new Set(before.snapCovers || []);
  adopt(core, Object.keys(before).filter((k) => k.startsWith('j:') && !k.startsWith(BOOT) && !known.has(k) && !covered.has(k)).sort(), before);
  spillAll(core);
  // Rows the ring evicted are in IndexedDB before a snapshot without them
  // replaces the journal that would evict them again (spill.js). No await
  // from here to the snapshots: nothing is evicted in between.
  await spillsSettled();
  // Every known key's events are in the core by now: each arrival is applied
  // on the microtask after it is journaled, and this runs in a later task.
  const covers = [...known];
  const tabs = [...dirtyTabs].filter((t) => t >= 0);
  dirtyTabs.clear();
  const items = { snapCovers: covers };
  for (const tab of tabs) items[`s:${tab}`] = toBase64(core.snapshot(tab));
  await api.storage.session.set(items);
  const live = new Set(core.tabs());
  const all = await api.storage.session.get(null);
  const empty = Object.keys(all).filter((k) => k.startsWith('s:') && !live.has(Number(k.slice(2))));
  // Saved: an earlier save error no longer applies.
  await api.storage.session.remove([...covers, ...empty, 'lastError']);
  for (const k of covers) known.delete(k);
  // Keys deleted now need no longer be named by the snapshot.
  if (!known.size) api.storage.session.set({ snapCovers: [] }).catch(reportQuota);
}

/** Restores snapshots, then replays the journal entries of earlier worker lives they do not cover. */
let saved = null;
/** What earlier lives of the worker saved, read once; started early so the read overlaps the core's loading. */
export function readSaved() {
  saved ??= api.storage.session.get(null);
  return saved;
}

export async function restoreInto(core, replay) {
  const all = await readSaved();
  timing.savedRead = performance.now();
  for (const [tab, url] of Object.entries(all.pages || {})) if (!pages.has(Number(tab))) pages.set(Number(tab), url);
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith('s:')) continue;
    try {
      core.restore(Number(key.slice(2)), fromBase64(value));
    } catch (e) {
      console.warn('Borderline: dropped an unreadable snapshot', key, e);
    }
  }
  timing.snapshotsRestored = performance.now();
  const covered = new Set(all.snapCovers || []);
  // Keys sort by worker life, then by event number within it.
  const keys = Object.keys(all).filter((k) => k.startsWith('j:') && !k.startsWith(BOOT)).sort();
  for (const key of keys) if (covered.has(key)) known.add(key); // the next snapshot covers it again
  const replayed = adopt(core, keys.filter((k) => !covered.has(k)), all, replay);
  timing.journalReplayed = performance.now();
  timing.eventsReplayed = replayed;
  restored = true;
  savePages();
  if (replayed || dirtyTabs.size) scheduleCompaction(core);
  // The stopped worker's last writes may still be landing: look again soon, even if no event comes.
  setTimeout(() => scheduleCompaction(core), 3000);
  return replayed;
}

/** Replays earlier lives' journal keys into the core; they are known from then on. */
function adopt(core, keys, all, replay) {
  let replayed = 0;
  for (const key of keys) {
    known.add(key);
    if (!Array.isArray(all[key])) continue;
    for (const e of all[key]) {
      try {
        (replay || replayEvent)(core, e);
        replayed += 1;
      } catch (err) {
        console.warn('Borderline: skipped a journal entry that could not be replayed', key, err);
      }
      dirtyTabs.add(e[2]);
    }
  }
  return replayed;
}

/** The page a request is filed under: see requests.js. */
export function pageFor(tab, hint, initiator) {
  return hint || (tab >= 0 && pages.get(tab)) || initiator || '';
}

/** The journal's request record, version 2: named fields, and the field names the core read (never values). */
export const REQUEST_RECORD = 2;

export function replayEvent(core, [, kind, tab, ...args]) {
  if (kind === 'reset') core.resetTab(tab);
  else if (kind === 'request') {
    const r = args[0];
    if (!r || typeof r !== 'object' || r.v !== REQUEST_RECORD) throw new Error(`unknown request record (version ${r && r.v})`);
    core.observe(tab, r.url, pageFor(tab, r.hint, r.initiator), r.type, r.method, r.ip, r.status, r.sent, r.received, r.cookies, r.time, undefined, r.fields || undefined, undefined);
  }
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
