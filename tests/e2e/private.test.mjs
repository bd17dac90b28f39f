// Private windows leave no trace: with Borderline allowed in incognito (set in
// the profile's preferences, as the "Allow in Incognito" switch does), a
// private visit is observed live but never written to history.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { currentWorker, launch, until } from './browser.mjs';
import { startSites } from './sites/server.mjs';

let sites;
let browser;

before(async () => {
  sites = await startSites();
  const first = await launch();
  await first.context.close();
  const prefsPath = join(first.profile, 'Default', 'Preferences');
  const prefs = JSON.parse(readFileSync(prefsPath, 'utf8'));
  prefs.extensions.settings[first.id].incognito = true;
  writeFileSync(prefsPath, JSON.stringify(prefs));
  browser = await launch(first.profile);
});

after(async () => {
  await browser?.context.close();
  await sites?.close();
});

test('a private-window visit is observed but leaves no history', async () => {
  const worker = await currentWorker(browser.context);
  assert.equal(await worker.evaluate(() => chrome.extension.isAllowedIncognitoAccess()), true, 'allowed in incognito for this test');
  const { tab, windowId } = await worker.evaluate(async () => {
    const w = await chrome.windows.create({ incognito: true, url: 'https://www.twitch.tv/somechannel' });
    return { tab: w.tabs[0].id, windowId: w.id };
  });
  const seen = await until(() => worker.evaluate(async (t) => (await globalThis.borderline.ready).requests(t), tab).then((n) => n >= 3 && n));
  assert.ok(seen >= 3, `the private visit was observed live (${seen} requests)`);
  await new Promise((r) => setTimeout(r, 1500)); // past the quiet time that would save a summary
  await worker.evaluate((w) => chrome.windows.remove(w), windowId);
  await new Promise((r) => setTimeout(r, 500));
  const visits = await worker.evaluate(
    () =>
      new Promise((ok, fail) => {
        const r = indexedDB.open('borderline-history', 1);
        r.onsuccess = () => {
          const t = r.result.transaction('visits', 'readonly').objectStore('visits').getAll();
          t.onsuccess = () => ok(t.result);
          t.onerror = () => fail(t.error);
        };
        r.onerror = () => fail(r.error);
      }),
  );
  assert.deepEqual(visits.filter((v) => v.site === 'twitch.tv'), [], 'no record of the private visit');
});
