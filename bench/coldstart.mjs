// Cold start in the real browser: Debian's Chromium with the test build of the
// extension, the local test sites, and the service worker stopped as Chromium
// stops it after 30 s idle. Each wake is caused by a request, as in real use.
// Per wake, from the worker's own marks (extension/src/background/timing.js):
// script start → wasm instantiated and the lists read (in parallel) → core
// built → core ready (state restored) → IP tables read → core located, how
// long the waking request waited for its verdict (the lists') and for its
// server to be judged (badge colour, warnings). Also the packed size of
// dist/chromium as the zip a store would receive.
//
//   make coldstart                          # 40 wakes; target/bench/coldstart.json
//   make coldstart COLDSTART_ARGS=--quick   # 3 wakes: checks the harness still runs
import { mkdirSync, writeFileSync, statSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { launch, workerControl, currentWorker, until } from '../tests/e2e/browser.mjs';
import { startSites } from '../tests/e2e/sites/server.mjs';

const quick = process.argv.includes('--quick');
const WAKES = quick ? 3 : Number(process.env.COLDSTART_WAKES || 40);
const ROOT = join(import.meta.dirname, '..');
const out = join(ROOT, 'target/bench');
mkdirSync(out, { recursive: true });

const sites = await startSites();
const browser = await launch();
const results = [];
try {
  const ext = await browser.context.newPage();
  await ext.goto(`chrome-extension://${browser.id}/popup/popup.html`);
  const control = await workerControl(browser.context, ext, browser.id);
  const page = await browser.context.newPage();
  await page.goto('https://www.tiktok.com/foryou');
  for (let i = 0; i < WAKES; i++) {
    await control.stop();
    const stopsSoFar = control.statuses.length;
    // A request from the page wakes the worker (webRequest event).
    await page.evaluate((n) => fetch(`https://mon.tiktokv.com/monitor_browser/collect/batch/?wake=${n}`, { method: 'POST', body: 'x' }), i);
    const t = await until(async () => {
      if (!control.statuses.slice(stopsSoFar).includes('running')) return null;
      const worker = await currentWorker(browser.context);
      return worker.evaluate(() => {
        const m = globalThis.borderline?.timing;
        return m && m.located !== null && m.firstVerdictDelay !== null && m.firstLocatedDelay !== null ? { ...m, source: Object.values(globalThis.borderline.packSource).join('+') } : null;
      }).catch(() => null);
    }, 30_000);
    if (!t) throw new Error(`wake ${i + 1}: the worker never reported ready and a verdict`);
    results.push(t);
  }
  await control.detach();
} finally {
  await browser.context.close();
  sites.close();
}

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.round((s.length - 1) * p))] * 10) / 10;
};
const series = {
  'script start (since worker start)': results.map((r) => r.scriptStart),
  'script start → wasm instantiated (code only)': results.map((r) => r.wasmReady - r.scriptStart),
  'script start → lists read (in parallel)': results.map((r) => r.listsRead - r.scriptStart),
  'script start → core built from the lists': results.map((r) => r.coreBuilt - r.scriptStart),
  'core built → saved state read': results.map((r) => r.savedRead - r.coreBuilt),
  'saved state read → snapshots restored': results.map((r) => r.snapshotsRestored - r.savedRead),
  'snapshots restored → journal replayed': results.map((r) => r.journalReplayed - r.snapshotsRestored),
  'journal replayed → core ready (spills, badges)': results.map((r) => r.coreReady - r.journalReplayed),
  'script start → core ready (state restored)': results.map((r) => r.coreReady - r.scriptStart),
  'worker start → core ready': results.map((r) => r.coreReady),
  'core ready → IP tables read': results.map((r) => r.locationsRead - r.coreReady),
  'worker start → core located (IP tables in)': results.map((r) => r.located),
  'waking request → its verdict': results.map((r) => r.firstVerdictDelay),
  'waking request → its server judged': results.map((r) => r.firstLocatedDelay),
};

// The packed extension, as a store would receive it.
const zipDir = join(out, 'packed');
rmSync(zipDir, { recursive: true, force: true });
execFileSync('npx', ['web-ext', 'build', '--source-dir', join(ROOT, 'dist/chromium'), '--artifacts-dir', zipDir, '--filename', 'chromium.zip', '--overwrite-dest'], { stdio: 'ignore' });
const packedMb = Math.round((statSync(join(zipDir, 'chromium.zip')).size / 1048576) * 100) / 100;

const figures = Object.fromEntries(Object.entries(series).map(([k, v]) => [k, { median_ms: pct(v, 0.5), p95_ms: pct(v, 0.95) }]));
// Where the packs came from per wake: the package on the first wake after an install, the IndexedDB copy after.
const sources = results.reduce((n, r) => ({ ...n, [r.source]: (n[r.source] || 0) + 1 }), {});
const report = { wakes: results.length, quick, figures, events_replayed_median: pct(results.map((r) => r.eventsReplayed), 0.5), pack_sources: sources, packed_chromium_zip_mb: packedMb };
writeFileSync(join(out, quick ? 'coldstart-quick.json' : 'coldstart.json'), JSON.stringify(report, null, 2) + '\n');
const lines = [
  `${results.length} wakes of the service worker, each by a request after a forced stop (headless Chromium).`,
  '',
  '| from → to | median | p95 |',
  '|---|---|---|',
  ...Object.entries(figures).map(([k, f]) => `| ${k} | ${f.median_ms} ms | ${f.p95_ms} ms |`),
  '',
  `Journal events replayed per wake (median): ${pct(results.map((r) => r.eventsReplayed), 0.5)}.`,
  `Data packs read from: ${Object.entries(sources).map(([k, n]) => `${k} (${n} wakes)`).join(', ')}.`,
  `Packed dist/chromium (web-ext build zip): ${packedMb} MB.`,
];
console.log(lines.join('\n'));
writeFileSync(join(out, quick ? 'coldstart-quick.md' : 'coldstart.md'), lines.join('\n') + '\n');
