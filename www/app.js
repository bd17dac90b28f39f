// The page: hands the chosen file to the worker and mounts what the core
// renders. All report markup comes from the core's renderer, escaped there.
const $ = (id) => document.getElementById(id);
const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
const MAX_BYTES = 1536 * 1024 * 1024; // past this, browsers run out of memory for a HAR's text
const isPackets = (name) => /\.(pcap|pcapng|cap)$/i.test(name);

let nextId = 0;
const pending = new Map();
let sites = [];

function fail(message) {
  $('progress').hidden = true;
  $('error').textContent = message;
  $('error').hidden = false;
}

// The reader's languages: a ?lang= on the page's address first, then the browser's.
const wanted = [new URLSearchParams(location.search).get('lang'), ...navigator.languages].filter((l) => typeof l === 'string' && l.length > 0 && l.length < 36);
/** The page's own words in the reader's language (English until the core answers). */
let words = {};
// A message's variables are left by the core as {$name}: filled in here, as text.
const word = (id, fallback, args = {}) => Object.entries(args).reduce((t, [k, v]) => t.replace(new RegExp(`\\{\\s*\\$${k}\\s*\\}`, 'g'), () => String(v)), words[id] || fallback);
worker.postMessage({ type: 'messages', lang: wanted });

/** Sets the page's static words: data-l10n-id for text, data-l10n-attr="aria-label" (etc.) for one attribute. */
function localise(m) {
  words = m.messages;
  document.documentElement.lang = m.lang;
  document.documentElement.dir = m.dir;
  for (const el of document.querySelectorAll('[data-l10n-id]')) {
    const text = m.messages[el.dataset.l10nId];
    if (typeof text !== 'string') continue;
    if (el.dataset.l10nAttr) el.setAttribute(el.dataset.l10nAttr, text);
    else if (el.tagName === 'TITLE') document.title = text;
    else el.textContent = text;
  }
}

worker.onmessage = ({ data }) => {
  if (data.type === 'messages') {
    localise(data);
  } else if (data.type === 'progress') {
    $('progress').max = data.total || 1;
    $('progress').value = data.done;
  } else if (data.type === 'opened') {
    $('progress').hidden = true;
    sites = data.sites;
    const select = $('site');
    select.replaceChildren(...sites.map((s) => new Option(`${s.label ? `${s.label}: ` : ''}${s.site} (${s.requests} ${s.unit})`, s.site)));
    select.disabled = sites.length < 2;
    show();
  } else if (data.type === 'rendered' || data.type === 'error') {
    const p = pending.get(data.id);
    pending.delete(data.id);
    if (p) data.type === 'error' ? p.reject(new Error(data.message)) : p.resolve(data.text);
    else if (data.type === 'error') fail(data.message);
  }
};
worker.onerror = (e) => fail(word('www-worker-failed', 'The report could not be made: { $reason }', { reason: e.message || 'the worker stopped' }));

function policy() {
  const preset = $('policy').value === 'custom' ? $('custom').value : $('policy').value;
  return { home: $('home').value.trim().toUpperCase() || 'US', preset };
}

function render(format) {
  const id = ++nextId;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker.postMessage({ type: 'render', id, site: $('site').value, format, lang: wanted, ...policy() });
  });
}

function mount(el, html) {
  // Markup from the core's renderer (maud, escaped), parsed inertly.
  el.replaceChildren(...new DOMParser().parseFromString(html, 'text/html').body.childNodes);
}

async function show() {
  try {
    mount($('report'), await render('view'));
    $('error').hidden = true;
    $('result').hidden = false;
  } catch (e) {
    fail(e.message);
  }
}

function open(file) {
  $('error').hidden = true;
  $('result').hidden = true;
  if (file.size > MAX_BYTES && !isPackets(file.name)) return fail(word('www-too-large', 'This file is { $size } MB: too large to read in a browser (limit { $limit } MB). The command-line tool reads larger captures.', { size: (file.size / 1048576).toFixed(0), limit: MAX_BYTES / 1048576 }));
  $('progress').hidden = false;
  $('progress').removeAttribute('value');
  worker.postMessage({ type: 'open', file });
}

$('file').addEventListener('change', (e) => e.target.files[0] && open(e.target.files[0]));
const drop = $('drop');
drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', (e) => {
  e.preventDefault();
  drop.classList.remove('over');
  if (e.dataTransfer.files[0]) open(e.dataTransfer.files[0]);
});
$('sample').addEventListener('click', async () => open(new File([await (await fetch('sample.har')).blob()], 'sample.har')));
$('sample-phone').addEventListener('click', async () => open(new File([await (await fetch('sample-phone.pcapng')).blob()], 'sample-phone.pcapng')));
for (const id of ['home', 'site', 'custom']) $(id).addEventListener('change', () => sites.length && show());
$('policy').addEventListener('change', () => {
  $('custom').hidden = $('policy').value !== 'custom';
  if (sites.length) show();
});
$('only-trackers').addEventListener('change', (e) => $('report').classList.toggle('only-trackers', e.target.checked));
$('only-foreign').addEventListener('change', (e) => $('report').classList.toggle('only-foreign', e.target.checked));

const TYPES = { json: 'application/json', csv: 'text/csv', html: 'text/html' };
for (const b of document.querySelectorAll('[data-export]')) {
  b.addEventListener('click', async () => {
    try {
      const text = await render(b.dataset.export);
      const a = document.createElement('a');
      a.href = URL.createObjectURL(new Blob([text], { type: TYPES[b.dataset.export] }));
      a.download = `borderline-${$('site').value || 'report'}.${b.dataset.export}`;
      document.body.append(a);
      a.click();
      a.remove();
    } catch (e) {
      fail(e.message);
    }
  });
}

// Offline once loaded (ignored where service workers are unavailable, e.g. file://).
navigator.serviceWorker?.register('sw.js').catch(() => {});
