// No API a supported browser lacks: every extension API the code calls and
// every manifest key the two builds declare, looked up in MDN's
// browser-compat-data, must exist in Chromium from the build's
// minimum_chrome_version, in Firefox desktop from gecko.strict_min_version and
// in Firefox for Android from gecko_android.strict_min_version. This is what
// stands for the Android browser where no device is at hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { ROOT } from './browser.mjs';

const bcd = createRequire(import.meta.url)('@mdn/browser-compat-data').webextensions;

// Used behind a feature test, in one browser only, by design.
const FEATURE_TESTED = {
  'webRequest.OnCompletedOptions': 'Chromium only ("extraHeaders" for Set-Cookie); platform.js asks for it only where it exists',
};

function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.js') ? [path] : [];
  });
}

/** "api.tabs.query" → ["tabs", "query"], from every extension source file. */
function usedApis() {
  const used = new Map();
  for (const file of sources(join(ROOT, 'extension/src'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\b(?:api|chrome|browser)\??\.([a-z][a-zA-Z0-9]*)\??\.([a-zA-Z][a-zA-Z0-9]*)(?:\??\.([a-zA-Z][a-zA-Z0-9]*))?/g)) {
      const key = [m[1], m[2], m[3]].filter(Boolean).join('.');
      if (!used.has(key)) used.set(key, file.slice(ROOT.length + 1));
    }
  }
  return used;
}

/** The first version a support statement gives, as a number; Infinity when unsupported. */
function added(statement) {
  const s = Array.isArray(statement) ? statement.find((x) => !x.flags && !x.prefix && !x.alternative_name) : statement;
  if (!s || s.version_added === false || s.version_added == null || s.flags) return Infinity;
  if (s.version_added === true) return 0;
  return Number(String(s.version_added).replace('≤', ''));
}

const manifest = (build) => JSON.parse(readFileSync(join(ROOT, 'dist', build, 'manifest.json'), 'utf8'));
const chromium = manifest('chromium');
const firefox = manifest('firefox');
const MIN = {
  chrome: Number(chromium.minimum_chrome_version),
  firefox: Number(firefox.browser_specific_settings.gecko.strict_min_version),
  firefox_android: Number(firefox.browser_specific_settings.gecko_android.strict_min_version),
};

test('the minimum versions are declared in both builds', () => {
  assert.ok(MIN.chrome >= 88, `minimum_chrome_version ${MIN.chrome}`);
  assert.equal(MIN.firefox, 140, 'Firefox ESR 140 on desktop');
  assert.equal(MIN.firefox_android, 142, 'Firefox 142 on Android (data_collection_permissions)');
});

test('every extension API the code calls exists in Chromium, Firefox and Firefox for Android at the declared minimums', () => {
  const used = usedApis();
  assert.ok(used.size >= 15, `the scan finds the calls (${used.size})`);
  const missing = [];
  for (const [key, file] of used) {
    const [ns, member, sub] = key.split('.');
    if (FEATURE_TESTED[`${ns}.${member}`]) continue;
    const node = bcd.api[ns]?.[member];
    if (!node) {
      missing.push(`${key} (${file}): not in browser-compat-data`);
      continue;
    }
    // The deepest level the data describes: storage.session.get is storage.session's.
    const compat = (sub && node[sub]?.__compat) || node.__compat;
    for (const [browser, min] of Object.entries(MIN)) {
      const since = added(compat.support[browser]);
      if (since > min) missing.push(`${key} (${file}): ${browser} ${since === Infinity ? 'lacks it' : `has it from ${since}`}, we declare ${min}`);
    }
  }
  assert.deepEqual(missing, []);
});

test('every manifest key of each build is supported by the browsers it is for', () => {
  const missing = [];
  const check = (m, browsers) => {
    for (const [key, value] of Object.entries(m)) {
      if (key === 'minimum_chrome_version') continue; // Chromium's own, ignored elsewhere
      const node = bcd.manifest[key];
      if (!node) {
        missing.push(`${key}: not in browser-compat-data`);
        continue;
      }
      const subs = value && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : [];
      for (const [name, compat] of [[key, node.__compat], ...subs.filter((s) => node[s]?.__compat).map((s) => [`${key}.${s}`, node[s].__compat])]) {
        // Android's own key: the desktop browser ignores it.
        for (const browser of name.endsWith('.gecko_android') ? ['firefox_android'] : browsers) {
          const since = added(compat.support[browser]);
          if (since > MIN[browser]) missing.push(`${name}: ${browser} ${since === Infinity ? 'lacks it' : `has it from ${since}`}, we declare ${MIN[browser]}`);
        }
      }
    }
  };
  check(chromium, ['chrome']);
  check(firefox, ['firefox', 'firefox_android']);
  assert.deepEqual(missing, []);
});
