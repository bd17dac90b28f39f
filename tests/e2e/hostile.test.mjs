// Hostile input against every surface, in a real headless Chromium: a page
// whose requests carry markup, script, direction overrides, formula cells and
// 100 kB values, and an internationalised host imitating tiktok.com; then a
// page that fights the banner (finds, reads, clicks, imitates, restyles,
// covers and removes it). Any executed payload sets `window.__pwned`, the
// sentinel checked in the page, the popup, the history and options pages, and
// in the HTML export opened as a page of its own (no extension CSP there).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, ask, inWorker, launch, piercedText, popupUrl as popupOf, sleep, tabIdFor, until } from './browser.mjs';
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

/** Nothing ran and nothing was injected: no sentinel, no foreign elements or handlers. */
async function assertInert(page, where) {
  await sleep(300); // an injected image's onerror would have fired by now
  const found = await page.evaluate(() => ({
    pwned: window.__pwned,
    injected: document.querySelectorAll('img[src="x"], svg[onload], [onerror], [onload], main script').length,
    wide: document.documentElement.scrollWidth > window.innerWidth + 1,
  }));
  assert.deepEqual(found, { pwned: undefined, injected: 0, wide: false }, `${where}: no payload ran or was injected, and the layout stays within the window`);
}

test('hostile request strings: shown as text everywhere, run nowhere', async () => {
  const page = await browser.context.newPage();
  await page.goto('https://www.tiktok.com/hostile');
  await page.waitForFunction(() => document.getElementById('status')?.textContent === 'done');
  const tab = await tabId('https://www.tiktok.com/hostile');
  const ext = await browser.context.newPage();
  await ext.goto(popupUrl(tab));
  const report = await until(async () => {
    const r = JSON.parse((await ask(ext, { type: 'borderline:report-json', tab })).json);
    return r.endpoints.some((e) => e.host === 'xn--tktok-qsa.com') && r.endpoints.find((e) => e.host === 'mon.tiktokv.com')?.requests >= 2 ? r : null;
  }, 15_000);
  assert.ok(report, 'the hostile requests were recorded');
  const mon = report.endpoints.find((e) => e.host === 'mon.tiktokv.com');
  const names = mon.sent.map((f) => f.name);
  assert.ok(names.some((n) => n.includes('<img src=x')), `a markup field name is recorded as text: ${names}`);
  assert.ok(names.includes('u\ufffddi'), `the direction override is replaced visibly: ${names}`);
  assert.ok(names.every((n) => n.length <= 64 * 3), 'names are bounded');
  assert.ok(!JSON.stringify(report).includes('\u202e'), 'no direction override anywhere in the report');

  await ext.reload();
  await ext.waitForSelector('#bl-site');
  await assertInert(ext, 'popup');
  await ext.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
  const text = await ext.locator('main').innerText();
  assert.ok(text.includes('xn--tktok-qsa.com') && text.includes('(international name, ASCII form)'), 'the imitating host is shown in ASCII with a note');
  await ext.screenshot({ path: join(ARTIFACTS, 'popup-hostile.png'), fullPage: true });

  // The exports: the HTML one opened as an ordinary page, the CSV without formula cells.
  const files = {};
  for (const format of ['csv', 'html']) {
    const [download] = await Promise.all([ext.waitForEvent('download'), ext.click(`[data-export="${format}"]`)]);
    files[format] = readFileSync(await download.path(), 'utf8');
  }
  const exported = await browser.context.newPage();
  await exported.setContent(files.html);
  await assertInert(exported, 'HTML export');
  assert.ok((await exported.locator('body').innerText()).includes('xn--tktok-qsa.com'));
  await exported.close();
  for (const line of files.csv.split('\r\n')) {
    assert.ok(!/(^|,)"?[=+@\t\r]/.test(line), `no CSV cell starts a formula: ${line.slice(0, 120)}`);
  }
  assert.ok(files.csv.length < 2_000_000, 'the CSV stays bounded with 100 kB URLs');

  // The other extension pages, and the page itself (the banner lives there).
  for (const path of ['history/history.html', 'options/options.html']) {
    const p = await browser.context.newPage();
    await p.goto(`chrome-extension://${browser.id}/${path}`);
    await p.waitForLoadState('load');
    await sleep(500);
    await assertInert(p, path);
    await p.close();
  }
  const banner = await until(() => piercedText(browser.context, page, 'borderline-warning'));
  assert.ok(banner.includes('mon.tiktokv.com'), `the banner warns: ${banner}`);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'nothing the banner showed ran in the page');
  await page.close();
  await ext.close();
});

test('a page that fights the banner: cannot read, click or fake it; restyling, covering and removal are noticed', async () => {
  const page = await browser.context.newPage();
  const pagesBefore = browser.context.pages().length;
  await page.goto('https://www.tiktok.com/fight');
  const tab = await tabId('https://www.tiktok.com/fight');
  const fight = await until(() => page.evaluate(() => (window.__fight.done ? window.__fight : null)), 15_000);
  assert.deepEqual(fight, { found: true, shadow: 'closed', text: '', html: '', children: 0, done: true }, 'the page finds an empty element and nothing inside it');
  await sleep(500);
  assert.equal(browser.context.pages().length, pagesBefore, 'synthetic clicks opened no report tab');
  const snoozed = await inWorker(browser.context, () => chrome.storage.local.get('snooze:tiktok.com'));
  assert.deepEqual(snoozed, {}, 'synthetic clicks snoozed nothing');
  const real = await piercedText(browser.context, page, 'borderline-warning');
  assert.ok(real.includes('mon.tiktokv.com'), 'the real banner still warns');

  const ext = await browser.context.newPage();
  await ext.goto(popupUrl(tab));
  const reason = async () => (await ask(ext, { type: 'borderline:report', tab })).bannerRemoved;
  assert.equal(await reason(), null, 'nothing reported yet');

  // A style sheet cannot hide it: inline !important styles outrank the page's.
  await page.addStyleTag({ content: 'borderline-warning { display: none !important; opacity: 0 !important; }' });
  await sleep(1500);
  const shown = await page.evaluate(() => {
    const host = [...document.querySelectorAll('borderline-warning')].find((h) => !h.textContent);
    return getComputedStyle(host).display;
  });
  assert.equal(shown, 'block', 'the page style sheet did not hide the banner');

  // Covering it is noticed.
  await page.evaluate(() => {
    const cover = document.createElement('div');
    cover.style.cssText = 'position:fixed;inset:0;z-index:2147483647;background:#fff';
    document.documentElement.append(cover); // after the banner in tree order: on top of it
  });
  assert.equal(await until(async () => (await reason()) === 'covered' && 'covered', 5000), 'covered');

  // Restyling it from script is undone and noticed.
  await page.evaluate(() => {
    const host = [...document.querySelectorAll('borderline-warning')].find((h) => !h.textContent);
    host.style.setProperty('opacity', '0', 'important');
  });
  assert.equal(await until(async () => (await reason()) === 'hidden' && 'hidden', 5000), 'hidden');
  const restored = await page.evaluate(() => getComputedStyle([...document.querySelectorAll('borderline-warning')].find((h) => !h.textContent)).opacity);
  assert.equal(restored, '1', 'the inline style was restored');

  // Removal, and the popup says what happened.
  await page.evaluate(() => [...document.querySelectorAll('borderline-warning')].find((h) => !h.textContent).remove());
  assert.equal(await until(async () => (await reason()) === 'removed' && 'removed', 5000), 'removed');
  await ext.reload();
  await ext.waitForSelector('#removed:not([hidden])');
  assert.equal(await ext.getAttribute('#removed', 'data-reason'), 'removed');
  await page.close();
  await ext.close();
});
