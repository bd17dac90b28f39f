// Service-worker death under load, and a browser restart, in a real headless
// Chromium: bursts of requests while the worker is stopped again and again
// must all be counted exactly once; after a restart the history is still there
// and no tab carries state from before. Figures go to
// test-artifacts/resilience.json (docs/reliability.md quotes them).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, inWorker, launch, newProfile, until, workerControl } from './browser.mjs';
import { startSites } from './sites/server.mjs';

const BURSTS = Number(process.env.BORDERLINE_BURSTS || 5);
const PER_BURST = Number(process.env.BORDERLINE_BURST_SIZE || 400);
const DOMAINS = ['tiktok.com', 'ttwstatic.com', 'tiktokv.com', 'tiktokw.us', 'tiktokcdn.com'];
const figures = {};
let sites;
const profile = newProfile();

before(async () => {
  sites = await startSites();
});

after(async () => {
  await sites?.close();
  writeFileSync(join(ARTIFACTS, 'resilience.json'), JSON.stringify(figures, null, 2) + '\n');
});

const ask = (ext, message) => ext.evaluate((m) => chrome.runtime.sendMessage(m), message);
const served = (since) => sites.served.filter((s) => s.time >= since && DOMAINS.some((d) => s.host === d || s.host.endsWith(`.${d}`))).length;

test(`${BURSTS} bursts of ${PER_BURST} requests, the worker stopped during each: none lost, none counted twice`, async () => {
  const browser = await launch(profile);
  try {
    const since = Date.now();
    const page = await browser.context.newPage();
    await page.goto('https://www.tiktok.com/foryou');
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'done');
    const tab = await inWorker(browser.context, async () => (await chrome.tabs.query({ url: 'https://www.tiktok.com/*' }))[0]?.id);
    const ext = await browser.context.newPage();
    await ext.goto(`chrome-extension://${browser.id}/popup/popup.html?tab=${tab}`);
    const control = await workerControl(browser.context, ext, browser.id);
    const counted = async () => (await ask(ext, { type: 'borderline:report', tab })).requests;
    const started = Date.now();
    for (let b = 0; b < BURSTS; b++) {
      // The burst starts, the worker is stopped in the middle of it, the rest wakes it.
      const burst = page.evaluate(async ([n, round]) => {
        const results = await Promise.allSettled(Array.from({ length: n }, (_, i) =>
          fetch(`https://mon.tiktokv.com/monitor_browser/collect/batch/?b=${round}&i=${i}`, { method: 'POST', body: 'x', headers: { 'content-type': 'text/plain' } })));
        return results.filter((r) => r.status === 'fulfilled').length;
      }, [PER_BURST, b]);
      await new Promise((r) => setTimeout(r, 50));
      await control.stop();
      await burst;
    }
    const burstMs = Date.now() - started;
    let last;
    await until(async () => (last = await counted()) === served(since), 60_000);
    figures.bursts = { bursts: BURSTS, per_burst: PER_BURST, served: served(since), recorded: last, worker_stops: control.statuses.filter((s) => s === 'stopped').length, burst_seconds: burstMs / 1000 };
    assert.equal(last, served(since), 'the report counts exactly what the server served');
    assert.ok(served(since) >= BURSTS * PER_BURST, 'every burst request reached the server');
    assert.equal(figures.bursts.worker_stops, BURSTS, 'the worker really stopped once per burst');
    // The state the journal and snapshots keep stays within storage.session's quota.
    figures.bursts.session_bytes = await inWorker(browser.context, () => chrome.storage.session.getBytesInUse(null));
    assert.ok(figures.bursts.session_bytes < 10 * 1024 * 1024, `storage.session holds ${figures.bursts.session_bytes} bytes`);
    await control.detach();
  } finally {
    await browser.context.close();
  }
});

test('after a browser restart the history is kept and no tab starts with old state', async () => {
  const browser = await launch(profile);
  try {
    const state = await inWorker(browser.context, async () => {
      const core = await globalThis.borderline.ready;
      const keys = Object.keys(await chrome.storage.session.get(null));
      // Journal entries (j:) and tab snapshots (s:) are per-tab state.
      return { tabs: core.tabs().length, tabState: keys.filter((k) => /^[js]:/.test(k)).length };
    });
    assert.deepEqual(state, { tabs: 0, tabState: 0 }, 'per-tab state starts clean');
    const history = await browser.context.newPage();
    await history.goto(`chrome-extension://${browser.id}/history/history.html`);
    const text = await until(async () => {
      const t = await history.locator('main').innerText();
      return t.includes('tiktok.com') ? t : null;
    });
    assert.ok(text, 'the visit before the restart is in the history');
    figures.restart = { history_kept: true, tabs_after_restart: state.tabs };
  } finally {
    await browser.context.close();
  }
});
