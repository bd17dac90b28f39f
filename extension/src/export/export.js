// One export (JSON, CSV or the printable HTML) of one tab's report as a page
// of its own: where a blob download from the popup is awkward (Firefox for
// Android opens the popup as a sheet and saves nothing from it), the export
// is shown here, to save, copy, share or print from the browser's menu. The
// text is the same the popup's buttons save; it is shown as text (JSON, CSV)
// or in a sandboxed frame that runs no script (HTML).
const api = globalThis.browser ?? globalThis.chrome;

for (const el of document.querySelectorAll('[data-i18n]')) {
  const text = api.i18n.getMessage(el.dataset.i18n);
  if (text) el.textContent = text;
}
// Attributes the same way: data-i18n-aria-label="key", data-i18n-title="key", data-i18n-placeholder="key".
for (const attr of ['aria-label', 'title', 'placeholder']) {
  for (const el of document.querySelectorAll(`[data-i18n-${attr}]`)) {
    const text = api.i18n.getMessage(el.getAttribute(`data-i18n-${attr}`));
    if (text) el.setAttribute(attr, text);
  }
}
// The language of the translation the browser picked for these labels.
document.documentElement.lang = api.i18n.getMessage('pageLang') || 'en';

const TYPES = { json: 'application/json', csv: 'text/csv', html: 'text/html' };
const params = new URLSearchParams(location.search);
const tab = /^-?\d+$/.test(params.get('tab') || '') ? Number(params.get('tab')) : -1;
const format = Object.hasOwn(TYPES, params.get('format')) ? params.get('format') : 'json';
const status = document.getElementById('status');

function fail(message) {
  const error = document.getElementById('error');
  error.textContent = message;
  error.hidden = false;
}

async function show() {
  let r;
  try {
    r = await api.runtime.sendMessage({ type: 'borderline:export', tab, format });
  } catch (e) {
    const why = String(e && e.message ? e.message : e);
    return fail(api.i18n.getMessage('exportFailed', [why]) || `The export could not be made: ${why}`);
  }
  if (!r || typeof r.text !== 'string') return fail(api.i18n.getMessage('exportNoReport') || 'The export could not be made: this tab has no report (it may have been closed).');
  const name = `borderline-${r.site || 'report'}.${format}`;
  document.getElementById('name').textContent = name;
  document.title = api.i18n.getMessage('exportPageTitleFile', [name]) || `Borderline: ${name}`;
  const content = document.getElementById('content');
  if (format === 'html') {
    // The report's own markup, escaped by the core; sandboxed so nothing in it can run.
    const frame = document.createElement('iframe');
    frame.setAttribute('sandbox', '');
    frame.title = name;
    frame.className = 'export-frame';
    frame.srcdoc = r.text;
    content.replaceChildren(frame);
  } else {
    const pre = document.createElement('pre');
    pre.className = 'export-text';
    pre.textContent = r.text;
    // A scrolling region reachable from the keyboard.
    pre.tabIndex = 0;
    pre.setAttribute('aria-label', name);
    content.replaceChildren(pre);
  }
  const save = document.getElementById('save');
  save.disabled = false;
  save.addEventListener('click', () => {
    const url = URL.createObjectURL(new Blob([r.text], { type: TYPES[format] }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  });
  const copy = document.getElementById('copy');
  copy.disabled = false;
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(r.text);
      status.textContent = api.i18n.getMessage('exportCopied') || 'Copied.';
    } catch (e) {
      status.textContent = `${api.i18n.getMessage('exportCopyFailed') || 'Could not copy:'} ${e && e.message ? e.message : e}`;
    }
  });
}

show();
