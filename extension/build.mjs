// Builds the unpacked extensions: the wasm core (cargo + the wasm-bindgen CLI
// pinned to Cargo.lock's version), then dist/chromium and dist/firefox from
// one manifest source with per-browser overlays.
//
//   node extension/build.mjs                          # dist/chromium, dist/firefox
//   node extension/build.mjs --overlay FILE --out DIR # a test build whose IP overlay maps test addresses
//   node extension/build.mjs --wasm-only              # just target/wasm-pkg (www/ uses it too)
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const args = process.argv.slice(2);
const opt = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const overlayFile = opt('--overlay');
const outDir = opt('--out');

function run(cmd, argv) {
  execFileSync(cmd, argv, { cwd: root, stdio: 'inherit' });
}

function lockVersion(name) {
  const lock = readFileSync(join(root, 'Cargo.lock'), 'utf8');
  const m = lock.match(new RegExp(`name = "${name}"\\nversion = "([^"]+)"`));
  if (!m) throw new Error(`${name} is not in Cargo.lock`);
  return m[1];
}

const target = process.env.CARGO_TARGET_DIR || join(root, 'target');
run('cargo', ['build', '-p', 'borderline-wasm', '--lib', '--release', '--target', 'wasm32-unknown-unknown']);
const want = lockVersion('wasm-bindgen');
const have = execFileSync('wasm-bindgen', ['--version'], { encoding: 'utf8' }).trim().split(' ')[1];
if (have !== want) throw new Error(`wasm-bindgen CLI ${have} does not match the crate ${want}: run \`make deps\``);
const pkg = join(target, 'wasm-pkg');
rmSync(pkg, { recursive: true, force: true });
run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--remove-name-section', '--out-dir', pkg, join(target, 'wasm32-unknown-unknown/release/borderline_wasm.wasm')]);

if (!existsSync(join(pkg, 'borderline_wasm_bg.wasm'))) throw new Error('wasm-bindgen produced no module');
if (args.includes('--wasm-only')) process.exit(0);

const base = JSON.parse(readFileSync(join(here, 'manifest.base.json'), 'utf8'));
const overlay = overlayFile ? readFileSync(resolve(overlayFile), 'utf8') : null;
const browsers = outDir ? ['chromium'] : ['chromium', 'firefox'];
for (const browser of browsers) {
  const dist = outDir ? resolve(outDir) : join(root, 'dist', browser);
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(dist, { recursive: true });
  cpSync(join(here, 'src'), dist, { recursive: true });
  cpSync(pkg, join(dist, 'wasm'), { recursive: true });
  const manifest = { ...base, ...JSON.parse(readFileSync(join(here, `manifest.${browser}.json`), 'utf8')) };
  writeFileSync(join(dist, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  writeFileSync(join(dist, 'overlay.js'), `// IP overlay for test sites on loopback addresses; null in release builds.\nexport const OVERLAY = ${overlay ? JSON.stringify(JSON.parse(overlay)) : 'null'};\n`);
  console.log(`built ${dist}`);
}
