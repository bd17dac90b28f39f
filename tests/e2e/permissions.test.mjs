// Permissions guard: every permission, host permission and content-script
// match in the manifests must be justified in docs/permissions.md, so a new
// permission cannot land without its reason.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
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

// The permission set, canonical: each manifest's permissions, optional
// permissions, host permissions, content-script matches and CSP, sorted.
function permissionSet() {
  return ['base', 'chromium', 'firefox'].map((name, i) => {
    const m = manifests[i];
    const sorted = (xs) => [...(xs || [])].sort();
    return { name, permissions: sorted(m.permissions), optional: sorted(m.optional_permissions), hosts: sorted(m.host_permissions), optional_hosts: sorted(m.optional_host_permissions), content: sorted((m.content_scripts || []).flatMap((c) => c.matches)), csp: m.content_security_policy ?? null };
  });
}

test('docs/permissions.md is changed whenever the permissions are (fingerprint)', () => {
  const fingerprint = createHash('sha256').update(JSON.stringify(permissionSet())).digest('hex').slice(0, 16);
  const m = doc.match(/Permission set fingerprint: `([0-9a-f]{16})`/);
  assert.ok(m, 'docs/permissions.md states the permission set fingerprint');
  assert.equal(m[1], fingerprint, `the manifests' permissions changed: review docs/permissions.md, then set its fingerprint to ${fingerprint}`);
});

test('docs/permissions.md justifies nothing that is no longer requested', () => {
  const asked = new Set(permissionSet().flatMap((s) => [...s.permissions, ...s.optional, ...s.hosts, ...s.optional_hosts, ...s.content]));
  const table = doc.split('\n').filter((l) => l.startsWith('| `') || l.startsWith('| host permission `') || l.startsWith('| content script on `'));
  for (const row of table) {
    const first = row.split('|')[1];
    for (const [, p] of first.matchAll(/`([^`]+)`/g)) assert.ok(asked.has(p), `docs/permissions.md justifies ${p}, which no manifest requests`);
  }
});
