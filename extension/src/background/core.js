// Loads the wasm core once per service-worker life, with its data packs, and
// restores saved state. In two stages, so a wake does only what the first
// verdict needs: `ready` is the core over the filter lists (recording a
// request needs no location: its row keeps the server's address), with the
// stopped worker's state restored; `located` is the same core once the IP
// tables are read too, which everything that states a location waits for
// (the badge's colour, warnings, the popup, exports, history summaries).
import init, { Core } from '../wasm/borderline_wasm.js';
import { OVERLAY } from '../overlay.js';
import { loadSettings, readerLanguages } from '../platform.js';
import { forgetPack, loadPack, packSource } from './packs.js';
import { readSaved, restoreInto } from './persist.js';
import { timing } from './timing.js';
import { redrawBadges } from './warnings.js';
import { pruneSpill, spillAll } from './spill.js';

const overlay = OVERLAY ? JSON.stringify(OVERLAY) : undefined;
const MODULE = 'borderline_wasm_bg.wasm';

/** `use(bytes)` of the pack `name` read by `reading`; a cached copy the core (or the engine) rejects is dropped and the package read instead. */
async function usePack(name, reading, use) {
  const bytes = await reading;
  try {
    return await use(bytes);
  } catch (e) {
    // A pack read from the package is what the build wrote: reading it again
    // would give the same bytes, so the refusal stands.
    if (packSource[name] !== 'cache') throw e;
    console.warn(`Borderline: the cached ${name} was unusable; reading it from the package`, e);
    await forgetPack(name);
    return await use(await loadPack(name, { fresh: true }));
  }
}

export const ready = (async () => {
  // Every read starts at once: the module (small: code only) compiles while
  // the lists, the settings and the saved state are read.
  const settings = loadSettings();
  readSaved().catch(() => {}); // awaited (and its failure reported) by restoreInto
  const lists = loadPack('lists.bin').then((p) => { timing.listsRead = performance.now(); return p; });
  // The module's bytes, like the packs, from the IndexedDB copy when there is
  // one: read from the package, its 3.7 MB cost more than compiling them.
  await usePack(MODULE, loadPack(MODULE), (bytes) => init({ module_or_path: bytes }));
  timing.wasmReady = performance.now();
  const core = await usePack('lists.bin', lists, (bytes) => new Core(bytes, undefined, overlay));
  timing.coreBuilt = performance.now();
  const s = await settings;
  try { core.setPolicy(s.home, s.preset); } catch (e) { console.warn('Borderline: bad saved policy, using the default', e); }
  core.setLanguage(readerLanguages(s.language));
  await restoreInto(core);
  // Rows the replayed journal evicted from the ring: kept like live ones.
  spillAll(core);
  pruneSpill(core);
  timing.coreReady = performance.now();
  return core;
})();

export const located = ready.then(async (core) => {
  // Read once the core is ready: the tables' bytes arrive as tasks on this
  // worker's one thread, and would otherwise delay the first verdict.
  const tables = loadPack('locations.bin').then((p) => { timing.locationsRead = performance.now(); return p; });
  await usePack('locations.bin', tables, (bytes) => core.setLocations(bytes));
  timing.located = performance.now();
  // The badges of restored tabs, under the policy now in force: redrawn only
  // now, because their colour says whether a server of concern was reached.
  redrawBadges(core);
  return core;
});
