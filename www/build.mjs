// Builds dist/www: the page, its worker, the wasm core (shared with the
// extension's build), the report stylesheet and the bundled sample capture.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const target = process.env.CARGO_TARGET_DIR || join(root, 'target');
const dist = join(root, 'dist', 'www');

execFileSync('node', [join(root, 'extension/build.mjs'), '--wasm-only'], { cwd: root, stdio: 'inherit' });
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
for (const f of ['index.html', 'app.js', 'worker.js', 'style.css', 'sw.js']) cpSync(join(here, f), join(dist, f));
cpSync(join(root, 'extension/src/popup/popup.css'), join(dist, 'report.css'));
cpSync(join(root, 'tests/fixtures/tiktok/foryou/capture.har'), join(dist, 'sample.har'));
cpSync(join(target, 'wasm-pkg'), join(dist, 'wasm'), { recursive: true });
console.log(`built ${dist}`);
