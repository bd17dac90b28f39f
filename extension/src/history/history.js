// The history page: visits per site over time, from the background's store.
const api = globalThis.browser ?? globalThis.chrome;
const $ = (id) => document.getElementById(id);

function cell(row, text, cls) {
  const td = document.createElement('td');
  td.textContent = text;
  if (cls) td.className = cls;
  row.append(td);
}

function render(visits) {
  const bySite = new Map();
  for (const v of visits) bySite.set(v.site, [...(bySite.get(v.site) || []), v]);
  const out = [];
  for (const [site, list] of [...bySite].sort((a, b) => b[1].length - a[1].length)) {
    list.sort((a, b) => a.first_seen_ms - b.first_seen_ms);
    const section = document.createElement('section');
    const h = document.createElement('h2');
    h.textContent = `${site} — ${list.length} visit${list.length === 1 ? '' : 's'}`;
    const table = document.createElement('table');
    const head = table.createTHead().insertRow();
    for (const t of ['When', 'Grade', 'Requests', 'Tracker requests', 'Trackers', 'Countries', 'Sent', 'New']) {
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
    section.append(h, table);
    out.push(section);
  }
  if (out.length) $('sites').replaceChildren(...out);
}

async function load() {
  const r = await api.runtime.sendMessage({ type: 'borderline:history' });
  // The error first: when storage fails, the reply may carry nothing else.
  $('error').hidden = !r.error;
  $('error').textContent = r.error ? `History could not be saved: ${r.error}` : '';
  if (r.settings) {
    $('enabled').checked = r.settings.enabled;
    $('days').value = r.settings.retentionDays;
  }
  render(r.visits || []);
}

$('settings').addEventListener('submit', async (e) => {
  e.preventDefault();
  await api.storage.local.set({ history: $('enabled').checked, retentionDays: Number($('days').value) || 30 });
  $('status').textContent = 'Saved.';
});
$('clear').addEventListener('click', async () => {
  await api.runtime.sendMessage({ type: 'borderline:history-clear' });
  $('sites').replaceChildren();
  $('status').textContent = 'History cleared.';
});
load();
