// Borderline's wasm core beside the engines people already run, in one node
// process, on the same lists (the vendored EasyPrivacy + EasyList) and the
// same requests (adblock-rust's 8,276 real requests, MPL-2.0, read from
// ../shared/fixtures/real/adblock-rust/ or $BORDERLINE_CORPUS at run time).
//
//   make peers                      # full run: figures in target/bench/peers.json and peers.md
//   make peers PEERS_ARGS=--quick   # a few hundred requests, one round: checks the harness still runs
//
// Per engine: median and p99 of the time of one call per request, every
// request timed on its own, rounds in rotating engine order; time to ready from
// the engine's serialised form; heap after init. Borderline is timed twice:
// matching only (`Core.check`: URL parse, PSL, both lists) and the whole
// pipeline (`Core.observe`: parse, PSL, lists, entity, IP location, aggregate).
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { loadRequests } from '../requests.mjs';
import os from 'node:os';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const require = createRequire(import.meta.url);
const quick = process.argv.includes('--quick');
const ROUNDS = quick ? 1 : Number(process.env.PEERS_ROUNDS || 10);
if (typeof globalThis.gc !== 'function') throw new Error('run with node --expose-gc (make peers does)');

// The shared corpus, each request with its page, type and a stable server
// address (bench/requests.mjs); the short form takes the first 400.
let requests = loadRequests({ fallback: quick });
if (quick) requests = requests.slice(0, 400);

const lists = ['easyprivacy.txt', 'easylist.txt'].map((f) => ({ name: f, raw: readFileSync(join(root, 'data/lists', f), 'utf8') }));

function memory() {
  globalThis.gc();
  globalThis.gc();
  const m = process.memoryUsage();
  return { js: m.heapUsed + m.external, rss: m.rss };
}
const mb = (bytes) => Math.round((bytes / 1048576) * 100) / 100;
const ms = (ns) => Math.round(Number(ns) / 1e4) / 100;

// Each engine: build (untimed), serialise, then time ready-from-serialised and
// measure the heap it holds; `match(r)` is one request.
async function borderline() {
  const pkg = join(root, 'target/wasm-pkg');
  if (!existsSync(join(pkg, 'borderline_wasm_bg.wasm'))) throw new Error('no wasm build: run `node extension/build.mjs --wasm-only` (make peers does)');
  const { initSync, Core } = await import(join(pkg, 'borderline_wasm.js'));
  let bytes = readFileSync(join(pkg, 'borderline_wasm_bg.wasm'));
  const wasmBytes = bytes.length;
  let t = process.hrtime.bigint();
  const module = new WebAssembly.Module(bytes);
  const compileNs = process.hrtime.bigint() - t;
  bytes = null;
  // The data packs as the shells hold them: bytes in memory, read untimed (as Ghostery's buffer).
  const listsPack = new Uint8Array(readFileSync(join(pkg, 'lists.bin')));
  const locationsPack = new Uint8Array(readFileSync(join(pkg, 'locations.bin')));
  const before = memory();
  t = process.hrtime.bigint();
  const wasm = initSync({ module });
  const instantiateNs = process.hrtime.bigint() - t;
  const core = new Core(listsPack, locationsPack);
  const readyNs = process.hrtime.bigint() - t;
  const after = memory();
  const wasmMemory = wasm.memory.buffer.byteLength;
  // The wasm memory is an ArrayBuffer, so it is in the JS figure too: count it once.
  const heap = Math.max(wasmMemory, after.js - before.js);
  const note = `wasm ${mb(wasmBytes)} MB, compiled in ${ms(compileNs)} ms (not in init); init = instantiate (${ms(instantiateNs)} ms) + new Core() over the data packs in memory (${mb(listsPack.length + locationsPack.length)} MB: copied in and read in place, shapes checked; PSL and entities are in the module); heap = wasm memory ${mb(wasmMemory)} MB, JS heap + external ${mb(after.js - before.js)} MB`;
  // One tab, its visit forgotten at the start of each round (a navigation):
  // the rounds' visits do not pile up in the module's memory.
  const TAB = 1;
  return [
    { engine: 'borderline (matching only)', init_ns: readyNs, heap_bytes: heap, note, match: (r) => core.check(r.url, r.page, r.type) & 2, detail: (r) => core.check(r.url, r.page, r.type) },
    {
      engine: 'borderline (full pipeline)',
      init_ns: readyNs,
      heap_bytes: heap,
      note: 'observe(): parse, PSL, lists, entity, IP location, aggregate into the tab\'s visit (reset each round)',
      startRound: () => core.resetTab(TAB),
      match: (r) => core.observe(TAB, r.url, r.page, r.type, 'GET', r.ip, 200, 500, 5000, 0, 1.7e12, undefined, undefined, undefined) & 2,
    },
  ];
}

async function ubo() {
  const { StaticNetFilteringEngine } = await import('@gorhill/ubo-core');
  const builder = await StaticNetFilteringEngine.create();
  await builder.useLists(lists);
  const serialized = await builder.serialize();
  const before = memory();
  const t = process.hrtime.bigint();
  // ubo-core allows one engine per process: this one is made ready again from its serialised form.
  await builder.deserialize(serialized);
  const readyNs = process.hrtime.bigint() - t;
  const after = memory();
  const { version } = require('@gorhill/ubo-core/package.json');
  return [{ engine: `ubo-core ${version}`, init_ns: readyNs, heap_bytes: null, heap_note_bytes: after.js - before.js, note: 'matchRequest({originURL, url, type}); heap not separable (one engine per process, replaced in place)', match: (r) => (builder.matchRequest({ originURL: r.page, url: r.url, type: r.type }) === 1 ? 2 : 0) }];
}

async function ghostery() {
  const { FiltersEngine, Request } = await import('@ghostery/adblocker');
  const built = FiltersEngine.parse(lists.map((l) => l.raw).join('\n'), { loadCosmeticFilters: false, loadNetworkFilters: true });
  const serialized = built.serialize();
  const before = memory();
  const t = process.hrtime.bigint();
  const engine = FiltersEngine.deserialize(serialized);
  const readyNs = process.hrtime.bigint() - t;
  const after = memory();
  const { version } = require('@ghostery/adblocker/package.json');
  return [{ engine: `@ghostery/adblocker ${version}`, init_ns: readyNs, heap_bytes: after.js - before.js, note: 'match(Request.fromRawDetails({url, sourceUrl, type})), request parsing included', match: (r) => (engine.match(Request.fromRawDetails({ url: r.url, sourceUrl: r.page, type: r.type })).match ? 2 : 0) }];
}

async function adblockRs() {
  let mod;
  try {
    mod = require('adblock-rs');
  } catch (e) {
    console.warn(`adblock-rs did not load (${e.message.split('\n')[0]}); its native figures are in \`make bench\``);
    return [];
  }
  const set = new mod.FilterSet(false);
  for (const l of lists) set.addFilters(l.raw);
  const serialized = new mod.Engine(set).serialize();
  const before = memory();
  const t = process.hrtime.bigint();
  const engine = new mod.Engine(new mod.FilterSet(false));
  engine.deserialize(serialized);
  const readyNs = process.hrtime.bigint() - t;
  const after = memory();
  const { version } = require('adblock-rs/package.json');
  return [{ engine: `adblock-rs ${version} (native addon)`, init_ns: readyNs, heap_bytes: null, heap_note_bytes: after.rss - before.rss, note: 'check(url, sourceUrl, type); native heap, not visible to V8 (RSS delta in notes)', match: (r) => {
    // It throws on URLs it cannot parse; a refusal is a non-match, as for the others.
    try {
      return engine.check(r.url, r.page, r.type) ? 2 : 0;
    } catch {
      return 0;
    }
  } }];
}

const engines = [...(await borderline()), ...(await ubo()), ...(await ghostery()), ...(await adblockRs())];
for (const e of engines) {
  e.samples = new Float64Array(requests.length * ROUNDS);
  e.n = 0;
  e.matched = 0;
}

// Warm-up pass (JIT, lazily compiled regexes), keeping each engine's verdict
// per request for the agreement table; then the timed rounds.
for (const e of engines) {
  e.startRound?.();
  e.verdicts = new Uint8Array(requests.length);
  requests.forEach((r, i) => { e.verdicts[i] = e.match(r) ? 1 : 0; });
}
for (let round = 0; round < ROUNDS; round++) {
  const order = engines.map((_, i) => engines[(i + round) % engines.length]);
  for (const e of order) {
    e.startRound?.();
    let matched = 0;
    for (const r of requests) {
      const t = process.hrtime.bigint();
      const m = e.match(r);
      e.samples[e.n++] = Number(process.hrtime.bigint() - t);
      matched += m ? 1 : 0;
    }
    e.matched = matched;
  }
}
// The cost of the timer itself, subtracted from every figure.
const overhead = (() => {
  const s = new Float64Array(100000);
  for (let i = 0; i < s.length; i++) {
    const t = process.hrtime.bigint();
    s[i] = Number(process.hrtime.bigint() - t);
  }
  s.sort();
  return s[s.length >> 1];
})();

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.round((sorted.length - 1) * p))];
const rows = engines.map((e) => {
  const s = e.samples.subarray(0, e.n).sort();
  return {
    engine: e.engine,
    median_ns: Math.max(0, Math.round(pct(s, 0.5) - overhead)),
    p99_ns: Math.max(0, Math.round(pct(s, 0.99) - overhead)),
    init_ms: ms(e.init_ns),
    heap_mb: e.heap_bytes == null ? null : mb(e.heap_bytes),
    matched: e.matched,
    notes: e.note + (e.heap_note_bytes != null ? ` (${mb(e.heap_note_bytes)} MB)` : ''),
  };
});

// Per-request agreement of Borderline's verdict (matching only) with each
// peer's, and every difference by kind: what decided Borderline's verdict
// (its platform-telemetry list, the entity map, EasyPrivacy/EasyList, or
// nothing) and the request's type.
const ours = engines.find((e) => e.engine.startsWith('borderline (matching'));
const why = (r) => {
  const f = ours.detail(r);
  if (!(f & 2)) return 'not flagged by Borderline';
  if (f & 32) return 'Borderline: platform-telemetry list';
  if (f & 64) return 'Borderline: entity map only';
  return 'Borderline: EasyPrivacy/EasyList rule';
};
const agreement = engines.filter((e) => !e.engine.startsWith('borderline')).map((peer) => {
  const kinds = {};
  let agree = 0;
  requests.forEach((r, i) => {
    if (ours.verdicts[i] === peer.verdicts[i]) {
      agree += 1;
      return;
    }
    const k = `${why(r)} · ${peer.engine.split(' ')[0]} ${peer.verdicts[i] ? 'flags' : 'does not flag'} · ${r.type}`;
    kinds[k] ??= { n: 0, examples: [] };
    kinds[k].n += 1;
    // A few examples per kind (the URL cut short), so each kind can be explained.
    if (kinds[k].examples.length < 3) kinds[k].examples.push(r.url.slice(0, 90));
  });
  return { peer: peer.engine, requests: requests.length, agree, differ: requests.length - agree, kinds: Object.entries(kinds).sort((a, b) => b[1].n - a[1].n) };
});

const out = join(root, 'target/bench');
mkdirSync(out, { recursive: true });
const meta = { requests: requests.length, rounds: ROUNDS, timer_overhead_ns: overhead, node: process.version, cpu: os.cpus()[0]?.model, cores: os.cpus().length, quick };
writeFileSync(join(out, quick ? 'peers-quick.json' : 'peers.json'), JSON.stringify(rows.map(({ engine, median_ns, p99_ns, init_ms, heap_mb }) => ({ engine, median_ns, p99_ns, init_ms, heap_mb })), null, 2) + '\n');
writeFileSync(join(out, quick ? 'peers-quick.meta.json' : 'peers.meta.json'), JSON.stringify({ ...meta, rows, agreement }, null, 2) + '\n');

const fmt = (ns) => (ns >= 1000 ? `${(ns / 1000).toFixed(2)} µs` : `${ns} ns`);
const full = rows.find((r) => r.engine.startsWith('borderline (full'));
const match = rows.find((r) => r.engine.startsWith('borderline (matching'));
const lines = [
  `${meta.requests} requests × ${meta.rounds} rounds, node ${meta.node}, ${meta.cpu} (${meta.cores} cores); timer overhead ${overhead} ns subtracted.`,
  '',
  '| engine | median | p99 | ready from serialised | heap after init | flagged | Borderline full ÷ engine (median) |',
  '|---|---|---|---|---|---|---|',
  ...rows.map((r) => `| ${r.engine} | ${fmt(r.median_ns)} | ${fmt(r.p99_ns)} | ${r.init_ms} ms | ${r.heap_mb == null ? 'n/a' : `${r.heap_mb} MB`} | ${r.matched} | ${(full.median_ns / r.median_ns).toFixed(2)}× |`),
  '',
  ...rows.map((r) => `- ${r.engine}: ${r.notes}`),
  '',
  '### Per-request agreement with Borderline (matching only)',
  '',
  '| peer | requests | same verdict | different |',
  '|---|---|---|---|',
  ...agreement.map((a) => `| ${a.peer} | ${a.requests} | ${a.agree} (${((100 * a.agree) / a.requests).toFixed(1)}%) | ${a.differ} |`),
  '',
  ...agreement.flatMap((a) => [`Differences with ${a.peer}, by kind:`, '', ...a.kinds.map(([k, v]) => `- ${k}: ${v.n} (e.g. ${v.examples.map((u) => '`' + u + '`').join(', ')})`), '']),
];
console.log(lines.join('\n'));
writeFileSync(join(out, quick ? 'peers-quick.md' : 'peers.md'), lines.join('\n') + '\n');
if (!(full.median_ns > 0 && match.matched > 0)) throw new Error('the harness measured nothing for Borderline');
