// Start-up marks, in milliseconds since this worker's time origin (its start).
// Imported first, so `scriptStart` is when our code began to run. Read by the
// cold-start benchmark (bench/coldstart.mjs) through `globalThis.borderline`.
// The first request's verdict (the lists') is `firstVerdictDelay` after it was
// made; its server is judged (badge colour, warnings) `firstLocatedDelay` after.
export const timing = {
  scriptStart: performance.now(), wasmReady: null, listsRead: null, coreBuilt: null, coreReady: null,
  savedRead: null, snapshotsRestored: null, journalReplayed: null, eventsReplayed: null,
  locationsRead: null, located: null, firstVerdictDelay: null, firstLocatedDelay: null,
};
