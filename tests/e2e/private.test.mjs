// Private windows leave no trace, in each real headless browser: with
// Borderline allowed in private windows (as the browser's own switch does:
// Chromium's "Allow in Incognito" profile preference, Firefox's add-on
// permission), a private visit is observed live but never written to history.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { inEachBrowser, sleep, until } from './layer.mjs';

inEachBrowser((ctx) => {
  let sites;
  let b;
  before(() => ({ b, sites } = ctx));

  test('a private-window visit is observed but leaves no history', async () => {
    const allowed = await b.background((_, bg) => (bg.browser ?? bg.chrome).extension.isAllowedIncognitoAccess());
    assert.equal(allowed, true, 'allowed in private windows for this test');
    const { tab, windowId } = await b.background(async (_, bg) => {
      const w = await (bg.browser ?? bg.chrome).windows.create({ incognito: true, url: 'https://www.twitch.tv/somechannel' });
      return { tab: w.tabs[0].id, windowId: w.id };
    });
    const seen = await until(() => b.background(async (t, bg) => (await bg.borderline.ready).requests(t), tab).then((n) => n >= 3 && n), 15_000);
    assert.ok(seen >= 3, `the private visit was observed live (${seen} requests)`);
    await sleep(1500); // past the quiet time that would save a summary
    await b.background((w, bg) => (bg.browser ?? bg.chrome).windows.remove(w).then(() => true), windowId);
    await sleep(500);
    const ext = await b.openExt('history/history.html');
    const visits = (await b.ask(ext, { type: 'borderline:history' })).visits;
    assert.ok(sites.served.some((s) => s.host === 'www.twitch.tv'), 'the private window really loaded the site');
    assert.deepEqual(visits.filter((v) => v.site === 'twitch.tv'), [], 'no record of the private visit');
    await b.close(ext);
  });
}, { allowPrivate: true });
