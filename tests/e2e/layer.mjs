// The browser layer: one small interface over the two real browsers the
// extension runs in, so every end-to-end suite is written once and run in
// both. Chromium is driven by playwright-core (browser.mjs), Firefox ESR over
// WebDriver BiDi (firefox.mjs). A tab is an opaque handle; page functions are
// serialised, run in the page and return JSON.
//
//   const b = await launch('firefox');
//   const tab = await b.open('https://www.tiktok.com/foryou');
//   await b.eval(tab, () => document.title);
//
// What a session offers: open/goto/reload/close/eval/until on tabs; the
// extension's pages (`ext(path)`) and messages to its background (`ask`);
// code in the background itself (`background(fn)`, called with the
// background's global); suspending the background as the browser does when
// idle (`suspend`, counted in `suspensions()`); text under closed shadow
// roots; real clicks; viewport, colour scheme, screenshots and axe; downloads; every
// request the browser made (`traffic`); a restart on the same profile.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as chromium from './browser.mjs';
import { after, afterEach, before, describe } from 'node:test';
import { EXT_ORIGIN, FIREFOX, FIREFOX_EXTENSION, launchFirefox } from './firefox.mjs';
import { startSites } from './sites/server.mjs';

export { ARTIFACTS, sleep, until } from './browser.mjs';
/** The browsers the suites run in: both, unless BORDERLINE_BROWSERS names fewer (e.g. "chromium"). */
export const BROWSERS = (process.env.BORDERLINE_BROWSERS || 'chromium,firefox').split(',').map((b) => b.trim()).filter((b) => ['chromium', 'firefox'].includes(b));

/**
 * Why a browser's suites are skipped here, or false. Only off CI: CI installs
 * both browsers (make deps), so there a missing one fails.
 */
export function skipReason(name) {
  if (process.env.CI) return false;
  if (name === 'chromium' && !existsSync(process.env.CHROMIUM || '/usr/bin/chromium')) return 'chromium is not installed (make deps installs it)';
  if (name === 'chromium' && !existsSync(chromium.EXTENSION)) return 'no Chromium test build (make e2e builds it)';
  if (name === 'firefox' && !existsSync(FIREFOX)) return `${FIREFOX} is not installed (make deps installs firefox-esr)`;
  if (name === 'firefox' && !existsSync(FIREFOX_EXTENSION)) return 'no Firefox test build (make e2e builds it)';
  return false;
}

/**
 * A suite in each browser: `body(ctx)` registers its tests inside a describe
 * per browser (skipped by name where the browser is missing), with the local
 * test sites started and the browser launched (`options` as for `launch`)
 * before them, and both stopped after; `ctx.b` and `ctx.sites` are set once
 * the suite's first hook has run.
 */
export function inEachBrowser(body, options = {}) {
  for (const name of BROWSERS) {
    describe(name, { skip: skipReason(name) }, () => {
      const ctx = { name, b: null, sites: null };
      before(async () => {
        ctx.sites = await startSites();
        ctx.b = await launch(name, options);
      });
      after(async () => {
        await ctx.b?.quit();
        await ctx.sites?.close();
      });
      // Each test starts with no tab of an earlier one (a failed test leaves its pages open).
      afterEach(() => ctx.b?.closeTabs());
      body(ctx);
    });
  }
}

/** The extension API object inside a page or background of either browser. */
const API = '(globalThis.browser ?? globalThis.chrome)';

/**
 * Starts `name` ('chromium' | 'firefox') with the test build of the extension.
 * Options: `profile` (a folder to start again with, from `quit({ keepProfile })`),
 * `allowPrivate` (the extension allowed in private windows), `tinyQuota`
 * (the extension's storage limited so writes fail with a quota error),
 * `lang` (the browser's languages; in Firefox only the preferred content
 * languages: Debian's firefox-esr ships its interface in English alone).
 */
export function launch(name, options = {}) {
  return name === 'firefox' ? launchFirefoxSession(options) : launchChromiumSession(options);
}

/** The parts both sessions build the same way from their primitives. */
function common(s) {
  s.until = (tab, fn, arg, timeoutMs = 10_000) => chromium.until(() => s.eval(tab, fn, arg).catch(() => null), timeoutMs);
  s.ask = (tab, message) => s.eval(tab, new Function('m', `return ${API}.runtime.sendMessage(m)`), message);
  s.reload = (tab) => s.eval(tab, () => location.href).then((url) => s.goto(tab, url));
  /** The id of the newest tab whose URL matches a match pattern. */
  s.tabId = async (pattern) => {
    const ids = await s.background((p, bg) => (bg.browser ?? bg.chrome).tabs.query({ url: p }).then((ts) => ts.map((t) => t.id)), pattern);
    return ids.length ? Math.max(...ids) : undefined;
  };
  /** A test page loaded and its script done (`#status` says "done"). */
  s.visitPage = async (url) => {
    const tab = await s.open(url);
    const done = await s.until(tab, () => document.getElementById('status')?.textContent === 'done', null, 15_000);
    if (!done) throw new Error(`${url}: the page's script did not finish`);
    return tab;
  };
  /** An extension page, opened and its document ready. */
  s.openExt = (path) => s.open(s.ext(path));
  s.gotoExt = (tab, path) => s.goto(tab, s.ext(path));
  /** The badge text and colour of a browser tab. */
  s.badge = (tabId) => s.background(async (t, bg) => {
    const a = (bg.browser ?? bg.chrome).action;
    return [await a.getBadgeText({ tabId: t }), await a.getBadgeBackgroundColor({ tabId: t })];
  }, tabId);
  /** axe-core's violations on the page (axe is in the test build only). */
  s.axe = (tab) => s.eval(tab, (src) => new Promise((resolve, reject) => {
    const run = () => window.axe.run(document, { resultTypes: ['violations'] }).then((r) => resolve(r.violations.map((v) => `${v.id}: ${v.help}`)), reject);
    if (window.axe) return run();
    const el = document.createElement('script');
    el.src = src;
    el.onload = run;
    el.onerror = () => reject(new Error('axe did not load'));
    document.head.append(el);
  }), s.ext('axe.min.js'));
  /** Opens every <details> so their contents are in innerText. */
  s.text = (tab, selector = 'main') => s.eval(tab, (sel) => {
    document.querySelectorAll('details').forEach((d) => { d.open = true; });
    return document.querySelector(sel)?.innerText ?? '';
  }, selector);
  s.screenshotTo = async (tab, file, full = false) => writeFileSync(join(chromium.ARTIFACTS, `${s.name}-${file}`), await s.screenshot(tab, full));
  return s;
}

async function launchChromiumSession({ profile, allowPrivate = false, tinyQuota = false, lang } = {}) {
  process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
  if (allowPrivate) {
    // "Allow in Incognito" is a profile preference: set it, then start again.
    const first = await chromium.launch(profile);
    await first.context.close();
    const path = join(first.profile, 'Default', 'Preferences');
    const prefs = JSON.parse(readFileSync(path, 'utf8'));
    prefs.extensions.settings[first.id].incognito = true;
    writeFileSync(path, JSON.stringify(prefs));
    profile = first.profile;
  }
  if (tinyQuota) {
    // The first start writes the data packs' copy, and Chromium then approves
    // later writes from a free-space estimate it keeps for 30 s; a second start
    // only reads the copy, so the quota is checked at the first write, as it
    // would be on any later day of use.
    const first = await chromium.launch(profile);
    if (!(await chromium.packsKept(first.context))) throw new Error('the first start did not keep its copy of the data packs');
    await first.context.close();
    profile = first.profile;
  }
  const b = await chromium.launch(profile, { lang });
  const traffic = [];
  b.context.on('request', (r) => {
    let from = 'page';
    if (r.serviceWorker()) from = r.serviceWorker().url();
    else if (r.frame()?.url()) from = r.frame().url();
    traffic.push({ url: r.url(), extension: from.startsWith('chrome-extension://'), from, bytes: (r.postDataBuffer()?.length || 0) + r.url().length });
  });
  // A page of the extension's own, for CDP sessions that must see its worker.
  const control = await b.context.newPage();
  await control.goto(`chrome-extension://${b.id}/popup/popup.html?tab=-1`);
  const worker = await chromium.workerControl(b.context, control, b.id);
  if (tinyQuota) {
    // A real quota: Chromium's own limit for the extension's origin, set tiny.
    const cdp = await b.context.newCDPSession(control);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: `chrome-extension://${b.id}`, quotaSize: 1 });
  }
  const s = {
    name: 'chromium',
    raw: b,
    ext: (path) => `chrome-extension://${b.id}/${path}`,
    async open(url) {
      const page = await b.context.newPage();
      await s.goto(page, url);
      return page;
    },
    async goto(page, url) {
      await page.goto(url);
    },
    close: (page) => page.close(),
    eval: (page, fn, arg) => page.evaluate(fn, arg),
    async background(fn, arg) {
      // A message from the extension's own page wakes a stopped worker; its reply says it runs.
      await control.evaluate(() => chrome.runtime.sendMessage({ type: 'borderline:report', tab: -1 })).catch(() => {});
      const w = await chromium.currentWorker(b.context);
      return w.evaluate(`(async () => (${fn})(${JSON.stringify(arg ?? null)}, globalThis))()`);
    },
    async suspend() {
      await worker.stop();
    },
    suspensions: () => worker.statuses.filter((x) => x === 'stopped').length,
    shadowText: (page, tag) => chromium.piercedText(b.context, page, tag),
    /** A real click (with user activation). */
    click: (page, selector) => page.click(selector),
    viewport: (page, width, height) => page.setViewportSize({ width, height }),
    colorScheme: async (scheme) => {
      for (const p of b.context.pages()) await p.emulateMedia({ colorScheme: scheme });
    },
    screenshot: (page, full) => page.screenshot({ fullPage: full }),
    /** Clicks the control and returns the file the browser saved: { name, text }. */
    async download(page, selector) {
      const [d] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
      return { name: d.suggestedFilename(), text: readFileSync(await d.path(), 'utf8') };
    },
    /** Every request the browser made: { url, extension, from, bytes }. */
    traffic: async () => traffic.slice(),
    /** Opens HTML as a page of its own (no extension CSP there). */
    async openHtml(html) {
      const page = await b.context.newPage();
      await page.setContent(html);
      return page;
    },
    pageCount: () => b.context.pages().length,
    /** Closes every tab but the session's own extension page. */
    async closeTabs() {
      for (const p of b.context.pages()) if (p !== control) await p.close().catch(() => {});
    },
    async quit({ keepProfile = false } = {}) {
      await worker.detach().catch(() => {});
      await b.context.close();
      return keepProfile ? b.profile : undefined;
    },
  };
  return common(s);
}

async function launchFirefoxSession({ profile, allowPrivate = false, tinyQuota = false, lang } = {}) {
  const prefs = {
    // A real quota: Firefox's own storage limit for the profile, 64 KB.
    ...(tinyQuota ? { 'dom.quotaManager.temporaryStorage.fixedLimit': 64 } : {}),
    // The languages the person prefers for content (Firefox's interface stays English: no language pack).
    ...(lang ? { 'intl.accept_languages': lang } : {}),
  };
  const ff = await launchFirefox({ profile, prefs });
  if (allowPrivate && !(await ff.allowPrivate())) throw new Error('the extension could not be allowed in private windows');
  let suspensions = 0;
  const control = await ff.open(`${EXT_ORIGIN}/popup/popup.html?tab=-1`);
  const s = {
    name: 'firefox',
    raw: ff,
    ext: (path) => `${EXT_ORIGIN}/${path}`,
    open: (url) => ff.open(url),
    goto: (tab, url) => ff.goto(tab, url),
    close: (tab) => ff.close(tab),
    eval: (tab, fn, arg) => ff.eval(tab, fn, arg),
    // The event page's global, from an extension page of the same origin in
    // a normal window (getBackgroundPage wakes a suspended event page first;
    // from a private window it gives nothing).
    background: (fn, arg) => ff.eval(control, `async (a) => (${fn})(a, await browser.runtime.getBackgroundPage())`, arg),
    async suspend() {
      // Firefox suspends an event page only once it is idle, its storage
      // writes done; a page torn down with writes in flight loses them (the
      // kill test measures that). Let the last event's journal write finish.
      await chromium.sleep(300);
      const state = await ff.terminateBackground();
      if (state !== 'stopped') throw new Error(`the event page did not stop (${state})`);
      suspensions += 1;
    },
    suspensions: () => suspensions,
    shadowText: (tab, tag) => ff.shadowText(tab, tag),
    click: (tab, selector) => ff.click(tab, selector),
    viewport: (tab, width, height) => ff.viewport(tab, width, height),
    colorScheme: (scheme) => ff.colorScheme(scheme),
    screenshot: (tab, full) => ff.screenshot(tab, full),
    async download(tab, selector) {
      const before = new Set(readdirSync(ff.downloads));
      await ff.click(tab, selector);
      // Complete once the file is there and Firefox's partial file is gone.
      const name = await chromium.until(() => {
        const files = readdirSync(ff.downloads);
        return !files.some((f) => f.endsWith('.part')) && files.find((f) => !before.has(f));
      }, 10_000);
      if (!name) throw new Error(`no download after clicking ${selector}`);
      // Read, then removed, so the next file of the same name is not renamed "(1)".
      const text = readFileSync(join(ff.downloads, name), 'utf8');
      rmSync(join(ff.downloads, name));
      return { name, text };
    },
    traffic: async () => (await ff.traffic()).map((t) => ({ url: t.url, extension: !!t.addon || t.from.startsWith('moz-extension://'), from: t.from, bytes: t.bytes })),
    async openHtml(html) {
      const tab = await ff.open('about:blank');
      await ff.eval(tab, (h) => { document.open(); document.write(h); document.close(); return true; }, html);
      return tab;
    },
    async pageCount() {
      const { contexts } = await ff.bidi.send('browsingContext.getTree', { maxDepth: 0 });
      return contexts.length;
    },
    /** Closes every tab but the session's own extension page. */
    async closeTabs() {
      const { contexts } = await ff.bidi.send('browsingContext.getTree', { maxDepth: 0 });
      for (const c of contexts) if (c.context !== control) await ff.close(c.context).catch(() => {});
    },
    async quit({ keepProfile = false } = {}) {
      await ff.quit({ keepProfile });
      return keepProfile ? ff.profile : undefined;
    },
  };
  return common(s);
}
