// The core's data packs in a real headless Chromium: the first start after an
// install reads them from the package and keeps a copy in IndexedDB; later
// wakes read the copy; a spoiled copy is refused by the core, read again from
// the package and replaced, with verdicts unchanged throughout.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ask, cachedPacks, currentWorker, launch, packsKept, shippedPacks, tabIdFor, until, workerControl } from './browser.mjs';
import { startSites } from './sites/server.mjs';

let sites;
before(async () => {
  sites = await startSites();
});
after(async () => {
  await sites?.close();
});

/** Stops the worker, wakes it with a tracker request from the page, and returns what it reports once ready. */
async function wake(browser, control, page, n) {
  await control.stop();
  const before = control.statuses.length;
  await page.evaluate((i) => fetch(`https://mon.tiktokv.com/monitor_browser/collect/batch/?pack=${i}`, { method: 'POST', body: 'x' }), n);
  return until(async () => {
    if (!control.statuses.slice(before).includes('running')) return null;
    const worker = await currentWorker(browser.context);
    return worker.evaluate(async () => {
      const b = globalThis.borderline;
      if (!b || b.timing.firstVerdictDelay === null) return null;
      await b.ready;
      return { source: { ...b.packSource } };
    }).catch(() => null);
  }, 30_000);
}

test('data packs: package on the first start, the IndexedDB copy after, a spoiled copy replaced', async () => {
  const browser = await launch();
  try {
    let worker = await currentWorker(browser.context);
    assert.deepEqual(await worker.evaluate(() => ({ ...globalThis.borderline.packSource })), { 'lists.bin': 'package', 'locations.bin': 'package' });
    const want = await shippedPacks(browser.context);
    // The copy is written after the core is ready, off the first verdict's path.
    assert.ok(await packsKept(browser.context), 'the copy was kept');
    assert.deepEqual(await cachedPacks(browser.context), want);

    const ext = await browser.context.newPage();
    await ext.goto(`chrome-extension://${browser.id}/popup/popup.html`);
    const control = await workerControl(browser.context, ext, browser.id);
    const page = await browser.context.newPage();
    await page.goto('https://www.tiktok.com/foryou');

    let woke = await wake(browser, control, page, 1);
    assert.deepEqual(woke.source, { 'lists.bin': 'cache', 'locations.bin': 'cache' });

    // Spoil both copies, keeping their hash and size so only the core can tell.
    worker = await currentWorker(browser.context);
    await worker.evaluate(async (w) => {
      const db = await new Promise((resolve, reject) => {
        const r = indexedDB.open('borderline-packs', 1);
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      const t = db.transaction('packs', 'readwrite');
      for (const [name, [sha256, size]] of Object.entries(w)) {
        const junk = new Uint8Array(size).fill(0x5a);
        t.objectStore('packs').put({ sha256, blob: new Blob([junk]) }, name);
      }
      await new Promise((resolve, reject) => { t.oncomplete = resolve; t.onerror = () => reject(t.error); });
      db.close();
    }, want);

    woke = await wake(browser, control, page, 2);
    assert.deepEqual(woke.source, { 'lists.bin': 'package', 'locations.bin': 'package' }, 'the core refused the spoiled copies and the package was read');
    const tab = await tabIdFor(browser.context, 'https://www.tiktok.com/*');
    const report = await ask(ext, { type: 'borderline:report', tab });
    assert.ok(report.requests >= 3, `the visit was counted across the wakes (${report.requests})`);
    assert.ok(await packsKept(browser.context), 'the spoiled copies were replaced');
    woke = await wake(browser, control, page, 3);
    assert.deepEqual(woke.source, { 'lists.bin': 'cache', 'locations.bin': 'cache' }, 'the replaced copies are used again');
    await control.detach();
  } finally {
    await browser.context.close();
  }
});
