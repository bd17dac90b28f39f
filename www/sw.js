// Offline once loaded: keeps the page's own files in a cache and serves them
// from there; it never fetches anything but this site's own files.
// The build replaces the name with one derived from the files' content.
const CACHE = 'borderline-www-v2';
const FILES = ['./', 'index.html', 'app.js', 'worker.js', 'style.css', 'report.css', 'sample.har', 'sample-phone.pcapng', 'wasm/borderline_wasm.js', 'wasm/borderline_wasm_bg.wasm', 'wasm/lists.bin', 'wasm/locations.bin'];

self.addEventListener('install', (e) => e.waitUntil(caches.open(CACHE).then((c) => c.addAll(FILES)).then(() => self.skipWaiting())));
self.addEventListener('activate', (e) => e.waitUntil(caches.keys().then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k)))).then(() => self.clients.claim())));
self.addEventListener('fetch', (e) => {
  if (e.request.method !== 'GET' || new URL(e.request.url).origin !== location.origin) return;
  e.respondWith(caches.match(e.request).then((hit) => hit || fetch(e.request)));
});
