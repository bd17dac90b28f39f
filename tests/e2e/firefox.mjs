// Drives Debian's firefox-esr over WebDriver BiDi (the browser's own remote
// protocol; node's `ws` is the only client code), with the test build of the
// extension installed, against the local test sites. Never downloads a
// browser. Facts this relies on, measured on firefox-esr 153 and 140:
// - `--remote-debugging-port 0` prints the BiDi address on stderr;
// - `-remote-allow-system-access` lets BiDi evaluate in the chrome scope,
//   where nsINativeDNSResolverOverride maps each test host to its own
//   loopback address (Firefox has no --host-resolver-rules);
// - the pref `extensions.webextensions.uuids` fixes the extension's
//   moz-extension:// address, so its pages can be opened by URL;
// - a navigation to an extension page never reports "complete": navigate
//   with `wait: "none"`, then wait for the document;
// - `extensions.background.idle.timeout` shortens the event page's idle
//   suspend, so suspend and wake can be tested.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { HOSTS } from './sites/hosts.mjs';
import { ROOT, until } from './browser.mjs';

export const FIREFOX = process.env.FIREFOX || '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION = process.env.BORDERLINE_TEST_FIREFOX_EXTENSION || join(ROOT, 'target/e2e/extension-firefox');
const GECKO_ID = 'borderline@borderline.invalid';
const UUID = '5b0a1c3e-7d2f-4e8a-9c6b-1f2e3d4c5b6a';
export const EXT_ORIGIN = `moz-extension://${UUID}`;

/** Prefs for a quiet, test-only profile: no updates, telemetry or safe-browsing calls. */
function prefs({ idleMs, downloads, extra = {} }) {
  const p = {
    ...extra,
    // Exports are saved without a dialog, into the profile's own folder.
    'browser.download.dir': downloads,
    'browser.download.folderList': 2,
    'browser.download.useDownloadDir': true,
    'browser.download.always_ask_before_handling_new_types': false,
    'browser.download.start_downloads_in_tmp_dir': false,
    'browser.download.alwaysOpenPanel': false,
    // A temporary add-on is uninstalled when Firefox stops; its storage is
    // kept, as an installed add-on's is across a browser restart.
    'extensions.webextensions.keepStorageOnUninstall': true,
    'extensions.webextensions.keepUuidOnUninstall': true,
    'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }),
    'extensions.background.idle.timeout': idleMs,
    'devtools.console.stdout.content': true,
    'app.update.enabled': false,
    'app.update.auto': false,
    'browser.shell.checkDefaultBrowser': false,
    'browser.startup.homepage_override.mstone': 'ignore',
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'browser.safebrowsing.downloads.enabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'datareporting.healthreport.uploadEnabled': false,
    'toolkit.telemetry.enabled': false,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'extensions.getAddons.cache.enabled': false,
    'extensions.update.enabled': false,
    'media.autoplay.default': 0,
  };
  return Object.entries(p).map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`).join('\n') + '\n';
}

/** A BiDi session: `send(method, params)` resolves with the result or rejects with the error. */
async function connect(url) {
  const ws = new WebSocket(`${url}/session`);
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  let next = 0;
  const pending = new Map();
  // A closed socket (Firefox gone) fails every command still waiting, never hangs it.
  const failAll = (why) => {
    for (const p of pending.values()) p.reject(new Error(`${p.method}: ${why}`));
    pending.clear();
  };
  ws.on('close', () => failAll('the BiDi connection closed'));
  ws.on('error', (e) => failAll(e.message));
  ws.on('message', (data) => {
    const msg = JSON.parse(data);
    const p = msg.id != null && pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id);
    clearTimeout(p.timer);
    if (msg.type === 'error') p.reject(new Error(`${p.method}: ${msg.error}: ${msg.message}`));
    else p.resolve(msg.result);
  });
  const send = (method, params = {}, timeoutMs = 60_000) =>
    new Promise((resolve, reject) => {
      const id = ++next;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`${method}: no answer in ${timeoutMs} ms`));
      }, timeoutMs);
      pending.set(id, { resolve, reject, method, timer });
      ws.send(JSON.stringify({ id, method, params }));
    });
  return { send, close: () => ws.close() };
}

/** Stops Firefox: politely, then by force after a grace period. */
function stop(proc) {
  if (proc.exitCode != null || proc.signalCode != null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => proc.kill('SIGKILL'), 5_000);
    proc.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    proc.kill('SIGTERM');
  });
}

/**
 * Launches headless Firefox with the test build installed and every test host
 * mapped to its loopback address. `idleMs`: the event page's idle suspend;
 * `prefs` adds or overrides profile preferences; `profile`: a profile folder
 * to start again with (a browser restart), kept by `quit({ keepProfile })`.
 */
export async function launchFirefox({ idleMs = 30_000, prefs: extra = {}, profile = mkdtempSync(join(tmpdir(), 'borderline-firefox-')) } = {}) {
  const downloads = join(profile, 'downloads');
  mkdirSync(downloads, { recursive: true });
  writeFileSync(join(profile, 'user.js'), prefs({ idleMs, downloads, extra }));
  const proc = spawn(FIREFOX, ['--headless', '--no-remote', '--profile', profile, '--remote-debugging-port', '0', '-remote-allow-system-access'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  proc.stdout.on('data', (d) => (log += d));
  try {
    return await attach(proc, profile, downloads, () => log, (d) => (log += d));
  } catch (e) {
    // A failed start leaves no browser running and no profile behind.
    await stop(proc);
    rmSync(profile, { recursive: true, force: true });
    throw e;
  }
}

async function attach(proc, profile, downloads, logText, append) {
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`firefox did not start its BiDi server:\n${logText()}`)), 30_000);
    proc.stderr.on('data', (d) => {
      append(d);
      const m = logText().match(/WebDriver BiDi listening on (ws:\/\/\S+)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    proc.once('exit', (code) => reject(new Error(`firefox exited (${code}):\n${logText()}`)));
  });
  const bidi = await connect(url);
  await bidi.send('session.new', { capabilities: { alwaysMatch: { acceptInsecureCerts: true } } });
  // Test hosts to their loopback addresses, in the parent process's resolver.
  const chrome = (await bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome' })).contexts[0].context;
  const map = HOSTS.map(([host, ip]) => `o.addIPOverride(${JSON.stringify(host)}, ${JSON.stringify(ip)});`).join('');
  // Every HTTP(S) request the browser makes, seen by the network layer itself
  // (any tab, the extension's pages and background included), with the
  // add-on that triggered it: the egress test's capture.
  await bidi.send('script.evaluate', {
    expression: `(() => {
      const o = Cc["@mozilla.org/network/native-dns-override;1"].getService(Ci.nsINativeDNSResolverOverride); ${map}
      globalThis.__borderlineTraffic = [];
      Services.obs.addObserver({ observe(subject) {
        const c = subject.QueryInterface(Ci.nsIHttpChannel);
        const p = c.loadInfo.triggeringPrincipal;
        globalThis.__borderlineTraffic.push({ url: c.URI.spec, addon: p?.addonId || '', from: c.loadInfo.loadingPrincipal?.spec || p?.spec || '', bytes: c.URI.spec.length });
      } }, "http-on-modify-request");
      return true;
    })()`,
    target: { context: chrome },
    awaitPromise: false,
  });
  /** Evaluates an expression in the browser's own (chrome) scope. */
  const inChrome = async (expression) => {
    const r = await bidi.send('script.evaluate', { expression, target: { context: chrome }, awaitPromise: true });
    if (r.type === 'exception') throw new Error(`in chrome scope: ${r.exceptionDetails.text}`);
    return r.result.value;
  };
  const { extension } = await bidi.send('webExtension.install', { extensionData: { type: 'path', path: FIREFOX_EXTENSION } });
  const ff = {
    bidi,
    extension,
    log: logText,
    /** A new tab; `url` loaded (extension pages: until their document is ready). */
    async open(url) {
      const { context } = await bidi.send('browsingContext.create', { type: 'tab' });
      await ff.goto(context, url);
      return context;
    },
    async goto(context, url) {
      const ext = url.startsWith('moz-extension:');
      await bidi.send('browsingContext.navigate', { context, url, wait: ext ? 'none' : 'complete' });
      // The new document, loaded (not the page that was there before).
      if (ext) await until(() => ff.eval(context, (u) => document.readyState === 'complete' && location.href === u, url).catch(() => false), 15_000);
    },
    close: (context) => bidi.send('browsingContext.close', { context }),
    /** The tab's viewport in CSS pixels (a phone: 360 × 740). */
    viewport: (context, width, height) => bidi.send('browsingContext.setViewport', { context, viewport: { width, height } }),
    /** Runs `fn(arg)` in the page; its (JSON) result comes back. */
    async eval(context, fn, arg) {
      const r = await bidi.send('script.evaluate', {
        expression: `(async () => JSON.stringify(await (${fn})(${JSON.stringify(arg ?? null)})))()`,
        target: { context },
        awaitPromise: true,
      });
      if (r.type === 'exception') throw new Error(`in page: ${r.exceptionDetails.text}`);
      return r.result.value === undefined ? undefined : JSON.parse(r.result.value);
    },
    /** The event page's state, as Firefox's extension manager has it: "running", "suspending" or "stopped". */
    backgroundState: () => inChrome(`WebExtensionPolicy.getByID(${JSON.stringify(extension)}).extension.backgroundState`),
    /** Suspends the event page now, as the idle timeout does; resolves with its state after ("stopped"). */
    terminateBackground: () => inChrome(`(async () => {
      const e = WebExtensionPolicy.getByID(${JSON.stringify(extension)}).extension;
      await e.terminateBackground({ disableResetIdleForTest: true });
      return e.backgroundState;
    })()`),
    /** Every HTTP(S) request the browser made so far: { url, addon, from, bytes }. */
    traffic: async () => JSON.parse(await inChrome('JSON.stringify(globalThis.__borderlineTraffic)')),
    /** prefers-color-scheme for every page: "dark" or "light". */
    colorScheme: (scheme) => inChrome(`Services.prefs.setIntPref("layout.css.prefers-color-scheme.content-override", ${scheme === 'dark' ? 0 : 1})`),
    /** A PNG of the tab's viewport (or its whole document). */
    async screenshot(context, full = false) {
      const { data } = await bidi.send('browsingContext.captureScreenshot', { context, origin: full ? 'document' : 'viewport' });
      return Buffer.from(data, 'base64');
    },
    downloads,
    profile,
    /** Allows the extension in private windows, as the add-on manager's switch does. */
    async allowPrivate() {
      const r = await bidi.send('script.evaluate', {
        expression: `(async () => {
          const { ExtensionPermissions } = ChromeUtils.importESModule("resource://gre/modules/ExtensionPermissions.sys.mjs");
          const p = WebExtensionPolicy.getByID(${JSON.stringify(extension)});
          await ExtensionPermissions.add(p.id, { permissions: ["internal:privateBrowsingAllowed"], origins: [] }, p.extension);
          return p.privateBrowsingAllowed;
        })()`,
        target: { context: chrome },
        awaitPromise: true,
      });
      return r.result.value;
    },
    /** A real click (with user activation) on the first element matching `css`. */
    async click(context, css) {
      const { nodes } = await bidi.send('browsingContext.locateNodes', { context, locator: { type: 'css', value: css }, maxNodeCount: 1 });
      if (!nodes.length) throw new Error(`no element matches ${css}`);
      const element = { sharedId: nodes[0].sharedId };
      await bidi.send('input.performActions', {
        context,
        actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [
          { type: 'pointerMove', x: 0, y: 0, origin: { type: 'element', element } },
          { type: 'pointerDown', button: 0 },
          { type: 'pointerUp', button: 0 },
        ] }],
      });
      await bidi.send('input.releaseActions', { context });
    },
    /** Text under the closed shadow root of the first `tag` element (WebDriver reaches closed roots; page script cannot). */
    async shadowText(context, tag) {
      const { nodes } = await bidi.send('browsingContext.locateNodes', { context, locator: { type: 'css', value: tag } });
      // The first element that has a shadow root: a page may add imitations beside the real one.
      const root = nodes.map((n) => n.value?.shadowRoot).find(Boolean);
      if (!root) return '';
      const r = await bidi.send('script.callFunction', {
        functionDeclaration: '(r) => r.textContent',
        arguments: [{ sharedId: root.sharedId }],
        target: { context },
        awaitPromise: false,
      });
      return r.result.value || '';
    },
    async quit({ keepProfile = false } = {}) {
      await bidi.send('browser.close', {}, 10_000).catch(() => {});
      bidi.close();
      await stop(proc);
      if (!keepProfile) rmSync(profile, { recursive: true, force: true });
    },
  };
  return ff;
}
