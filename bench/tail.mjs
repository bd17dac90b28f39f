// Where the full pipeline's slowest requests come from in wasm: each
// `Core.observe` timed over rounds of the shared request corpus (the same
// requests, pages and server addresses as bench/peers/run.mjs), split into
// requests that fold an endpoint away (a new host once the neutral page's
// visit holds 4,096) and the rest, and the requests slow in every round.
//
//   node extension/build.mjs --wasm-only && node bench/tail.mjs [rounds]
//
// Run it with `node --trace-gc` to count V8's collections alongside.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { hostOf, loadRequests, NEUTRAL_PAGE } from './requests.mjs';

const root = resolve(import.meta.dirname, '..');
const pkg = join(root, 'target/wasm-pkg');
const rounds = Number(process.argv[2] || 5);
const SLOW_NS = 100_000;

const reqs = loadRequests();
for (const r of reqs) r.host = hostOf(r.url).replace(/:\d+$/, '');

const { initSync, Core } = await import(join(pkg, 'borderline_wasm.js'));
initSync({ module: readFileSync(join(pkg, 'borderline_wasm_bg.wasm')) });
const core = new Core(new Uint8Array(readFileSync(join(pkg, 'lists.bin'))), new Uint8Array(readFileSync(join(pkg, 'locations.bin'))));

const times = reqs.map(() => []);
const folds = [];
// One tab, its visit forgotten at the start of each round (a navigation), so
// the rounds' visits do not pile up in the module's memory (they did: every
// growth of the memory was a slow request).
const TAB = 1;
for (let round = 0; round <= rounds; round++) {
  core.resetTab(TAB);
  const seen = new Set();
  reqs.forEach((r, i) => {
    const neutral = r.page === NEUTRAL_PAGE;
    const folding = neutral && !seen.has(r.host) && seen.size >= 4096;
    if (neutral) seen.add(r.host);
    const t = process.hrtime.bigint();
    core.observe(TAB, r.url, r.page, r.type, 'GET', r.ip, 200, 500, 5000, 0, 1.7e12, undefined, undefined, undefined);
    const ns = Number(process.hrtime.bigint() - t);
    // Round 0 warms the module up (V8 compiles functions on first call).
    if (round > 0) {
      times[i].push(ns);
      if (folding) folds.push(ns);
    }
  });
}
const all = times.flat();
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return (s[Math.round((s.length - 1) * p)] / 1000).toFixed(1);
};
const slowFolds = folds.filter((ns) => ns > SLOW_NS).length;
console.log(`${all.length} requests timed (${rounds} rounds of ${reqs.length}): median ${pct(all, 0.5)} µs, p99 ${pct(all, 0.99)} µs`);
console.log(`over ${SLOW_NS / 1000} µs: ${all.filter((ns) => ns > SLOW_NS).length}, of them folds: ${slowFolds} (folds in all: ${folds.length}, their p99 ${pct(folds, 0.99)} µs)`);
const always = times.map((ts, i) => [i, Math.min(...ts)]).filter(([, min]) => min > SLOW_NS);
const usually = times.filter((ts) => pct(ts, 0.5) * 1000 > SLOW_NS).length;
console.log(`slow in every round: ${always.length}; slow in most rounds: ${usually}`);
for (const [i, min] of always.sort((a, b) => b[1] - a[1]).slice(0, 10)) console.log(`  ${(min / 1000).toFixed(0)} µs at least: #${i} ${reqs[i].type} ${reqs[i].url.slice(0, 100)}`);
