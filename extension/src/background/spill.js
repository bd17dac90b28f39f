// A visit's request log beyond the core's in-memory ring (2,000 rows per
// tab): the rows the ring evicts are kept in IndexedDB, so the CSV export has
// every request of the visit. Only rows the core itself wrote (the snapshot
// format: URLs, IPs, verdicts, field names, never values), never for private
// windows, at most MAX_BYTES per tab (past it, the export says how many
// requests it lacks), and deleted when the visit ends.
import { isPrivate } from './history.js';

const DB = 'borderline-log';
const STORE = 'chunks';
/** Most bytes of spilled rows kept per tab (about 200,000 requests). */
export const MAX_BYTES = 64 * 1024 * 1024;
const kept = new Map(); // tab → bytes kept this worker life (a lower bound after a wake)
let n = 0;
let opened = null;

function open() {
  opened ??= new Promise((resolve, reject) => {
    const r = indexedDB.open(DB, 1);
    r.onupgradeneeded = () => r.result.createObjectStore(STORE);
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  return opened;
}

function run(mode, fn) {
  return open().then((db) => new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const req = fn(tx.objectStore(STORE));
    tx.oncomplete = () => resolve(req && req.result);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  }));
}

const range = (tab) => IDBKeyRange.bound([tab, -Infinity], [tab, Infinity]);

const pending = new Set(); // spill writes not yet committed

/**
 * Takes the rows the core evicted for the tab and keeps them (not for
 * private tabs). The rows leave the core at once; the write is tracked until
 * it commits (see `spillsSettled`).
 */
export function spill(core, tab) {
  const bytes = core.takeEvicted(tab);
  if (tab < 0 || bytes.length <= 6) return Promise.resolve();
  const write = keep(tab, bytes).finally(() => pending.delete(write));
  pending.add(write);
  return write;
}

async function keep(tab, bytes) {
  if (await isPrivate(tab)) return;
  const total = (kept.get(tab) || 0) + bytes.length;
  if (total > MAX_BYTES) return;
  kept.set(tab, total);
  n += 1;
  await run('readwrite', (s) => s.put(bytes, [tab, Date.now() * 1000 + (n % 1000)])).catch((e) => console.warn('Borderline: could not keep evicted request rows', e));
}

/**
 * Resolves once every spill write started so far has committed. A snapshot
 * is taken only after this: a row evicted before the snapshot is then in
 * IndexedDB, and one evicted after it is still in the snapshot's ring (or
 * evicted again when the journal is replayed), so a worker stopped at any
 * point loses no row.
 */
export async function spillsSettled() {
  while (pending.size) await Promise.allSettled([...pending]);
}

/** Keeps the rows evicted while the journal was replayed, for every tab. */
export function spillAll(core) {
  for (const tab of core.tabs()) spill(core, tab);
}

/** The tab's kept chunks, oldest first. */
export function spilled(tab) {
  return run('readonly', (s) => s.getAll(range(tab))).catch(() => []);
}

/** Forgets what was kept for the tab's visit (a navigation or a closed tab). */
export function forgetSpill(tab) {
  kept.delete(tab);
  return run('readwrite', (s) => s.delete(range(tab))).catch(() => {});
}

/** After a restart: drops what was kept for tabs that no longer have a visit. */
export async function pruneSpill(core) {
  const live = new Set(core.tabs());
  const keys = await run('readonly', (s) => s.getAllKeys()).catch(() => []);
  const gone = new Set((keys || []).map((k) => k[0]).filter((t) => !live.has(t)));
  await Promise.all([...gone].map(forgetSpill));
}
