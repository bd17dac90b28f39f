// www/ end to end in headless Chromium: upload a HAR through the file input,
// see the report, site selector, errors for bad files, the sample, exports
// identical to the CLI's, no request to anyone but the page's own origin, and
// an axe-core accessibility check with zero violations.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ARTIFACTS, ROOT } from './browser.mjs';
import { serve } from '../../www/serve.mjs';

const FIXTURES = join(ROOT, 'tests/fixtures');
const TIKTOK = join(FIXTURES, 'tiktok/foryou/capture.har');
const CLI = join(ROOT, 'target/debug/borderline');
let server;
let browser;
let base;
const seen = [];

before(async () => {
  server = await serve({ port: 0, dir: join(ROOT, 'dist/www') });
  base = `http://127.0.0.1:${server.address().port}/`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
  await new Promise((ok) => server?.close(ok));
});

async function openPage(options = {}) {
  const context = await browser.newContext({ acceptDownloads: true, ...options });
  const page = await context.newPage();
  context.on('request', (r) => seen.push(r.url()));
  await page.goto(base);
  return page;
}

function tmpFile(name, text) {
  const p = join(mkdtempSync(join(tmpdir(), 'borderline-www-')), name);
  writeFileSync(p, text);
  return p;
}

async function upload(page, path) {
  await page.setInputFiles('#file', path);
  await page.waitForSelector('#report #bl-site, #error:not([hidden])');
}

test('a Chrome HAR of a TikTok session: the report, and exports identical to the CLI', async () => {
  const page = await openPage();
  await upload(page, TIKTOK);
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
  const text = await page.locator('#report').innerText();
  for (const words of ['tiktok.com', 'ByteDance Ltd.', 'domiciled KY, headquartered CN', 'mon.tiktokv.com', 'telemetry', 'AS31898 Oracle Corporation', '(registered)', 'of-concern']) {
    assert.ok(text.includes(words), `report shows "${words}"`);
  }
  assert.ok((await page.locator('section.glance ol.bars li.of-concern').allInnerTexts()).some((t) => t.includes('CN') && t.includes('of concern')), 'the first screen marks CN, in words');
  const files = {};
  for (const format of ['json', 'csv', 'html']) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(`[data-export="${format}"]`)]);
    files[format] = readFileSync(await download.path(), 'utf8');
  }
  for (const format of ['json', 'csv', 'html']) {
    const cli = execFileSync(CLI, ['report', TIKTOK, '--home', 'US', '--policy', 'us', '--format', format], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    assert.equal(files[format], cli, `the ${format} export equals the CLI's`);
  }
  await page.screenshot({ path: join(ARTIFACTS, 'www-report.png'), fullPage: true });
  await page.evaluate(() => { window.scrollTo(0, 0); document.querySelectorAll('details').forEach((d) => { d.open = false; }); });
  await page.screenshot({ path: join(ARTIFACTS, 'www-first-screen.png') });
  await page.context().close();
});

const PHONE = join(FIXTURES, 'phone/tiktok-app/capture.pcapng');

test('a phone packet capture: the app, its connections with their name basis, and exports identical to the CLI', async () => {
  const page = await openPage();
  await upload(page, PHONE);
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
  const text = await page.locator('#report').innerText();
  for (const words of ['com.zhiliaoapp.musically', 'App TikTok', 'published by TikTok Pte. Ltd.', '13 connections', 'TLS server name (SNI)', 'DNS answer', 'What a packet capture cannot show', 'encrypted DNS']) {
    assert.ok(text.includes(words), `report shows "${words}"`);
  }
  assert.ok(!/\brequests?\b/i.test(text.replace('shows connections, not requests', '')), 'a packet capture is counted in connections');
  const options = await page.locator('#site option').allInnerTexts();
  assert.deepEqual(options, ['TikTok: com.zhiliaoapp.musically (13 connections)', 'Chrome: com.android.chrome (1 connections)']);
  for (const format of ['json', 'csv', 'html']) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(`[data-export="${format}"]`)]);
    const cli = execFileSync(CLI, ['report', PHONE, '--home', 'US', '--policy', 'us', '--format', format], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    assert.equal(readFileSync(await download.path(), 'utf8'), cli, `the ${format} export equals the CLI's`);
  }
  await page.screenshot({ path: join(ARTIFACTS, 'www-phone.png'), fullPage: true });
  await page.context().close();
});

test('a 60 MB packet capture is read in slices off the main thread, with progress', async () => {
  // Classic PCAP, raw IP: 42,000 TCP segments of 1,400 bytes over 1,000 connections.
  const records = 42000;
  const buf = Buffer.alloc(24 + records * (16 + 1440));
  buf.writeUInt32LE(0xa1b2c3d4, 0); buf.writeUInt16LE(2, 4); buf.writeUInt16LE(4, 6); buf.writeUInt32LE(65535, 16); buf.writeUInt32LE(101, 20);
  let at = 24;
  for (let i = 0; i < records; i++) {
    buf.writeUInt32LE(1764000000 + Math.floor(i / 100), at); buf.writeUInt32LE(1440, at + 8); buf.writeUInt32LE(1440, at + 12);
    const ip = at + 16;
    buf[ip] = 0x45; buf.writeUInt16BE(1440, ip + 2); buf[ip + 8] = 64; buf[ip + 9] = 6;
    buf.set([10, 215, 173, 1], ip + 12); buf.set([203, 0, 113, 7], ip + 16);
    buf.writeUInt16BE(40000 + (i % 1000), ip + 20); buf.writeUInt16BE(443, ip + 22); buf.writeUInt32LE(i, ip + 24); buf[ip + 32] = 0x50; buf[ip + 33] = 0x18;
    at += 16 + 1440;
  }
  const path = tmpFile('big.pcap', buf);
  const page = await openPage();
  await page.evaluate(() => { window.progressSeen = 0; new MutationObserver(() => { if (document.getElementById('progress').value > 0) window.progressSeen++; }).observe(document.getElementById('progress'), { attributes: true }); });
  await page.setInputFiles('#file', path);
  await page.waitForSelector('#report #bl-site, #error:not([hidden])', { timeout: 120000 });
  assert.ok(await page.locator('#error').isHidden(), await page.locator('#error').innerText());
  const text = await page.locator('#report').innerText();
  assert.ok(text.includes('1,000 connections'), 'every connection counted');
  assert.ok(await page.evaluate(() => window.progressSeen) > 2, 'progress was shown while reading');
  await page.context().close();
});

test('policy and home country re-judge the same capture', async () => {
  const page = await openPage();
  await upload(page, TIKTOK);
  await page.fill('#home', 'DE');
  await page.selectOption('#policy', 'eu');
  await page.waitForFunction(() => document.querySelector('#report .attribution')?.textContent.includes('EEA'));
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="json"]')]);
  const report = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(report.policy.preset, 'eu');
  assert.equal(report.policy.home, 'DE');
  await page.context().close();
});

test('Firefox and mitmproxy captures load; several sites give a site selector', async () => {
  const yt = JSON.parse(readFileSync(join(FIXTURES, 'youtube/watch/capture.har'), 'utf8'));
  const tt = JSON.parse(readFileSync(TIKTOK, 'utf8'));
  for (const e of yt.log.entries) e.pageref = 'page_2';
  yt.log.pages[0].id = 'page_2';
  const both = { log: { ...tt.log, pages: [...tt.log.pages, ...yt.log.pages], entries: [...tt.log.entries, ...yt.log.entries] } };
  const page = await openPage();
  await upload(page, tmpFile('two-sites.har', JSON.stringify(both)));
  assert.equal(await page.locator('#site option').count(), 2);
  await page.selectOption('#site', 'youtube.com');
  await page.waitForFunction(() => document.getElementById('bl-site')?.textContent === 'youtube.com');
  await upload(page, join(FIXTURES, 'bilibili/video/capture.har'));
  await page.waitForFunction(() => document.getElementById('bl-site')?.textContent === 'bilibili.com');
  await page.context().close();
});

test('bad files get a clear message', async () => {
  const page = await openPage();
  for (const [name, content, words] of [
    ['notes.har', 'hello, this is not json', 'not JSON'],
    ['cut.har', readFileSync(TIKTOK, 'utf8').slice(0, 5000), 'truncated'],
    ['other.json', '{"hello": "world"}', 'not a HAR file'],
    ['empty-log.har', '{"log":{"entries":[{"request":{"url":"data:,x"}}]}}', 'no usable requests'],
    ['wrong-types.har', '{"log":{"entries":"many"}}', 'not a HAR file'],
    ['deep.har', '['.repeat(50_000) + ']'.repeat(50_000), 'not'],
    ['empty.har', '', 'truncated'],
  ]) {
    await upload(page, tmpFile(name, content));
    const error = await page.locator('#error').innerText();
    assert.ok(error.includes(words), `${name}: "${error}" names the problem`);
    assert.ok(await page.locator('#result').isHidden());
  }
  await upload(page, TIKTOK);
  assert.ok(await page.locator('#error').isHidden(), 'a good file after a bad one works');
  await page.context().close();
});

test('a 100 MB capture is read off the main thread, with progress', async () => {
  const tt = JSON.parse(readFileSync(TIKTOK, 'utf8'));
  const entries = [];
  const pad = 'x'.repeat(900);
  while (entries.length < 110_000) for (const e of tt.log.entries) entries.push({ ...e, _pad: pad });
  const path = tmpFile('big.har', JSON.stringify({ log: { ...tt.log, entries } }));
  const page = await openPage();
  // Count timer ticks on the main thread while the worker reads the file.
  await page.evaluate(() => { window.ticks = 0; window.timer = setInterval(() => window.ticks++, 50); });
  const start = Date.now();
  await page.setInputFiles('#file', path);
  assert.ok(await page.locator('#progress').isVisible(), 'progress is shown');
  await page.waitForSelector('#report #bl-site', { timeout: 120_000 });
  const seconds = (Date.now() - start) / 1000;
  const ticks = await page.evaluate(() => window.ticks);
  assert.ok(ticks >= seconds * 10, `the page kept running: ${ticks} ticks in ${seconds.toFixed(1)} s`);
  assert.match(await page.locator('#report .summary').innerText(), /\d{3},\d{3} requests/);
  await page.context().close();
});

test('the samples work: a browser HAR and a phone capture', async () => {
  const page = await openPage();
  await page.click('#sample');
  await page.waitForSelector('#report #bl-site');
  assert.equal(await page.locator('#bl-site').innerText(), 'tiktok.com');
  await page.click('#sample-phone');
  await page.waitForFunction(() => document.getElementById('bl-site')?.textContent === 'com.zhiliaoapp.musically');
  assert.ok((await page.locator('#report').innerText()).includes('App TikTok'));
  await page.context().close();
});

test('accessible: axe-core finds no violations; usable on a phone screen', async () => {
  // bypassCSP only so the test can inject axe; the page itself never runs foreign code.
  const page = await openPage({ bypassCSP: true });
  await upload(page, TIKTOK);
  await page.addScriptTag({ path: join(ROOT, 'node_modules/axe-core/axe.min.js') });
  const result = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations.map((v) => `${v.id}: ${v.nodes.length} nodes (${v.help})`));
  assert.deepEqual(result, [], 'no axe violations');
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `no horizontal scrolling on a phone (${overflow}px)`);
  await page.screenshot({ path: join(ARTIFACTS, 'www-phone.png'), fullPage: true });
  await page.context().close();
});

test('in the reader\'s language: the browser\'s, or ?lang=; the page and the report alike; a pseudo-locale fits a phone', async () => {
  // The browser's language (German), no parameter.
  const page = await openPage({ bypassCSP: true, locale: 'de-DE' });
  await page.waitForFunction(() => document.documentElement.lang === 'de');
  const words = await page.evaluate(() => ({ sample: document.getElementById('sample').textContent, title: document.title, home: document.querySelector('label[for=home]').textContent }));
  assert.notEqual(words.sample, 'try the sample', 'the page\'s own words are in German');
  assert.notEqual(words.home, 'Home country');
  await upload(page, TIKTOK);
  const glance = await page.locator('section.glance').innerText();
  assert.ok(glance.includes('Häufigste Unternehmen') && glance.includes('Vereinigte Staaten (US)'), glance);
  await page.addScriptTag({ path: join(ROOT, 'node_modules/axe-core/axe.min.js') });
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    const violations = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations.map((v) => `${v.id}: ${v.help}`));
    assert.deepEqual(violations, [], `no axe violations in German, ${colorScheme}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  // The exports: JSON is the contract, the same in every language (equal to the CLI's); the HTML is German.
  const saved = {};
  for (const format of ['json', 'html']) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(`[data-export="${format}"]`)]);
    saved[format] = readFileSync(await download.path(), 'utf8');
  }
  assert.equal(saved.json.trim(), execFileSync(CLI, ['report', TIKTOK, '--home', 'US', '--policy', 'us'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
  assert.ok(saved.html.includes('<html lang="de"') && saved.html.includes('Häufigste Unternehmen'), 'the HTML export is in German');
  await page.context().close();

  // ?lang= outranks the browser; a pseudo-locale, long and accented, at phone width.
  const pseudo = await openPage({ locale: 'de-DE', viewport: { width: 360, height: 740 } });
  await pseudo.goto(`${base}?lang=en-XA`);
  await pseudo.waitForFunction(() => document.documentElement.lang === 'en-XA');
  await upload(pseudo, TIKTOK);
  const seenText = await pseudo.evaluate(() => ({ page: document.getElementById('sample').textContent, report: document.querySelector('section.glance').innerText, overflow: document.documentElement.scrollWidth - window.innerWidth }));
  assert.ok(/[^\x00-\x7f]/.test(seenText.page) && /[^\x00-\x7f]/.test(seenText.report), `pseudo-locale on the page and in the report: ${seenText.page}`);
  assert.ok(seenText.overflow <= 1, `no sideways scroll at 360 px in the pseudo-locale (${seenText.overflow}px)`);
  await pseudo.screenshot({ path: join(ARTIFACTS, 'www-pseudo.png'), fullPage: true });
  await pseudo.context().close();
});

test('works offline once loaded', async () => {
  const page = await openPage();
  await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active?.state === 'activated');
  await page.context().setOffline(true);
  await page.reload();
  await page.click('#sample');
  await page.waitForSelector('#report #bl-site');
  assert.equal(await page.locator('#bl-site').innerText(), 'tiktok.com');
  await page.click('#sample-phone');
  await page.waitForFunction(() => document.getElementById('bl-site')?.textContent === 'com.zhiliaoapp.musically');
  assert.ok((await page.locator('#report').innerText()).includes('App TikTok'));
  await page.context().close();
});

test('no request left for any host but the page\'s own', () => {
  assert.ok(seen.length > 10);
  const foreign = seen.filter((u) => !u.startsWith(base) && !u.startsWith('blob:') && !u.startsWith('data:'));
  assert.deepEqual(foreign, []);
});

test('a hostile capture: markup, script, direction overrides, NULs and 100 kB values are shown as text and run nowhere', async () => {
  const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
  const entry = (url, extra = {}) => ({
    startedDateTime: '2026-11-26T10:00:00.000Z', pageref: 'p1', serverIPAddress: '8.8.8.8', _resourceType: 'xhr',
    request: { method: 'POST', url, headers: [{ name: payload, value: payload }], postData: { mimeType: 'text/plain', text: JSON.stringify({ [payload]: '7301234567890123456', device_id: '7301234567890123457' }) } },
    response: { status: 200, headers: [{ name: 'set-cookie', value: payload }], content: { size: 10, mimeType: payload } },
    ...extra,
  });
  const har = {
    log: {
      version: '1.2', creator: { name: payload, version: '\u202e1' },
      pages: [{ id: 'p1', title: `https://www.tiktok.com/${encodeURIComponent(payload)}`, startedDateTime: '2026-11-26T10:00:00.000Z' }],
      entries: [
        entry(`https://mon.tiktokv.com/collect?${encodeURIComponent(payload)}=0123456789abcdef0123&u\u202edi=0123456789abcdef01234&big=${'a'.repeat(100_000)}`),
        entry(`https://www.tiktok.com/${payload}\u0000\u202e?x=1`),
        entry('https://xn--tktok-qsa.com/c?uid=7301234567890123459'),
        entry(`https://${payload}/`),
        entry('=HYPERLINK("http://x")'),
      ],
    },
  };
  const page = await openPage();
  await upload(page, tmpFile('hostile.har', JSON.stringify(har)));
  await page.waitForTimeout(300);
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
  const found = await page.evaluate(() => ({
    pwned: window.__pwned,
    injected: document.querySelectorAll('#report img[src="x"], #report script, [onerror]').length,
    wide: document.documentElement.scrollWidth > window.innerWidth + 1,
    text: document.getElementById('report').innerText,
  }));
  assert.equal(found.pwned, undefined, 'nothing ran');
  assert.equal(found.injected, 0, 'nothing was injected');
  assert.equal(found.wide, false, 'the layout stays within the window');
  assert.ok(found.text.includes('xn--tktok-qsa.com') && found.text.includes('(international name, ASCII form)'), 'punycode shown with its note');
  assert.ok(!found.text.includes('\u202e'), 'no direction override reaches the page');
  const files = {};
  for (const format of ['json', 'csv', 'html']) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(`[data-export="${format}"]`)]);
    files[format] = readFileSync(await download.path(), 'utf8');
  }
  const report = JSON.parse(files.json);
  assert.ok(report.totals.skipped >= 2, 'entries without a usable host are counted as skipped');
  for (const line of files.csv.split('\r\n')) assert.ok(!/(^|,)"?[=+@\t\r]/.test(line), `no formula cell: ${line.slice(0, 100)}`);
  assert.ok(!files.csv.includes('\u202e') && !files.csv.includes('\u0000'), 'no raw controls in the CSV');
  const exported = await page.context().newPage();
  await exported.setContent(files.html);
  await exported.waitForTimeout(300);
  assert.equal(await exported.evaluate(() => window.__pwned), undefined, 'the HTML export runs nothing when opened');
  assert.equal(await exported.evaluate(() => document.querySelectorAll('img[src="x"], [onerror]').length), 0);
  await page.context().close();
});
