// The browser's own language, with no option set: a browser whose preferred
// language is German shows the report the core renders in German (Fluent),
// and every page passes axe in light and dark mode. Chromium is started in
// German (--lang=de), so the extension's own pages (_locales) are German too;
// Debian's firefox-esr ships its interface in English only (a language pack
// is a separate install), so there only the preferred content language is
// German and the extension's own labels stay English (checked in Chromium
// only, by name). The option that chooses a language is tested in both
// browsers in extension.test.mjs.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { inEachBrowser, sleep, until } from './layer.mjs';

inEachBrowser((ctx) => {
  const { name } = ctx;
  let b;
  before(() => ({ b } = ctx));

  test('a browser in German: the report in German, the extension\'s own pages too where the browser\'s interface is, axe clean light and dark', async () => {
    const page = await b.visitPage('https://www.tiktok.com/foryou');
    const tab = await b.tabId('https://www.tiktok.com/*');
    const ui = await b.background((_, bg) => (bg.browser ?? bg.chrome).i18n.getUILanguage());
    // The extension's own labels follow the interface language: German in Chromium here, English in Debian's firefox-esr.
    const germanUi = name === 'chromium';
    if (germanUi) assert.match(ui, /^de/, `the browser's UI language (${ui})`);
    const ext = await b.openExt(`popup/popup.html?tab=${tab}`);
    await until(async () => (await b.ask(ext, { type: 'borderline:report', tab }))?.requests >= 8, 15_000);
    await b.reload(ext);
    const popup = await b.until(ext, () => document.querySelector('section.glance') && { glance: document.querySelector('section.glance').innerText, bar: document.querySelector('header.bar').innerText, lang: document.getElementById('report').lang });
    assert.equal(popup.lang, 'de');
    assert.ok(popup.glance.includes('Häufigste Unternehmen') && popup.glance.includes('Vereinigte Staaten (US)'), popup.glance);
    if (germanUi) assert.ok(!popup.bar.includes('Trackers only') && !popup.bar.includes('Open in a tab'), `the popup's own labels are German: ${popup.bar}`);
    for (const path of [`popup/popup.html?tab=${tab}`, 'options/options.html', 'history/history.html']) {
      await b.gotoExt(ext, path);
      await b.until(ext, () => !!document.querySelector('main h1'));
      await sleep(300);
      const h1 = await b.eval(ext, () => document.querySelector('h1').textContent);
      if (germanUi && !path.startsWith('popup')) assert.ok(!['Borderline options', 'History'].includes(h1), `${path}: the heading is German (${h1})`);
      for (const scheme of ['light', 'dark']) {
        await b.colorScheme(scheme);
        await b.text(ext);
        assert.deepEqual(await b.axe(ext), [], `${path} in German, ${scheme}: no axe violations`);
      }
      await b.colorScheme('light');
    }
    await b.close(ext);
    await b.close(page);
  });
}, { lang: 'de' });
