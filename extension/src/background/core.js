// Loads the wasm core once per service-worker life and restores saved state.
import init, { Core } from '../wasm/borderline_wasm.js';
import { OVERLAY } from '../overlay.js';
import { api, loadSettings } from '../platform.js';
import { restoreInto } from './persist.js';
import { timing } from './timing.js';

export const FLAGS = { RECORDED: 1, TRACKER: 2, SERVER_OF_CONCERN: 4, ENTITY_OF_CONCERN: 8, NEW_ENDPOINT: 16, TELEMETRY: 32 };

export const ready = (async () => {
  await init({ module_or_path: api.runtime.getURL('wasm/borderline_wasm_bg.wasm') });
  timing.wasmReady = performance.now();
  const core = new Core(OVERLAY ? JSON.stringify(OVERLAY) : undefined);
  const s = await loadSettings();
  try { core.setPolicy(s.home, s.preset); } catch (e) { console.warn('Borderline: bad saved policy, using the default', e); }
  await restoreInto(core);
  timing.coreReady = performance.now();
  return core;
})();
