// Hostile input against every surface, in each real headless browser: a page
// whose requests carry markup, script, direction overrides, formula cells and
// 100 kB values, and an internationalised host imitating tiktok.com; then a
// page that fights the banner (finds, reads, clicks, imitates, restyles,
// covers and removes it). Any executed payload sets `window.__pwned`, the
// sentinel checked in the page, the popup, the history and options pages, and
// in the HTML export opened as a page of its own (no extension CSP there).
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { inEachBrowser, sleep, until } from './layer.mjs';

inEachBrowser((ctx) => {
  const { name } = ctx;
  let b;
  before(() => ({ b } = ctx));

  /** Nothing ran and nothing was injected: no sentinel, no foreign elements or handlers. */
  async function assertInert(tab, where) {
    await sleep(300); // an injected image's onerror would have fired by now
    const found = await b.eval(tab, () => ({
      pwned: window.__pwned ?? null,
      injected: document.querySelectorAll('img[src="x"], svg[onload], [onerror], [onload], main script').length,
      wide: document.documentElement.scrollWidth > window.innerWidth + 1,
    }));
    assert.deepEqual(found, { pwned: null, injected: 0, wide: false }, `${where}: no payload ran or was injected, and the layout stays within the window`);
  }

  test('hostile request strings: shown as text everywhere, run nowhere', async () => {
    const page = await b.visitPage('https://www.tiktok.com/hostile');
    const tab = await b.tabId('https://www.tiktok.com/hostile');
    const ext = await b.openExt(`popup/popup.html?tab=${tab}`);
    const report = await until(async () => {
      const r = JSON.parse((await b.ask(ext, { type: 'borderline:report-json', tab })).json);
      return r.endpoints.some((e) => e.host === 'xn--tktok-qsa.com') && r.endpoints.find((e) => e.host === 'mon.tiktokv.com')?.requests >= 2 ? r : null;
    }, 15_000);
    assert.ok(report, 'the hostile requests were recorded');
    const mon = report.endpoints.find((e) => e.host === 'mon.tiktokv.com');
    const names = mon.sent.map((f) => f.name);
    assert.ok(names.some((n) => n.includes('<img src=x')), `a markup field name is recorded as text: ${names}`);
    assert.ok(names.includes('u\ufffddi'), `the direction override is replaced visibly: ${names}`);
    assert.ok(names.every((n) => n.length <= 64 * 3), 'names are bounded');
    assert.ok(!JSON.stringify(report).includes('\u202e'), 'no direction override anywhere in the report');

    await b.reload(ext);
    await b.until(ext, () => !!document.querySelector('#bl-site'));
    await assertInert(ext, 'popup');
    const text = await b.text(ext);
    assert.ok(text.includes('xn--tktok-qsa.com') && text.includes('(international name, ASCII form)'), 'the imitating host is shown in ASCII with a note');
    await b.screenshotTo(ext, 'popup-hostile.png', true);

    // The exports: the HTML one opened as an ordinary page, the CSV without formula cells.
    const files = {};
    for (const format of ['csv', 'html']) files[format] = (await b.download(ext, `[data-export="${format}"]`)).text;
    const exported = await b.openHtml(files.html);
    await assertInert(exported, 'HTML export');
    assert.ok((await b.eval(exported, () => document.body.innerText)).includes('xn--tktok-qsa.com'));
    await b.close(exported);
    for (const line of files.csv.split('\r\n')) {
      assert.ok(!/(^|,)"?[=+@\t\r]/.test(line), `no CSV cell starts a formula: ${line.slice(0, 120)}`);
    }
    assert.ok(files.csv.length < 2_000_000, 'the CSV stays bounded with 100 kB URLs');

    // The other extension pages, and the page itself (the banner lives there).
    for (const path of ['history/history.html', 'options/options.html']) {
      await b.gotoExt(ext, path);
      await sleep(500);
      await assertInert(ext, path);
    }
    const banner = await until(() => b.shadowText(page, 'borderline-warning'));
    assert.ok(banner.includes('mon.tiktokv.com'), `the banner warns: ${banner}`);
    assert.equal(await b.eval(page, () => window.__pwned ?? null), null, 'nothing the banner showed ran in the page');
    await b.close(page);
    await b.close(ext);
  });

  test('a page that fights the banner: cannot read, click or fake it; restyling, covering and removal are noticed', async () => {
    const pagesBefore = await b.pageCount();
    const page = await b.open('https://www.tiktok.com/fight');
    const tab = await b.tabId('https://www.tiktok.com/fight');
    const fight = await b.until(page, () => (window.__fight.done ? window.__fight : null), null, 15_000);
    assert.deepEqual(fight, { found: true, shadow: 'closed', text: '', html: '', children: 0, done: true }, 'the page finds an empty element and nothing inside it');
    await sleep(500);
    assert.equal(await b.pageCount(), pagesBefore + 1, 'synthetic clicks opened no report tab');
    const snoozed = await b.background((_, bg) => (bg.browser ?? bg.chrome).storage.local.get('snooze:tiktok.com'));
    assert.deepEqual(snoozed, {}, 'synthetic clicks snoozed nothing');
    const real = await until(() => b.shadowText(page, 'borderline-warning'));
    assert.ok(real.includes('mon.tiktokv.com'), `the real banner still warns: ${real}`);

    const ext = await b.openExt(`popup/popup.html?tab=${tab}`);
    const reason = async () => (await b.ask(ext, { type: 'borderline:report', tab })).bannerRemoved;
    assert.equal(await reason(), null, 'nothing reported yet');
    // The real banner: the page adds imitations beside it, with text of their own.
    const realHost = 'document => [...document.querySelectorAll("borderline-warning")].find((h) => !h.textContent)';

    // A style sheet cannot hide it: inline !important styles outrank the page's.
    const shown = await b.eval(page, async (find) => {
      const style = document.createElement('style');
      style.textContent = 'borderline-warning { display: none !important; opacity: 0 !important; }';
      document.head.append(style);
      await new Promise((r) => setTimeout(r, 1500));
      return getComputedStyle(eval(find)(document)).display;
    }, realHost);
    assert.equal(shown, 'block', 'the page style sheet did not hide the banner');

    // Covering it is noticed.
    await b.eval(page, () => {
      const cover = document.createElement('div');
      cover.style.cssText = 'position:fixed;inset:0;z-index:2147483647;background:#fff';
      document.documentElement.append(cover); // after the banner in tree order: on top of it
      return true;
    });
    assert.equal(await until(async () => (await reason()) === 'covered' && 'covered', 5000), 'covered');

    // Restyling it from script is undone and noticed.
    await b.eval(page, (find) => { eval(find)(document).style.setProperty('opacity', '0', 'important'); return true; }, realHost);
    assert.equal(await until(async () => (await reason()) === 'hidden' && 'hidden', 5000), 'hidden');
    assert.ok(await b.until(page, (find) => getComputedStyle(eval(find)(document)).opacity === '1', realHost, 5000), 'the inline style was restored');

    // Removal, and the popup says what happened.
    await b.eval(page, (find) => { eval(find)(document).remove(); return true; }, realHost);
    assert.equal(await until(async () => (await reason()) === 'removed' && 'removed', 5000), 'removed');
    await b.reload(ext);
    const said = await b.until(ext, () => { const el = document.getElementById('removed'); return el && !el.hidden && el.dataset.reason; });
    assert.equal(said, 'removed');
    await b.close(page);
    await b.close(ext);
  });
});
