// The extension end to end in headless Firefox ESR (the event-page build,
// dist/firefox with the test overlay), driven over WebDriver BiDi: a visit to
// the TikTok-like site shows ByteDance with its countries, the telemetry
// endpoints, each server's country and network; the badge and the banner
// (out of page script's reach); the three exports; and nothing is lost
// across the event page's suspends under bursts of requests.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { until } from './browser.mjs';
import { EXT_ORIGIN, FIREFOX, FIREFOX_EXTENSION, launchFirefox } from './firefox.mjs';
import { startSites } from './sites/server.mjs';

const skip = !existsSync(FIREFOX) ? `${FIREFOX} is not installed (make deps installs firefox-esr)` : !existsSync(FIREFOX_EXTENSION) ? 'no Firefox test build (make e2e builds it)' : false;
const TIKTOK = ['tiktok.com', 'ttwstatic.com', 'tiktokv.com', 'tiktokw.us', 'tiktokcdn.com', 'google-analytics.com'];
// The event page suspends after this long idle (Firefox's default is 30 s).
const IDLE_MS = 2_000;

let sites;
let ff;

before(async () => {
  if (skip) return;
  sites = await startSites();
  ff = await launchFirefox({ idleMs: IDLE_MS });
});

after(async () => {
  await ff?.quit();
  await sites?.close();
});

const served = (since) => sites.served.filter((s) => s.time >= since && TIKTOK.some((d) => s.host === d || s.host.endsWith(`.${d}`))).length;
const ask = (ext, message) => ff.eval(ext, (m) => browser.runtime.sendMessage(m), message);
/** When the background page's current life began (a new value after each suspend and wake). */
const life = (ext) => ff.eval(ext, async () => (await browser.runtime.getBackgroundPage()).performance.timeOrigin);

async function visit() {
  const since = Date.now();
  const page = await ff.open('https://www.tiktok.com/foryou');
  await until(() => ff.eval(page, () => document.getElementById('status')?.textContent === 'done'), 15_000);
  const ext = await ff.open(`${EXT_ORIGIN}/popup/popup.html`);
  const tab = await ff.eval(ext, async () => (await browser.tabs.query({ url: 'https://www.tiktok.com/*' }))[0]?.id);
  const counted = await until(async () => {
    const r = await ask(ext, { type: 'borderline:report', tab });
    return r && r.requests === served(since) ? r.requests : false;
  }, 15_000);
  assert.equal(counted, served(since), 'the core counted every request the test server served');
  return { page, ext, tab, since };
}

test('Firefox: TikTok-like site in the popup, badge, banner and the three exports', { skip }, async () => {
  const { page, ext, tab } = await visit();
  await ff.goto(ext, `${EXT_ORIGIN}/popup/popup.html?tab=${tab}`);
  const text = await until(() => ff.eval(ext, () => document.querySelector('#bl-site') && document.querySelector('main').innerText), 10_000);
  for (const words of ['tiktok.com', 'ByteDance Ltd.', 'domiciled KY, headquartered CN', 'mon.tiktokv.com', 'telemetry', 'analytics.tiktok.com', 'of-concern', 'AS31898 Oracle Corporation', '127.0.0.6 · CN', 'Platform telemetry', 'identifiers sent: device_id, odin_id']) {
    assert.ok(text.includes(words), `popup shows "${words}"`);
  }
  const report = JSON.parse((await ask(ext, { type: 'borderline:report-json', tab })).json);
  const ep = (h) => report.endpoints.find((e) => e.host === h);
  assert.equal(ep('mon.tiktokv.com').trackers[0].list, 'platform-telemetry');
  assert.deepEqual([ep('mon.tiktokv.com').entity.name, ep('mon.tiktokv.com').entity.domicile, ep('mon.tiktokv.com').entity.headquarters], ['ByteDance Ltd.', 'KY', 'CN']);
  assert.equal(ep('analytics.tiktok.com').jurisdiction.server, 'of-concern');
  assert.deepEqual(ep('mcs.tiktokw.us').servers.map((s) => [s.location.ip, s.location.country, s.location.asn, s.location.network]), [['127.0.0.5', 'US', 31898, 'Oracle Corporation']], 'the IP Firefox reported, with its country and network');
  assert.deepEqual(ep('mon.tiktokv.com').sent.map((f) => f.name), ['device_id', 'odin_id'], 'field names read from the request body Firefox gave');
  assert.ok(!JSON.stringify(report).includes('7301234567890123456'), 'never the values');

  // Badge: the tracker endpoints, red once a jurisdiction of concern was contacted.
  const badge = await ff.eval(ext, async (t) => [await browser.action.getBadgeText({ tabId: t }), await browser.action.getBadgeBackgroundColor({ tabId: t })], tab);
  assert.equal(Number(badge[0]), report.totals.tracker_endpoints);
  assert.deepEqual(badge[1].slice(0, 3), [164, 0, 42]);

  // Banner: in the page, under a closed shadow root that page script cannot open.
  const banner = await until(() => ff.shadowText(page, 'borderline-warning'), 10_000);
  assert.ok(banner.includes('mon.tiktokv.com') && banner.includes('ByteDance'), banner);
  const seenByPage = await ff.eval(page, () => {
    const host = document.querySelector('borderline-warning');
    return { present: !!host, shadow: host && host.shadowRoot, text: host && host.innerText, inBody: !!document.body.querySelector('borderline-warning') };
  });
  assert.deepEqual(seenByPage, { present: true, shadow: null, text: '', inBody: false }, 'closed shadow root: page script sees an empty element');

  // Exports: what the popup's buttons save, as the background makes them.
  const files = {};
  for (const format of ['json', 'csv', 'html']) files[format] = (await ask(ext, { type: 'borderline:export', tab, format })).text;
  assert.deepEqual(JSON.parse(files.json).endpoints.map((e) => [e.host, e.requests]), report.endpoints.map((e) => [e.host, e.requests]));
  assert.equal(files.csv.trim().split('\r\n').length, 1 + report.totals.requests, 'one CSV row per request');
  assert.ok(files.html.startsWith('<!DOCTYPE html>') && files.html.includes('ByteDance Ltd.'));
  await ff.close(ext);
  await ff.close(page);
});

test('Firefox: bursts of requests, each waking the suspended event page, none lost or counted twice', { skip }, async () => {
  const { page, ext, tab, since } = await visit();
  const lives = [await life(ext)];
  await ff.close(ext);
  const BURSTS = 3;
  const PER_BURST = 150;
  for (let b = 0; b < BURSTS; b++) {
    // Idle past the timeout: Firefox suspends the event page; the burst's first request wakes it.
    assert.equal(await until(async () => (await ff.backgroundState()) === 'stopped' && 'stopped', 30_000), 'stopped', `burst ${b}: the event page was suspended`);
    await ff.eval(page, async ([n, r]) => {
      await Promise.allSettled(Array.from({ length: n }, (_, i) =>
        fetch(`https://mon.tiktokv.com/monitor_browser/collect/batch/?b=${r}&i=${i}`, { method: 'POST', body: 'x', headers: { 'content-type': 'text/plain' } })));
      return true;
    }, [PER_BURST, b]);
    const probe = await ff.open(`${EXT_ORIGIN}/popup/popup.html`);
    const counted = await until(async () => {
      const n = (await ask(probe, { type: 'borderline:report', tab }))?.requests;
      return n === served(since) ? n : false;
    }, 30_000);
    assert.equal(counted, served(since), `burst ${b}: the report counts exactly what the server served`);
    lives.push(await life(probe));
    await ff.close(probe);
  }
  assert.ok(served(since) >= BURSTS * PER_BURST, 'every burst request reached the server');
  assert.equal(new Set(lives).size, lives.length, `the event page was suspended and woken before each burst: ${JSON.stringify(lives)}`);
  await ff.close(page);
});
