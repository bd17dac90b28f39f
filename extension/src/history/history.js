// The history page: visits per site over time, from the background's store.
import { api } from '../platform.js';
import { localisePage } from '../pages.js';
const $ = (id) => document.getElementById(id);

localisePage();

function cell(row, text, cls) {
  const td = document.createElement('td');
  td.textContent = text;
  if (cls) td.className = cls;
  row.append(td);
}

/** The core's markup for a site's latest visit (escaped there), parsed inertly. */
function glanceOf(html, lang) {
  if (!html) return null;
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const div = document.createElement('div');
  div.className = 'history-glance';
  if (lang) div.lang = lang;
  div.append(...doc.body.childNodes);
  return div;
}

function render(visits, glances = {}, lang = '') {
  const bySite = new Map();
  for (const v of visits) bySite.set(v.site, [...(bySite.get(v.site) || []), v]);
  const out = [];
  for (const [site, list] of [...bySite].sort((a, b) => b[1].length - a[1].length)) {
    list.sort((a, b) => a.first_seen_ms - b.first_seen_ms);
    const section = document.createElement('section');
    const h = document.createElement('h2');
    h.textContent = list.length === 1
      ? api.i18n.getMessage('historyVisitsOne', [site, String(list.length)]) || `${site} — ${list.length} visit`
      : api.i18n.getMessage('historyVisitsOther', [site, String(list.length)]) || `${site} — ${list.length} visits`;
    const table = document.createElement('table');
    const head = table.createTHead().insertRow();
    const COLUMNS = [['historyColWhen', 'When'], ['historyColGrade', 'Grade'], ['historyColRequests', 'Requests'], ['historyColTrackerRequests', 'Tracker requests'], ['historyColTrackers', 'Trackers'], ['historyColCountries', 'Countries'], ['historyColSent', 'Sent'], ['historyColNew', 'New']];
    for (const t of COLUMNS.map(([key, english]) => api.i18n.getMessage(key) || english)) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = t;
      head.append(th);
    }
    const body = table.createTBody();
    const seenTrackers = new Set();
    const seenCountries = new Set();
    list.forEach((v, i) => {
      const row = body.insertRow();
      row.className = 'visit';
      cell(row, new Date(v.first_seen_ms).toLocaleString());
      cell(row, v.grade);
      cell(row, String(v.requests), 'num');
      cell(row, String(v.tracker_requests), 'num');
      cell(row, v.trackers.join(', '));
      cell(row, v.countries.join(', '));
      cell(row, `${(v.bytes_sent / 1024).toFixed(1)} kB`, 'num');
      const fresh = i === 0 ? [] : [...v.trackers.filter((t) => !seenTrackers.has(t)), ...v.countries.filter((c) => !seenCountries.has(c))];
      cell(row, fresh.join(', '), fresh.length ? 'alert' : '');
      v.trackers.forEach((t) => seenTrackers.add(t));
      v.countries.forEach((c) => seenCountries.add(c));
    });
    const glance = glanceOf(glances[site], lang);
    // Headings inside the first screen rank under the site's own.
    glance?.querySelectorAll('h2').forEach((x) => { const h3 = document.createElement('h3'); h3.append(...x.childNodes); x.replaceWith(h3); });
    glance?.querySelectorAll('section.glance').forEach((x) => x.removeAttribute('aria-labelledby'));
    section.append(h, ...(glance ? [glance] : []), table);
    out.push(section);
  }
  if (out.length) $('sites').replaceChildren(...out);
}

async function load() {
  const r = await api.runtime.sendMessage({ type: 'borderline:history' });
  // The error first: when storage fails, the reply may carry nothing else.
  $('error').hidden = !r.error;
  $('error').textContent = r.error ? api.i18n.getMessage('historySaveError', [String(r.error)]) || `History could not be saved: ${r.error}` : '';
  if (r.settings) {
    $('enabled').checked = r.settings.enabled;
    $('days').value = r.settings.retentionDays;
  }
  render(r.visits || [], r.glances || {}, r.lang || '');
}

$('settings').addEventListener('submit', async (e) => {
  e.preventDefault();
  await api.storage.local.set({ history: $('enabled').checked, retentionDays: Number($('days').value) || 30 });
  $('status').textContent = api.i18n.getMessage('historySaved') || 'Saved.';
});
$('clear').addEventListener('click', async () => {
  await api.runtime.sendMessage({ type: 'borderline:history-clear' });
  $('sites').replaceChildren();
  $('status').textContent = api.i18n.getMessage('historyCleared') || 'History cleared.';
});
load();
