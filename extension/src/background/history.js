// History across visits, private by design: one summary per visit (site,
// counts, tracker domains, companies, countries — no URLs) in IndexedDB, kept
// for the retention period, never for private windows, with an off switch.
// Also "new since last visit": a tracker domain or server country this site
// never used before, told through the in-page warning.
import { api } from '../platform.js';

const STORE = 'visits';
let opening = null;
const incognito = new Map(); // tab → boolean
const earlier = new Map(); // tab → { site, visits } summaries of earlier visits
const told = new Map(); // tab → novelty sentences already sent

export async function historySettings() {
  const s = await api.storage.local.get(['history', 'retentionDays']);
  return { enabled: s.history !== false, retentionDays: Number(s.retentionDays) > 0 ? Number(s.retentionDays) : 30 };
}

function db() {
  opening ??= new Promise((ok, fail) => {
    const r = indexedDB.open('borderline-history', 1);
    r.onupgradeneeded = () => {
      const store = r.result.createObjectStore(STORE, { keyPath: 'id' });
      store.createIndex('site', 'site');
      store.createIndex('last', 'last_seen_ms');
    };
    r.onsuccess = () => ok(r.result);
    r.onerror = () => fail(r.error);
  });
  return opening;
}

async function run(mode, work) {
  const d = await db();
  return new Promise((ok, fail) => {
    const t = d.transaction(STORE, mode);
    const request = work(t.objectStore(STORE));
    t.oncomplete = () => ok(request ? request.result : undefined);
    t.onerror = () => fail(t.error);
    t.onabort = () => fail(t.error || new Error('transaction aborted'));
  });
}

function report(e) {
  // Quota and other storage errors are shown on the history page, not swallowed.
  console.error('Borderline history:', e);
  api.storage.session.set({ historyError: `${e && e.name || 'Error'}: ${e && e.message || e}` }).catch(() => {});
}

export function allVisits() {
  return run('readonly', (s) => s.getAll());
}

export function clearHistory() {
  earlier.clear();
  return run('readwrite', (s) => s.clear());
}

/** Visits ended in this worker's life before its IP tables were read (summed up once they were): for the tests. */
export const ended = { beforeLocations: 0 };

/**
 * A tab's visit ends (navigation or close): save its final summary, of the
 * visit as it is now, before the core forgets it; then forget what was cached
 * for it. Before the IP tables are read (`located`: a wake, which a
 * navigation often causes), the visit's state is kept as it is now and summed
 * up once they are. A tab this worker life has not asked about yet is asked
 * whether it is private (a closed one cannot say, and is not kept).
 */
export function endVisit(core, tab, located) {
  if (tab < 0) return;
  const wasPrivate = incognito.get(tab);
  earlier.delete(tab);
  told.delete(tab);
  incognito.delete(tab);
  if (wasPrivate === true) return;
  const now = core.hasLocations() ? core.visitSummary(tab) : null;
  const state = now === null ? core.snapshot(tab) : null;
  (async () => {
    if (wasPrivate === undefined && (await isPrivate(tab))) return;
    if (state) {
      await located;
      ended.beforeLocations += 1;
    }
    const summary = JSON.parse(now ?? core.snapshotSummary(state));
    if (summary) await save(summary);
  })().catch(report);
}

async function save(summary) {
  if (!(await historySettings()).enabled) return null;
  const id = `${summary.site}@${summary.first_seen_ms}`;
  await run('readwrite', (s) => s.put({ id, ...summary }));
  return id;
}

/** Whether the tab is in a private window (unknown tabs count as private). */
export async function isPrivate(tab) {
  if (!incognito.has(tab)) {
    try {
      incognito.set(tab, (await api.tabs.get(tab)).incognito === true);
    } catch {
      return true; // a tab we cannot see is not recorded
    }
  }
  return incognito.get(tab);
}

/** Saves the tab's visit summary (upsert) and returns novelty text, if any. */
export async function recordVisit(core, tab) {
  try {
    if (tab < 0 || (await isPrivate(tab)) || !(await historySettings()).enabled) return '';
    const summary = JSON.parse(core.visitSummary(tab));
    if (!summary) return '';
    const id = `${summary.site}@${summary.first_seen_ms}`;
    let cached = earlier.get(tab);
    if (!cached || cached.site !== summary.site) {
      const visits = (await run('readonly', (s) => s.index('site').getAll(summary.site))).filter((v) => v.id !== id);
      cached = { site: summary.site, visits };
      earlier.set(tab, cached);
    }
    await save(summary);
    const text = core.noveltyText(tab, JSON.stringify(cached.visits));
    const seen = told.get(tab) || new Set();
    if (!text || seen.has(text)) return '';
    seen.add(text);
    told.set(tab, seen);
    return text;
  } catch (e) {
    report(e);
    return '';
  }
}

/** Drops visits older than the retention period. */
export async function expireHistory() {
  try {
    const { retentionDays } = await historySettings();
    const cutoff = Date.now() - retentionDays * 24 * 3600 * 1000;
    await run('readwrite', (s) => {
      const range = IDBKeyRange.upperBound(cutoff, true);
      s.index('last').openCursor(range).onsuccess = (e) => {
        const cursor = e.target.result;
        if (cursor) {
          cursor.delete();
          cursor.continue();
        }
      };
    });
  } catch (e) {
    report(e);
  }
}
