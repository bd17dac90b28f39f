// Start-up marks, in milliseconds since this worker's time origin (its start).
// Imported first, so `scriptStart` is when our code began to run. Read by the
// cold-start benchmark (bench/coldstart.mjs) through `globalThis.borderline`.
export const timing = { scriptStart: performance.now(), wasmReady: null, packsRead: null, coreBuilt: null, coreReady: null, firstVerdictDelay: null };
