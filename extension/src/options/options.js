// Options: home country (guessed, always shown and editable), policy, warnings.
import { api, guessHome, loadSettings, VIDEO_SITES } from '../platform.js';
import { localisePage } from '../pages.js';

localisePage();

const form = document.getElementById('form');
const guess = guessHome();
document.getElementById('home-guess').textContent = api.i18n.getMessage('optionsHomeGuess', [guess]) || `Guessed from your browser's language and time zone: ${guess}`;

const languages = api.runtime.sendMessage({ type: 'borderline:languages' }).then((r) => {
  for (const [tag, name] of JSON.parse(r.json)) {
    const o = document.createElement('option');
    o.value = tag;
    o.textContent = name;
    o.lang = tag;
    form.language.append(o);
  }
});

Promise.all([loadSettings(), languages]).then(([s]) => {
  form.language.value = s.language;
  form.home.value = s.home;
  const custom = !['us', 'eu'].includes(s.preset);
  form.preset.value = custom ? 'custom' : s.preset;
  form.custom.value = custom ? s.preset : '';
  form.warnMode.value = s.warnMode;
  form.sites.value = s.warnSites.join(', ');
});

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  const home = form.home.value.trim().toUpperCase();
  const preset = form.preset.value === 'custom' ? form.custom.value.trim().toUpperCase() : form.preset.value;
  const warnMode = form.warnMode.value;
  const warnSites = form.sites.value.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const status = document.getElementById('status');
  const language = form.language.value;
  const r = await api.runtime.sendMessage({ type: 'borderline:settings', home, preset, language });
  if (r && r.error) {
    status.textContent = r.error;
    return;
  }
  await api.storage.local.set({ home, preset, warnMode, warnSites, language });
  status.textContent = api.i18n.getMessage('optionsSaved') || 'Saved.';
});

api.runtime.sendMessage({ type: 'borderline:sources' }).then((r) => {
  const ul = document.getElementById('sources');
  for (const d of JSON.parse(r.json)) {
    const li = document.createElement('li');
    li.textContent = `${d.name} — ${d.version} (${d.date}), ${d.licence}. ${d.attribution}`;
    ul.append(li);
  }
});
