// Loads the wasm core once per service-worker life, with its data packs, and
// restores saved state.
import init, { Core } from '../wasm/borderline_wasm.js';
import { OVERLAY } from '../overlay.js';
import { api, loadSettings, readerLanguages } from '../platform.js';
import { forgetPacks, loadPacks, packSource } from './packs.js';
import { readSaved, restoreInto } from './persist.js';
import { timing } from './timing.js';
import { redrawBadges } from './warnings.js';
import { pruneSpill, spillAll } from './spill.js';

const overlay = OVERLAY ? JSON.stringify(OVERLAY) : undefined;

/** The core over the packs; a cached copy the core rejects is dropped and the package read instead. */
async function newCore(packs) {
  try {
    return new Core(packs.lists, packs.locations, overlay);
  } catch (e) {
    // Packs read from the package are what the build wrote: reading them again
    // would give the same bytes, so the refusal stands.
    if (!Object.values(packSource).includes('cache')) throw e;
    console.warn('Borderline: the cached data packs were unusable; reading them from the package', e);
    await forgetPacks();
    const fresh = await loadPacks({ fresh: true });
    return new Core(fresh.lists, fresh.locations, overlay);
  }
}

export const ready = (async () => {
  // Every read starts at once: the module (small: code only) compiles while
  // the packs, the settings and the saved state are read.
  const settings = loadSettings();
  readSaved().catch(() => {}); // awaited (and its failure reported) by restoreInto
  const [packs] = await Promise.all([
    loadPacks().then((p) => { timing.packsRead = performance.now(); return p; }),
    init({ module_or_path: api.runtime.getURL('wasm/borderline_wasm_bg.wasm') }).then(() => { timing.wasmReady = performance.now(); }),
  ]);
  const core = await newCore(packs);
  timing.coreBuilt = performance.now();
  const s = await settings;
  try { core.setPolicy(s.home, s.preset); } catch (e) { console.warn('Borderline: bad saved policy, using the default', e); }
  core.setLanguage(readerLanguages(s.language));
  await restoreInto(core);
  // The badges of restored tabs, under the policy now in force.
  redrawBadges(core);
  // Rows the replayed journal evicted from the ring: kept like live ones.
  spillAll(core);
  pruneSpill(core);
  timing.coreReady = performance.now();
  return core;
})();
