// No egress, in each real headless browser: during a full session (visits,
// the popup, the three exports, options, history, the background suspended
// and woken) every request the browser makes is captured below the pages —
// Chromium: the DevTools protocol on all targets, the extension's service
// worker included; Firefox: the network layer's own observer
// (http-on-modify-request) with the add-on that triggered each request — and
// the extension itself must have sent nothing to the network: only its own
// packaged files and blob:/data: URLs. The capture is shown to work by what it
// must see: a request the test makes from an extension page on purpose.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, BROWSERS, launch, skipReason, until } from './layer.mjs';
import { startSites } from './sites/server.mjs';

const figures = {};
after(() => writeFileSync(join(ARTIFACTS, 'egress.json'), JSON.stringify(figures, null, 2) + '\n'));

const WITNESS = 'https://www.tiktok.com/egress-witness';

for (const name of BROWSERS) {
  describe(name, { skip: skipReason(name) }, () => {
    test('the extension sends nothing over the network in a full session', async () => {
      const sites = await startSites();
      const b = await launch(name);
      try {
        const options = await b.openExt('options/options.html');
        for (const url of ['https://www.tiktok.com/foryou', 'https://www.youtube.com/watch']) {
          const page = await b.visitPage(url);
          const tab = await b.tabId(`${new URL(url).origin}/*`);
          await b.suspend(); // woken again by the popup's message
          const popup = await b.openExt(`popup/popup.html?tab=${tab}`);
          await b.until(popup, () => !!document.querySelector('#bl-site'));
          for (const format of ['json', 'csv', 'html']) await b.download(popup, `[data-export="${format}"]`);
          await b.close(popup);
          await b.close(page);
        }
        const history = await b.openExt('history/history.html');
        assert.ok(await b.until(history, () => document.querySelector('main').innerText.includes('tiktok.com')), 'the history shows the visits');
        // The witness: a request made from an extension page on purpose, which the capture must attribute to the extension.
        await b.eval(options, (u) => fetch(u).then(() => true, () => true), WITNESS);
        const captured = await until(async () => { const t = await b.traffic(); return t.some((c) => c.url === WITNESS) && t; }, 5000);
        assert.ok(captured, 'the capture saw the witness request');

        const ours = captured.filter((c) => c.extension);
        assert.ok(ours.some((c) => c.url === WITNESS), 'the capture attributes requests from the extension to it');
        assert.ok(captured.some((c) => !c.extension && c.url.startsWith('https://www.tiktok.com/')), 'and the pages\' requests to them');
        const egress = ours.filter((c) => c.url !== WITNESS && !/^(chrome-extension|moz-extension|blob|data):/.test(c.url));
        figures[name] = { captured: captured.length, from_extension: ours.length - 1, egress_requests: egress.length, egress_bytes: egress.reduce((n, c) => n + c.bytes, 0), egress };
        assert.deepEqual(egress, [], 'the extension sent nothing to the network');
      } finally {
        await b.quit();
        await sites.close();
      }
    });
  });
}
