// Builds dist/www: the page, its worker, the wasm core with its capture
// readers and its data packs (extension/build.mjs --www), the report stylesheet and the bundled sample captures (a browser HAR, a phone PCAPNG).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const target = process.env.CARGO_TARGET_DIR || join(root, 'target');
const dist = join(root, 'dist', 'www');

execFileSync('node', [join(root, 'extension/build.mjs'), '--www'], { cwd: root, stdio: 'inherit' });
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
for (const f of ['index.html', 'app.js', 'worker.js', 'style.css', 'sw.js']) cpSync(join(here, f), join(dist, f));
cpSync(join(root, 'extension/src/popup/popup.css'), join(dist, 'report.css'));
cpSync(join(root, 'tests/fixtures/tiktok/foryou/capture.har'), join(dist, 'sample.har'));
cpSync(join(root, 'tests/fixtures/phone/tiktok-app/capture.pcapng'), join(dist, 'sample-phone.pcapng'));
cpSync(join(target, 'wasm-pkg-www'), join(dist, 'wasm'), { recursive: true });
// The offline cache is named after the content, so a new build replaces it.
const hash = createHash('sha256');
for (const f of ['index.html', 'app.js', 'worker.js', 'style.css', 'report.css', 'wasm/borderline_wasm.js', 'wasm/borderline_wasm_bg.wasm', 'wasm/lists.bin', 'wasm/locations.bin']) hash.update(readFileSync(join(dist, f)));
const sw = join(dist, 'sw.js');
writeFileSync(sw, readFileSync(sw, 'utf8').replace("'borderline-www-v1'", `'borderline-www-${hash.digest('hex').slice(0, 16)}'`));
console.log(`built ${dist}`);
