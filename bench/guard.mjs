// Regression guards on figures that do not depend on machine load: the wasm
// module's size, the data packs' size, the packed extension's size, and instruction counts under
// callgrind for a fixed input (the bundled fixture captures through
// tools/replay). Limits and their reasons: bench/thresholds.json.
//
//   make guard      (needs target/wasm-pkg and dist/chromium: node extension/build.mjs)
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const limits = JSON.parse(readFileSync(join(import.meta.dirname, 'thresholds.json'), 'utf8'));
const tmp = mkdtempSync(join(tmpdir(), 'borderline-guard-'));

const figures = {};
figures.wasm_bytes = statSync(join(ROOT, 'target/wasm-pkg/borderline_wasm_bg.wasm')).size;
figures.data_pack_bytes = ['lists.bin', 'locations.bin'].reduce((n, f) => n + statSync(join(ROOT, 'target/wasm-pkg', f)).size, 0);
execFileSync('npx', ['web-ext', 'build', '--source-dir', join(ROOT, 'dist/chromium'), '--artifacts-dir', tmp, '--filename', 'chromium.zip', '--overwrite-dest'], { stdio: 'ignore' });
figures.packed_chromium_bytes = statSync(join(tmp, 'chromium.zip')).size;

// The core alone, in a crate of its own (tools/replay): as an example of the
// main crate it built the command-line shell's and the tests' dependencies in
// release mode too (Parquet, Arrow, the reference filter engine, criterion).
// The target named, as the wasm build names its own: the data build step and
// its dependencies (the reference engine among them) are then the ones that
// build made, not built again (2 min 48 → 1 min 12 after it).
const TARGET = execFileSync('rustc', ['-vV'], { cwd: ROOT, encoding: 'utf8' }).match(/^host: (\S+)$/m)[1];
execFileSync('cargo', ['build', '--release', '-p', 'replay', '--target', TARGET], { cwd: ROOT, stdio: 'inherit' });
// A fixed input: the four browser captures the limits were set on (new fixtures do not move the guard).
const captures = ['bilibili/video', 'tiktok/foryou', 'youtube/mixed-chrome', 'youtube/watch'].map((d) => join(ROOT, 'tests/fixtures', d, 'capture.har'));
const out = join(tmp, 'callgrind.out');
execFileSync('valgrind', ['--tool=callgrind', `--callgrind-out-file=${out}`, join(ROOT, 'target', TARGET, 'release/replay'), ...captures], { stdio: 'ignore' });
const annotated = execFileSync('callgrind_annotate', ['--inclusive=yes', out], { encoding: 'utf8', maxBuffer: 64 << 20 });
const count = (re) => {
  const m = annotated.match(re);
  if (!m) throw new Error(`callgrind output lacks ${re}`);
  return Number(m[1].replace(/,/g, ''));
};
const total = count(/^\s*([\d,]+) \(100\.0%\)\s+PROGRAM TOTALS/m);
figures.replay_instructions = count(/^\s*([\d,]+) \([\d.]+%\)\s+\?\?\?:replay::replay /m);
figures.startup_instructions = total - figures.replay_instructions;

let failed = 0;
for (const [name, value] of Object.entries(figures)) {
  const { limit } = limits[name];
  const ok = value <= limit;
  failed += ok ? 0 : 1;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}: ${value.toLocaleString('en')} (limit ${limit.toLocaleString('en')})`);
}
if (failed) {
  console.error(`${failed} figure(s) over their limit: find the cause, or raise the limit in bench/thresholds.json with the reason in docs/performance.md`);
  process.exit(1);
}
