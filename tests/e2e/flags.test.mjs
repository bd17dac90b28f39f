// The extension's copy of the core's flag bits (extension/src/background/flags.js)
// is the core's (`pub mod flags` in extension/wasm/src/lib.rs), bit for bit:
// a bit missing on the JavaScript side reads as 0 and silently turns its
// branch off.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './browser.mjs';
import { FLAGS } from '../../extension/src/background/flags.js';

test('the extension reads the core flags as the core writes them', () => {
  const lib = readFileSync(join(ROOT, 'extension/wasm/src/lib.rs'), 'utf8');
  const module = lib.slice(lib.indexOf('pub mod flags {'));
  const body = module.slice(0, module.indexOf('\n}\n'));
  const core = Object.fromEntries([...body.matchAll(/pub const (\w+): u32 = (\d+);/g)].map(([, name, value]) => [name, Number(value)]));
  assert.ok(Object.keys(core).length >= 9, `the core's flags were found: ${JSON.stringify(core)}`);
  assert.deepEqual(FLAGS, core);
});
