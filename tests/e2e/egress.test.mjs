// No egress: during a full session (visits, popup, exports, options, history,
// the worker stopped and woken), every request the browser makes is captured
// through the DevTools protocol on all targets, the extension's service
// worker included, and the extension itself must have sent nothing to the
// network: only its own packaged files (chrome-extension://) and blob:/data:
// URLs. The capture is shown to work by what it must see: the worker loading
// its own wasm after each wake.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, inWorker, launch, until, workerControl } from './browser.mjs';
import { startSites } from './sites/server.mjs';

test('the extension sends nothing over the network in a full session', async () => {
  const sites = await startSites();
  const browser = await launch();
  const captured = [];
  browser.context.on('request', (r) => {
    let from = 'page';
    if (r.serviceWorker()) from = r.serviceWorker().url().startsWith('chrome-extension://') ? 'extension-worker' : 'site-worker';
    else if (r.frame()?.url().startsWith('chrome-extension://')) from = 'extension-page';
    captured.push({ url: r.url(), from, bytes: (r.postDataBuffer()?.length || 0) + r.url().length });
  });
  try {
    const ext = await browser.context.newPage();
    await ext.goto(`chrome-extension://${browser.id}/options/options.html`);
    const control = await workerControl(browser.context, ext, browser.id);
    for (const url of ['https://www.tiktok.com/foryou', 'https://www.youtube.com/watch']) {
      const page = await browser.context.newPage();
      await page.goto(url);
      await page.waitForFunction(() => document.getElementById('status')?.textContent === 'done');
      const tab = await inWorker(browser.context, async (u) => (await chrome.tabs.query({ url: `${new URL(u).origin}/*` }))[0]?.id, url);
      await control.stop(); // woken again by the popup's message
      const popup = await browser.context.newPage();
      await popup.goto(`chrome-extension://${browser.id}/popup/popup.html?tab=${tab}`);
      await popup.waitForSelector('#bl-site');
      for (const format of ['json', 'csv', 'html']) {
        await Promise.all([popup.waitForEvent('download'), popup.click(`[data-export="${format}"]`)]);
      }
      await popup.close();
      await page.close();
    }
    const history = await browser.context.newPage();
    await history.goto(`chrome-extension://${browser.id}/history/history.html`);
    await until(async () => (await history.locator('main').innerText()).includes('tiktok.com'));
    await control.detach();

    const ours = captured.filter((c) => c.from.startsWith('extension'));
    const wasmLoads = ours.filter((c) => c.from === 'extension-worker' && c.url.endsWith('.wasm')).length;
    assert.ok(wasmLoads >= 1, `the capture sees the worker's own requests (wasm loads: ${wasmLoads})`);
    assert.ok(captured.some((c) => c.from === 'page' && c.url.startsWith('https://www.tiktok.com/')), 'and the pages\' requests');
    const egress = ours.filter((c) => !/^(chrome-extension|blob|data):/.test(c.url));
    writeFileSync(join(ARTIFACTS, 'egress.json'), JSON.stringify({ captured: captured.length, from_extension: ours.length, extension_wasm_loads: wasmLoads, egress_requests: egress.length, egress_bytes: egress.reduce((n, c) => n + c.bytes, 0), egress }, null, 2) + '\n');
    assert.deepEqual(egress, [], 'the extension sent nothing to the network');
  } finally {
    await browser.context.close();
    await sites.close();
  }
});
