// The extension end to end in a real headless Chromium: popup contents, badge,
// banner (and that page script cannot reach it), exports, state across forced
// service-worker stops with zero requests lost, and no traffic of its own.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, ask, inWorker, launch, piercedText, popupUrl as popupOf, tabIdFor, until, workerControl } from './browser.mjs';
import { HOSTS } from './sites/hosts.mjs';
import { startSites } from './sites/server.mjs';

let sites;
let browser;

before(async () => {
  sites = await startSites();
  browser = await launch();
});

after(async () => {
  await browser?.context.close();
  await sites?.close();
});

const popupUrl = (tab) => popupOf(browser, tab);
const tabId = (pattern) => tabIdFor(browser.context, pattern);

function servedFor(domains, since) {
  return sites.served.filter((s) => s.time >= since && domains.some((d) => s.host === d || s.host.endsWith(`.${d}`))).length;
}

/** Visits a test page, waits for its script to finish and for the core to count every served request. */
async function visit(url, domains) {
  const since = Date.now();
  const page = await browser.context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => document.getElementById('status')?.textContent === 'done');
  const tab = await tabId(`${new URL(url).origin}/*`);
  const ext = await browser.context.newPage();
  await ext.goto(popupUrl(tab));
  const served = () => servedFor(domains, since);
  const counted = await until(async () => {
    const r = await ask(ext, { type: 'borderline:report', tab });
    return r.requests === served() ? r.requests : false;
  });
  assert.equal(counted, served(), `the core counted every request the test server served for ${url}`);
  return { page, ext, tab, since };
}

test('TikTok-like site: popup, badge, banner, exports', async () => {
  const { page, ext, tab } = await visit('https://www.tiktok.com/foryou', ['tiktok.com', 'ttwstatic.com', 'tiktokv.com', 'tiktokw.us', 'tiktokcdn.com', 'google-analytics.com']);
  await ext.reload();
  await ext.waitForSelector('#bl-site');
  // The first screen, above the fold at a toolbar popup's size: the grade, its
  // main reason, where the requests went (countries, of concern marked in
  // words) and the top companies; the rest one click away.
  await ext.setViewportSize({ width: 560, height: 600 });
  const glance = await ext.locator('section.glance').innerText();
  for (const words of ['Where the requests went', 'Main reason for the grade', 'Server countries', 'Countries of the companies in control', 'Top companies', 'ByteDance Ltd. — CN', 'of concern']) {
    assert.ok(glance.includes(words), `the first screen shows "${words}": ${glance}`);
  }
  const fold = await ext.evaluate(() => document.querySelector('ol.top-companies').getBoundingClientRect().bottom);
  assert.ok(fold <= 600, `the top companies are above the fold (${fold} px)`);
  assert.equal(await ext.evaluate(() => document.querySelector('details.more').open), false, 'details start closed');
  await ext.screenshot({ path: join(ARTIFACTS, 'popup-first-screen.png') });
  await ext.setViewportSize({ width: 1100, height: 800 });
  await ext.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
  const text = await ext.locator('main').innerText();
  for (const words of ['tiktok.com', 'ByteDance Ltd.', 'domiciled KY, headquartered CN', 'mon.tiktokv.com', 'telemetry', 'analytics.tiktok.com', 'of-concern', 'AS31898 Oracle Corporation', '127.0.0.6 · CN', 'Platform telemetry', 'identifiers sent: device_id, odin_id', 'Hosting networks', 'AS31898 Oracle Corporation (Oracle Corporation) — 25% of requests']) {
    assert.ok(text.includes(words), `popup shows "${words}"`);
  }
  const report = JSON.parse((await ask(ext, { type: 'borderline:report-json', tab })).json);
  const ep = (h) => report.endpoints.find((e) => e.host === h);
  assert.equal(ep('mon.tiktokv.com').trackers[0].list, 'platform-telemetry');
  assert.equal(ep('mon.tiktokv.com').entity.name, 'ByteDance Ltd.');
  assert.ok(ep('analytics.tiktok.com').rules[0].rule.length > 0);
  assert.equal(ep('analytics.tiktok.com').jurisdiction.server, 'of-concern');
  assert.equal(ep('mcs.tiktokw.us').servers[0].location.network, 'Oracle Corporation');
  assert.deepEqual(ep('mon.tiktokv.com').sent.map((f) => f.name), ['device_id', 'odin_id'], 'identifier names read from the request body');
  assert.ok(!JSON.stringify(report).includes('7301234567890123456'), 'never the values');
  assert.deepEqual(report.telemetry.identifiers, ['device_id', 'odin_id']);
  await ext.screenshot({ path: join(ARTIFACTS, 'popup-tiktok.png'), fullPage: true });
  // Accessibility: axe-core (copied into the test build only, so the extension's CSP allows it).
  await ext.addScriptTag({ url: `chrome-extension://${browser.id}/axe.min.js` });
  const violations = await ext.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations.map((v) => `${v.id}: ${v.help}`));
  assert.deepEqual(violations, [], 'the popup has no axe violations');

  // Badge: tracker endpoints of the visit, red once a jurisdiction of concern was contacted.
  const badge = await inWorker(browser.context, async (t) => [await chrome.action.getBadgeText({ tabId: t }), await chrome.action.getBadgeBackgroundColor({ tabId: t })], tab);
  assert.equal(Number(badge[0]), report.totals.tracker_endpoints);
  assert.deepEqual(badge[1].slice(0, 3), [164, 0, 42]);

  // Banner: in the page, once per finding, out of page script's reach.
  const banner = await until(() => piercedText(browser.context, page, 'borderline-warning'));
  assert.ok(banner.includes('mon.tiktokv.com') && banner.includes('ByteDance'), banner);
  const seenByPage = await page.evaluate(() => {
    const host = document.querySelector('borderline-warning');
    return { present: !!host, shadow: host && host.shadowRoot, text: host && host.innerText, inBody: !!document.body.querySelector('borderline-warning') };
  });
  assert.deepEqual(seenByPage, { present: true, shadow: null, text: '', inBody: false }, 'closed shadow root: page script sees an empty element');
  const lines = (await piercedText(browser.context, page, 'borderline-warning')).split('mon.tiktokv.com').length - 1;
  assert.equal(lines, 1, 'one warning per finding');
  await page.screenshot({ path: join(ARTIFACTS, 'banner-tiktok.png') });

  // Exports: the three files download and agree with the popup's report.
  const files = {};
  for (const format of ['json', 'csv', 'html']) {
    const [download] = await Promise.all([ext.waitForEvent('download'), ext.click(`[data-export="${format}"]`)]);
    files[format] = readFileSync(await download.path(), 'utf8');
    assert.match(download.suggestedFilename(), new RegExp(`^borderline-tiktok\\.com\\.${format}$`));
  }
  const exported = JSON.parse(files.json);
  assert.equal(exported.site, 'tiktok.com');
  assert.deepEqual(exported.endpoints.map((e) => [e.host, e.requests]), report.endpoints.map((e) => [e.host, e.requests]));
  assert.equal(files.csv.trim().split('\r\n').length, 1 + report.totals.requests);
  assert.ok(files.html.startsWith('<!DOCTYPE html>') && files.html.includes('ByteDance Ltd.'));

  // A page that removes the banner is noticed, and the popup says so.
  await page.evaluate(() => document.querySelector('borderline-warning').remove());
  await until(async () => (await ask(ext, { type: 'borderline:report', tab })).bannerRemoved);
  await ext.reload();
  await ext.waitForSelector('#removed:not([hidden])');
  await page.close();
  await ext.close();
});

test('options page: home country shown and editable, policy saved, sources listed', async () => {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.id}/options/options.html`);
  await page.waitForSelector('#sources li');
  assert.match(await page.inputValue('#home'), /^[A-Z]{2}$/);
  assert.ok((await page.locator('#home-guess').innerText()).length > 0, 'the guess is shown');
  const sources = await page.locator('#sources').innerText();
  assert.ok(sources.includes('EasyPrivacy') && sources.includes('DB-IP'), sources);
  await page.fill('#home', 'de');
  await page.check('input[name=preset][value=eu]');
  await page.click('button[type=submit]');
  await page.waitForFunction(() => document.getElementById('status').textContent.length > 0);
  const saved = await page.evaluate(() => chrome.storage.local.get(['home', 'preset']));
  assert.deepEqual(saved, { home: 'DE', preset: 'eu' });
  await page.fill('#home', '1x');
  await page.click('button[type=submit]');
  assert.equal(await page.evaluate(() => document.getElementById('home').checkValidity()), false, 'a bad country is refused');
  await page.screenshot({ path: join(ARTIFACTS, 'options.png'), fullPage: true });
  // Back to the US preset for the remaining tests.
  await page.evaluate(async () => { await chrome.storage.local.set({ home: 'US', preset: 'us' }); await chrome.runtime.sendMessage({ type: 'borderline:settings', home: 'US', preset: 'us' }); });
  await page.close();
});

test('state survives forced service-worker stops with zero requests lost', async () => {
  const domains = ['tiktok.com', 'ttwstatic.com', 'tiktokv.com', 'tiktokw.us', 'tiktokcdn.com', 'google-analytics.com'];
  const { page, ext, tab, since } = await visit('https://www.tiktok.com/foryou', domains);
  const control = await workerControl(browser.context, ext, browser.id);
  const counted = async () => (await ask(ext, { type: 'borderline:report', tab })).requests;
  const before = await counted();
  const rounds = 3;
  for (let round = 0; round < rounds; round++) {
    // Stopped mid-visit right after its last event (no quiet time to compact):
    // what it saw must come back from the journal, and the requests made while
    // it is stopped wake it.
    await control.stop();
    await page.evaluate(async (n) => {
      await Promise.all(Array.from({ length: n }, (_, i) => fetch(`https://mon.tiktokv.com/monitor_browser/collect/batch/?n=${i}`, { method: 'POST', body: 'x', headers: { 'content-type': 'text/plain' } })));
    }, 20);
    const served = servedFor(domains, since);
    let last;
    await until(async () => (last = await counted()) === served, 15_000);
    assert.equal(last, served, `round ${round + 1}: every served request is in the report exactly once`);
  }
  assert.equal(await counted(), before + rounds * 20);
  assert.equal(control.statuses.filter((s) => s === 'stopped').length, rounds, `the worker really stopped ${rounds} times: ${control.statuses}`);
  assert.ok(control.statuses.filter((s) => s === 'running').length >= rounds, 'and restarted each time');
  await control.detach();
  await page.close();
  await ext.close();
});

for (const [name, url, domains, company] of [
  ['YouTube', 'https://www.youtube.com/watch', ['youtube.com', 'ytimg.com', 'doubleclick.net'], 'Google LLC'],
  ['Instagram', 'https://www.instagram.com/reel/', ['instagram.com', 'cdninstagram.com'], 'Meta Platforms'],
  ['Twitch', 'https://www.twitch.tv/somechannel', ['twitch.tv'], 'Twitch'],
  ['Bilibili', 'https://www.bilibili.com/video/BV1xx411c7mD', ['bilibili.com', 'hdslb.com'], 'Bilibili'],
]) {
  test(`${name}-like site: company and platform telemetry`, async () => {
    const { page, ext, tab } = await visit(url, domains);
    const report = JSON.parse((await ask(ext, { type: 'borderline:report-json', tab })).json);
    assert.ok(report.entities.some((e) => e.entity.name.includes(company) || e.parent?.name.includes(company)), `${company} among ${report.entities.map((e) => e.entity.name)}`);
    assert.ok(report.endpoints.some((e) => e.trackers.some((t) => t.list === 'platform-telemetry')), 'platform telemetry found');
    await page.close();
    await ext.close();
  });
}

test('history: visits are kept per site, and what is new since the last visit is told', async () => {
  const domains = ['instagram.com', 'cdninstagram.com', 'facebook.net'];
  const first = await visit('https://www.instagram.com/reel/', domains);
  await new Promise((r) => setTimeout(r, 1500)); // the summary is written once the tab is quiet
  await first.page.close();
  const second = await visit('https://www.instagram.com/reel2/', domains);
  const banner = await until(async () => {
    const t = await piercedText(browser.context, second.page, 'borderline-warning');
    return t.includes('New since your last visit') && t;
  });
  assert.ok(banner && banner.includes('facebook.net'), `banner tells what is new: ${banner}`);
  await new Promise((r) => setTimeout(r, 1500));
  await second.page.close();

  const history = await browser.context.newPage();
  await history.goto(`chrome-extension://${browser.id}/history/history.html`);
  await history.waitForSelector('tr.visit');
  const text = await history.locator('#sites').innerText();
  assert.match(text, /instagram\.com — [2-9] visits/);
  assert.ok(text.includes('facebook.net'), 'the new tracker is marked');
  assert.ok(!text.includes('/reel2/') && !text.includes('https://'), 'no URLs are kept');
  const visits = (await ask(history, { type: 'borderline:history' })).visits.filter((v) => v.site === 'instagram.com');
  assert.ok(visits.every((v) => v.requests >= 4 && v.trackers.includes('instagram.com')), `summaries are complete: ${JSON.stringify(visits.map((v) => [v.requests, v.trackers]))}`);
  await history.screenshot({ path: join(ARTIFACTS, 'history.png'), fullPage: true });

  // Off switch: a visit while history is off leaves no record; clear-all empties it.
  const count = async () => (await ask(history, { type: 'borderline:history' })).visits.length;
  const before = await count();
  await history.uncheck('#enabled');
  await history.click('#settings button[type=submit]');
  await history.waitForFunction(() => document.getElementById('status').textContent === 'Saved.');
  const third = await visit('https://www.twitch.tv/somechannel', ['twitch.tv']);
  await third.page.close();
  assert.equal(await count(), before, 'nothing recorded while history is off');
  await history.click('#clear');
  await history.waitForFunction(() => document.getElementById('status').textContent === 'History cleared.');
  assert.equal(await count(), 0);
  await history.evaluate(() => chrome.storage.local.set({ history: true }));
  await history.close();
  await second.ext.close();
  await first.ext.close();
  await third.ext.close();
});

test('a phone screen (360 CSS px): popup, options and history fit, tables become lists, axe finds nothing', async () => {
  const { page, ext, tab } = await visit('https://www.tiktok.com/foryou', ['tiktok.com', 'ttwstatic.com', 'tiktokv.com', 'tiktokw.us', 'tiktokcdn.com', 'google-analytics.com']);
  await ext.setViewportSize({ width: 360, height: 740 });
  for (const path of [`popup/popup.html?tab=${tab}`, 'options/options.html', 'history/history.html']) {
    await ext.goto(`chrome-extension://${browser.id}/${path}`);
    await ext.waitForSelector('main h1');
    await ext.waitForTimeout(300);
    const fit = await ext.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth, tables: [...document.querySelectorAll('table')].map((t) => getComputedStyle(t).display) }));
    assert.ok(fit.scroll <= fit.width, `${path}: no sideways scroll (${fit.scroll} > ${fit.width})`);
    assert.ok(fit.tables.every((d) => d === 'block'), `${path}: tables are lists on a phone (${fit.tables})`);
    await ext.addScriptTag({ url: `chrome-extension://${browser.id}/axe.min.js` });
    const violations = await ext.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations.map((v) => `${v.id}: ${v.help}`));
    assert.deepEqual(violations, [], `${path}: no axe violations at phone width`);
    await ext.screenshot({ path: join(ARTIFACTS, `phone-${path.split('/')[0]}.png`), fullPage: true });
  }
  await page.close();
  await ext.close();
});

test('dark mode: popup, options and history keep their contrast (axe finds nothing)', async () => {
  const { page, ext, tab } = await visit('https://www.tiktok.com/foryou', ['tiktok.com', 'ttwstatic.com', 'tiktokv.com', 'tiktokw.us', 'tiktokcdn.com', 'google-analytics.com']);
  await ext.emulateMedia({ colorScheme: 'dark' });
  await ext.setViewportSize({ width: 560, height: 600 });
  for (const path of [`popup/popup.html?tab=${tab}`, 'options/options.html', 'history/history.html']) {
    await ext.goto(`chrome-extension://${browser.id}/${path}`);
    await ext.waitForSelector('main h1');
    await ext.waitForTimeout(300);
    assert.equal(await ext.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(23, 23, 28)', `${path}: the dark palette is in force`);
    await ext.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
    await ext.addScriptTag({ url: `chrome-extension://${browser.id}/axe.min.js` });
    const violations = await ext.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations.map((v) => `${v.id}: ${v.help}`));
    assert.deepEqual(violations, [], `${path}: no axe violations in dark mode`);
    if (path.startsWith('popup')) await ext.screenshot({ path: join(ARTIFACTS, 'popup-dark.png') });
  }
  await page.close();
  await ext.close();
});

test('the extension itself sent nothing: every request the sites saw came from their pages', () => {
  const known = new Set(HOSTS.map((h) => h[0]));
  assert.ok(sites.served.length > 50);
  for (const s of sites.served) {
    assert.ok(known.has(s.host), `request to unknown host ${s.host}`);
    assert.ok(!s.origin.startsWith('chrome-extension://') && !s.referer.startsWith('chrome-extension://'), `extension-made request to ${s.host}${s.path}`);
  }
});
