// The popup: asks the background for the core-rendered report of a tab and
// mounts it. The markup comes from the core's renderer, which escapes every
// string; this file only wires buttons.
import { api } from '../platform.js';
import { localisePage, saveFile } from '../pages.js';

localisePage();

async function currentTab() {
  const param = new URLSearchParams(location.search).get('tab');
  if (param !== null && /^-?\d+$/.test(param)) return Number(param);
  const [tab] = await api.tabs.query({ active: true, currentWindow: true });
  return tab ? tab.id : -1;
}

const main = document.getElementById('report');

async function load(tab) {
  const r = await api.runtime.sendMessage({ type: 'borderline:report', tab });
  if (r && r.html) {
    // Markup escaped by the core (maud), parsed inertly; the extension CSP forbids inline script anyway.
    const doc = new DOMParser().parseFromString(r.html, 'text/html');
    main.replaceChildren(...doc.body.childNodes);
    // The report is in the language the core chose; the popup's own labels follow the browser's.
    if (typeof r.lang === 'string') main.lang = r.lang;
    main.dir = r.dir === 'rtl' ? 'rtl' : 'ltr';
    document.title = api.i18n.getMessage('popupPageTitle', [String(r.site)]) || `Borderline: ${r.site}`;
  }
  // State that could not be saved (storage.session quota) is said, not swallowed.
  const saveError = document.getElementById('save-error');
  saveError.hidden = !(r && r.saveError);
  saveError.textContent = r && r.saveError ? `${api.i18n.getMessage('popupSaveError') || 'Part of this visit could not be saved and may be lost if the browser stops the extension:'} ${r.saveError}` : '';
  const tamper = r && r.bannerRemoved;
  const notice = document.getElementById('removed');
  notice.hidden = !tamper;
  if (tamper) {
    const words = { removed: ['popupBannerRemoved', "This page removed Borderline's warning banner."], hidden: ['popupBannerHidden', "This page hid or restyled Borderline's warning banner."], covered: ['popupBannerCovered', "This page covered Borderline's warning banner."] }[tamper];
    notice.textContent = api.i18n.getMessage(words[0]) || words[1];
    notice.dataset.reason = tamper;
  }
}

const TYPES = { json: 'application/json', csv: 'text/csv', html: 'text/html' };

// Firefox for Android shows the popup as a sheet from which a blob download
// saves nothing: there an export opens as a page of its own (export.html).
const onAndroid = api.runtime.getPlatformInfo().then((p) => p.os === 'android', () => false);

currentTab().then((tab) => {
  load(tab);
  document.getElementById('only-trackers').addEventListener('change', (e) => main.classList.toggle('only-trackers', e.target.checked));
  document.getElementById('only-foreign').addEventListener('change', (e) => main.classList.toggle('only-foreign', e.target.checked));
  for (const b of document.querySelectorAll('[data-export]')) {
    b.addEventListener('click', async () => {
      if (await onAndroid) {
        api.tabs.create({ url: api.runtime.getURL(`export/export.html?tab=${tab}&format=${b.dataset.export}`) });
        return;
      }
      const r = await api.runtime.sendMessage({ type: 'borderline:export', tab, format: b.dataset.export });
      if (r && r.text) saveFile(`borderline-${r.site || 'report'}.${b.dataset.export}`, TYPES[b.dataset.export], r.text);
    });
  }
  document.getElementById('open-history').addEventListener('click', () => api.tabs.create({ url: api.runtime.getURL('history/history.html') }));
  document.getElementById('open-in-tab').addEventListener('click', () => api.tabs.create({ url: api.runtime.getURL(`popup/popup.html?tab=${tab}`) }));
});
