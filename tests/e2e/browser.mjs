// Launches Debian's Chromium with the test build of the extension loaded,
// against the local test sites. Never downloads a browser.
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { resolverRules } from './sites/hosts.mjs';

// The browsers and the CLI take the reader's language from the environment:
// the suites run in English whatever the machine's locale (the tests that
// check other languages ask for them).
process.env.LANG = 'C.UTF-8';
for (const k of ['LC_ALL', 'LC_MESSAGES', 'LANGUAGE']) delete process.env[k];

export const ROOT = resolve(import.meta.dirname, '../..');
export const EXTENSION = process.env.BORDERLINE_TEST_EXTENSION || join(ROOT, 'target/e2e/extension');
export const ARTIFACTS = join(ROOT, 'test-artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

/** A new, empty browser profile folder. */
export function newProfile() {
  return mkdtempSync(join(tmpdir(), 'borderline-profile-'));
}

/** Chromium with the test build; `lang`: the browser's UI language (e.g. "de"), English when absent. */
export async function launch(profile = newProfile(), { lang } = {}) {
  const context = await chromium.launchPersistentContext(profile, {
    ...(lang ? { locale: lang } : {}),
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: false,
    ignoreDefaultArgs: ['--disable-extensions'],
    acceptDownloads: true,
    viewport: { width: 1100, height: 800 },
    args: [
      '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--ignore-certificate-errors', `--host-resolver-rules=${resolverRules()}`,
      `--load-extension=${EXTENSION}`, `--disable-extensions-except=${EXTENSION}`,
      ...(lang ? [`--lang=${lang}`] : []),
    ],
  });
  const worker = await currentWorker(context);
  const id = new URL(worker.url()).host;
  // Playwright sees the worker before its script has run; wait for the core
  // (with its IP tables) so no test event races the listeners' registration.
  await worker.evaluate(() => globalThis.borderline.located.then(() => true));
  return { context, id, profile };
}

/** The extension's service worker as it is now (a new object after each restart). */
export async function currentWorker(context, timeoutMs = 30_000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const w = context.serviceWorkers().find((s) => s.url().startsWith('chrome-extension://'));
    if (w) return w;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the extension service worker did not start');
}

/** Runs `fn` in the service worker, waking it with a harmless event first if needed. */
export async function inWorker(context, fn, arg) {
  const w = await currentWorker(context);
  return w.evaluate(fn, arg);
}

/**
 * Watches the extension's service worker through CDP on one of its own pages
 * (a page session only sees workers of its origin). `stop()` stops it as
 * Chromium does after 30 s idle and resolves once it is stopped; `statuses`
 * records every running-status change.
 */
export async function workerControl(context, extPage, id) {
  const cdp = await context.newCDPSession(extPage);
  const statuses = [];
  let waiters = [];
  cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
    for (const v of e.versions.filter((x) => x.scriptURL.includes(id))) {
      statuses.push(v.runningStatus);
      waiters = waiters.filter((w) => !(w.status === v.runningStatus && (w.resolve(), true)));
    }
  });
  await cdp.send('ServiceWorker.enable');
  const reach = (status) => new Promise((resolve) => waiters.push({ status, resolve }));
  return {
    statuses,
    async stop() {
      const stopped = reach('stopped');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await stopped;
    },
    detach: () => cdp.detach(),
  };
}

/** Text of every node under closed shadow roots too (CDP pierces them; page script cannot). */
export async function piercedText(context, page, hostTag) {
  const cdp = await context.newCDPSession(page);
  const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  await cdp.detach();
  const texts = [];
  const walk = (node, inside) => {
    const here = inside || (node.localName === hostTag);
    if (here && node.nodeType === 3) texts.push(node.nodeValue);
    for (const c of node.children || []) walk(c, here);
    for (const s of node.shadowRoots || []) walk(s, here);
  };
  walk(root, false);
  return texts.join(' ');
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The popup page showing one tab's report. */
export const popupUrl = (browser, tab) => `chrome-extension://${browser.id}/popup/popup.html?tab=${tab}`;

/** The id of the first tab whose URL matches a match pattern. */
export const tabIdFor = (context, pattern) => inWorker(context, async (p) => (await chrome.tabs.query({ url: p }))[0]?.id, pattern);

/** Sends a message to the background from an extension page, as the popup does. */
export const ask = (extPage, message) => extPage.evaluate((m) => chrome.runtime.sendMessage(m), message);

/** Polls until `check()` is truthy or the time runs out; returns the last value. */
export async function until(check, timeoutMs = 10_000) {
  const end = Date.now() + timeoutMs;
  let v;
  while (Date.now() < end) {
    v = await check();
    if (v) return v;
    await sleep(100);
  }
  return v;
}

/**
 * What the data-pack copy in IndexedDB holds: name → [sha256, size] (see
 * background/packs.js). Self-contained, so it runs in any extension context
 * of either browser (the Chromium worker, a Firefox extension page).
 */
export const readPackCopies = () => new Promise((resolve, reject) => {
  const r = indexedDB.open('borderline-packs', 1);
  r.onerror = () => reject(r.error);
  r.onsuccess = () => {
    const out = {};
    const cursor = r.result.transaction('packs').objectStore('packs').openCursor();
    cursor.onsuccess = () => {
      const c = cursor.result;
      if (!c) {
        r.result.close();
        resolve(out);
        return;
      }
      out[c.key] = [c.value.sha256, c.value.blob.size];
      c.continue();
    };
    cursor.onerror = () => reject(cursor.error);
  };
});

/** What the worker's data-pack copy in IndexedDB holds: name → [sha256, size]. */
export const cachedPacks = (context) => inWorker(context, readPackCopies);

/** The packs this build ships: name → [sha256, size]. */
export const shippedPacks = (context) => inWorker(context, () => Object.fromEntries(Object.entries(globalThis.borderline.packs).map(([k, v]) => [k, [v.sha256, v.bytes]])));

/** A name → facts map as one string, whatever order its names came in. */
export const canonical = (o) => JSON.stringify(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** Waits until the worker has kept its copy of the data packs and module (written after its first start). */
export async function packsKept(context) {
  const want = canonical(await shippedPacks(context));
  return until(async () => canonical(await cachedPacks(context)) === want, 15_000);
}
