// The core's data packs (lists.bin: the filter engines; locations.bin: the IP
// tables) and its module (borderline_wasm_bg.wasm), read the fastest way the
// browser offers. A wake reads the module and the lists first (the first
// verdict needs nothing else) and the IP tables after the core is ready
// (core.js). Read from the extension's own package they
// cost 150–250 ms per wake; the same bytes kept as Blobs in IndexedDB come
// back in about 30 ms (docs/performance.md). So the first wake after an install
// or update reads the package and keeps a copy keyed by each pack's content
// hash; later wakes read the copy. A missing, stale or unusable copy falls back
// to the package: the copy is only ever a cache.
import { PACKS } from '../wasm/data.js';
import { api } from '../platform.js';

const DB = 'borderline-packs';
const STORE = 'packs';
export { PACKS };

function request(r) {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

/** A connection of its own for each load: closed when done, so the database is not held open for the worker's life. */
function open() {
  return new Promise((resolve, reject) => {
    const r = indexedDB.open(DB, 1);
    r.onupgradeneeded = () => r.result.createObjectStore(STORE);
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

function done(t) {
  return new Promise((resolve, reject) => {
    t.oncomplete = resolve;
    t.onerror = t.onabort = () => reject(t.error);
  });
}

/** The cached copy of a pack, if it is the one this build ships. */
async function fromCache(db, name) {
  const record = await request(db.transaction(STORE).objectStore(STORE).get(name));
  const want = PACKS[name];
  if (!record || record.sha256 !== want.sha256 || !(record.blob instanceof Blob) || record.blob.size !== want.bytes) return null;
  return new Uint8Array(await record.blob.arrayBuffer());
}

async function fromPackage(name) {
  const response = await fetch(api.runtime.getURL(`wasm/${name}`));
  if (!response.ok) throw new Error(`the extension's ${name} could not be read (${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}

/** Keeps a copy for the next wake; a full disk or a blocked database only costs speed. */
async function keep(db, name, bytes) {
  try {
    const t = (await db).transaction(STORE, 'readwrite');
    t.objectStore(STORE).put({ sha256: PACKS[name].sha256, blob: new Blob([bytes]) }, name);
    await done(t);
  } catch (e) {
    console.warn(`Borderline: could not keep a copy of ${name}; it will be read from the package next time`, e);
  }
}

/** Where each pack came from this wake ('cache' or 'package'): for the cold-start benchmark and tests. */
export const packSource = {};

/**
 * One pack (`lists.bin` or `locations.bin`) as bytes. `fresh` skips the cache
 * (after the core rejected a cached copy). The copy is written after the
 * bytes are handed back, so a first wake never waits for the write.
 */
export async function loadPack(name, { fresh = false } = {}) {
  const db = open();
  db.catch(() => {}); // no database: the package is read, and nothing is kept
  let write = Promise.resolve();
  try {
    if (!fresh) {
      const cached = await db.then((d) => fromCache(d, name)).catch(() => null);
      if (cached) {
        packSource[name] = 'cache';
        return cached;
      }
    }
    const bytes = await fromPackage(name);
    packSource[name] = 'package';
    write = keep(db, name, bytes);
    return bytes;
  } finally {
    write.then(() => db).then((d) => d.close(), () => {});
  }
}

/** Forgets the cached copy of a pack (the core found it unusable). */
export async function forgetPack(name) {
  try {
    const db = await open();
    const t = db.transaction(STORE, 'readwrite');
    t.objectStore(STORE).delete(name);
    await done(t).finally(() => db.close());
  } catch {
    // Nothing cached, or no database: the package is read either way.
  }
}
