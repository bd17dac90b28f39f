// The core's data packs and its module, in each real headless browser: the
// first start after an install reads them from the package and keeps a copy
// in IndexedDB; later wakes read the copy; a spoiled copy is refused (the
// module's by the engine, a pack's by the core), read again from the package
// and replaced, with the visit's counts going on throughout.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BROWSERS, launch, skipReason, until } from './layer.mjs';
import { canonical, readPackCopies } from './browser.mjs';
import { startSites } from './sites/server.mjs';

/** The background's pack facts once both packs are read: where each pack came from, what ships, what the copy holds. */
const facts = (b) => b.background(`async (_, bg) => {
  await bg.borderline.located;
  const shipped = Object.fromEntries(Object.entries(bg.borderline.packs).map(([k, v]) => [k, [v.sha256, v.bytes]]));
  // The copy, read in this context (the worker, or an extension page of the same origin).
  const kept = await (${readPackCopies})();
  return { source: { ...bg.borderline.packSource }, shipped, kept };
}`);

const same = (f) => canonical(f.kept) === canonical(f.shipped);

for (const name of BROWSERS) {
  describe(name, { skip: skipReason(name) }, () => {
    test('data packs: package on the first start, the IndexedDB copy after, a spoiled copy replaced', async () => {
      const sites = await startSites();
      // A fresh profile: the first start is the install's.
      const b = await launch(name);
      try {
        let f = await facts(b);
        assert.deepEqual(f.source, { 'borderline_wasm_bg.wasm': 'package', 'lists.bin': 'package', 'locations.bin': 'package' }, 'first start: from the package');
        // The copy is written after the core is ready, off the first verdict's path.
        const shipped = (await until(async () => { const x = await facts(b); return same(x) && x; }, 15_000))?.shipped;
        assert.ok(shipped, 'the copy was kept in IndexedDB');
        const page = await b.visitPage('https://www.tiktok.com/foryou');

        /** Suspends the background, wakes it with a tracker request from the page, and returns its facts. */
        const wake = async (n) => {
          await b.suspend();
          await b.eval(page, (i) => fetch(`https://mon.tiktokv.com/monitor_browser/collect/batch/?pack=${i}`, { method: 'POST', body: 'x' }).then(() => true), n);
          return facts(b);
        };
        f = await wake(1);
        assert.deepEqual(f.source, { 'borderline_wasm_bg.wasm': 'cache', 'lists.bin': 'cache', 'locations.bin': 'cache' }, 'after a suspend: from the copy');

        // Spoil both copies, keeping their hash and size so only the core can tell.
        await b.background(async (want) => {
          const db = await new Promise((resolve, reject) => {
            const r = indexedDB.open('borderline-packs', 1);
            r.onsuccess = () => resolve(r.result);
            r.onerror = () => reject(r.error);
          });
          const t = db.transaction('packs', 'readwrite');
          for (const [pack, [sha256, size]] of Object.entries(want)) t.objectStore('packs').put({ sha256, blob: new Blob([new Uint8Array(size).fill(0x5a)]) }, pack);
          await new Promise((resolve, reject) => { t.oncomplete = resolve; t.onerror = () => reject(t.error); });
          db.close();
          return true;
        }, shipped);

        f = await wake(2);
        assert.deepEqual(f.source, { 'borderline_wasm_bg.wasm': 'package', 'lists.bin': 'package', 'locations.bin': 'package' }, 'the engine and the core refused the spoiled copies and read the package');
        const tab = await b.tabId('https://www.tiktok.com/*');
        const ext = await b.openExt('popup/popup.html?tab=-1');
        const report = await b.ask(ext, { type: 'borderline:report', tab });
        assert.ok(report.requests >= 3, `the visit was counted across the wakes (${report.requests})`);
        await b.close(ext);
        assert.ok(await until(async () => same(await facts(b)), 15_000), 'the spoiled copies were replaced');
        f = await wake(3);
        assert.deepEqual(f.source, { 'borderline_wasm_bg.wasm': 'cache', 'lists.bin': 'cache', 'locations.bin': 'cache' }, 'the replaced copies are used again');
        assert.equal(b.suspensions(), 3, 'the background really stopped for each wake');
      } finally {
        await b.quit();
        await sites.close();
      }
    });
  });
}
