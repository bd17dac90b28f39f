// Permissions guard: every permission, host permission and content-script
// match in the manifests must be justified in docs/permissions.md, so a new
// permission cannot land without its reason.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './browser.mjs';

const read = (p) => readFileSync(join(ROOT, p), 'utf8');
const manifests = ['extension/manifest.base.json', 'extension/manifest.chromium.json', 'extension/manifest.firefox.json'].map((p) => JSON.parse(read(p)));
const doc = read('docs/permissions.md');

test('every requested permission is justified in docs/permissions.md', () => {
  const asked = new Set();
  for (const m of manifests) {
    for (const p of m.permissions || []) asked.add(p);
    for (const p of m.optional_permissions || []) asked.add(p);
    for (const p of m.host_permissions || []) asked.add(p);
    for (const cs of m.content_scripts || []) for (const p of cs.matches) asked.add(p);
  }
  assert.ok(asked.size >= 4);
  for (const p of asked) assert.ok(doc.includes(`\`${p}\``), `permission ${p} is not justified in docs/permissions.md`);
});

test('nothing blocking or broader than observation is requested', () => {
  const all = manifests.flatMap((m) => [...(m.permissions || []), ...(m.optional_permissions || [])]);
  for (const p of ['webRequestBlocking', 'declarativeNetRequest', 'cookies', 'history', 'scripting', 'debugger', 'downloads']) {
    assert.ok(!all.includes(p), `${p} must not be requested`);
  }
  assert.equal(manifests[0].externally_connectable, undefined, 'no web page can message the extension');
});
