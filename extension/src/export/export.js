// One export (JSON, CSV or the printable HTML) of one tab's report as a page
// of its own: where a blob download from the popup is awkward (Firefox for
// Android opens the popup as a sheet and saves nothing from it), the export
// is shown here, to save, copy, share or print from the browser's menu. The
// text is the same the popup's buttons save; it is shown as text (JSON, CSV)
// or in a sandboxed frame that runs no script (HTML).
import { api } from '../platform.js';
import { localisePage, saveFile } from '../pages.js';

localisePage();

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
  save.addEventListener('click', () => saveFile(name, TYPES[format], r.text));
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
