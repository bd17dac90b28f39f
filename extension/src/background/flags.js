// The bits Core.observe returns (extension/wasm/src/lib.rs, `flags`; tests/e2e/flags.test.mjs keeps the two equal).
export const FLAGS = { RECORDED: 1, TRACKER: 2, SERVER_OF_CONCERN: 4, ENTITY_OF_CONCERN: 8, NEW_ENDPOINT: 16, TELEMETRY: 32, ENTITY_MAP: 64, EVICTED: 128, UNLOCATED: 256 };
