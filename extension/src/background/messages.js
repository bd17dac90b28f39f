// Messages from the popup, the options page and the content script.
import { api, readerLanguages } from '../platform.js';
import { located, ready } from './core.js';
import { bannerRemoved, redrawBadges, takeQueued, wasBannerRemoved } from './warnings.js';
import { allVisits, clearHistory, historySettings } from './history.js';
import { spilled, spillsSettled } from './spill.js';

/** Messages only the extension's own pages (popup, options, history) may send. */
const PRIVILEGED = new Set(['borderline:report', 'borderline:report-json', 'borderline:export', 'borderline:settings', 'borderline:sources', 'borderline:languages', 'borderline:history', 'borderline:history-clear']);

/** Messages whose answer states where servers are: they wait for the IP tables. */
const LOCATING = new Set(['borderline:report', 'borderline:report-json', 'borderline:export', 'borderline:settings']);

function fromOwnPage(sender) {
  return typeof sender.url === 'string' && sender.url.startsWith(api.runtime.getURL(''));
}

async function handle(msg, sender) {
  const type = msg && msg.type;
  // Content scripts run inside pages we do not trust: they may only say hello,
  // report the banner's removal, open their own tab's report and snooze their own site.
  if (PRIVILEGED.has(type) && !fromOwnPage(sender)) return { error: 'not allowed' };
  const core = await (LOCATING.has(type) ? located : ready);
  switch (type) {
    case 'borderline:report':
      return { tab: msg.tab, site: core.site(msg.tab) || null, html: core.popupHtml(msg.tab), lang: core.language(), dir: core.languageDir(), bannerRemoved: wasBannerRemoved(msg.tab), requests: core.requests(msg.tab), saveError: (await api.storage.session.get('lastError')).lastError || null };
    case 'borderline:report-json':
      return { json: core.reportJson(msg.tab) };
    case 'borderline:export':
      // The CSV reads back the rows the in-memory log evicted (spill.js),
      // once every row already taken from the core is written.
      if (msg.format === 'csv') {
        await spillsSettled();
        return { text: core.exportWithLog(msg.tab, 'csv', await spilled(msg.tab)), site: core.site(msg.tab) };
      }
      return { text: core.export(msg.tab, msg.format), site: core.site(msg.tab) };
    case 'borderline:settings':
      core.setPolicy(msg.home, msg.preset);
      if (typeof msg.language === 'string') core.setLanguage(readerLanguages(msg.language));
      redrawBadges(core);
      return { ok: true };
    case 'borderline:languages':
      return { json: core.languagesJson(), current: core.language() };
    case 'borderline:sources':
      return { json: core.dataSourcesJson() };
    case 'borderline:hello':
      return { warnings: sender.tab ? takeQueued(sender.tab.id) : [] };
    case 'borderline:banner-removed':
      // The reason is the page's to forge: only the three known words are kept.
      if (sender.tab) bannerRemoved(sender.tab.id, ['removed', 'hidden', 'covered'].includes(msg.reason) ? msg.reason : 'removed');
      return { ok: true };
    case 'borderline:open-report':
      if (sender.tab) await api.tabs.create({ url: api.runtime.getURL(`popup/popup.html?tab=${sender.tab.id}`) });
      return { ok: true };
    case 'borderline:history': {
      const visits = await allVisits();
      // Each site's latest visit's first screen, rendered by the core in the reader's language.
      const latest = new Map();
      for (const v of visits) if (!latest.has(v.site) || latest.get(v.site).first_seen_ms < v.first_seen_ms) latest.set(v.site, v);
      const glances = Object.fromEntries([...latest].map(([site, v]) => [site, core.historyGlance(JSON.stringify(v))]).filter(([, html]) => html));
      return { visits, glances, lang: core.language(), settings: await historySettings(), error: (await api.storage.session.get('historyError')).historyError || null };
    }
    case 'borderline:history-clear':
      await clearHistory();
      return { ok: true };
    case 'borderline:snooze': {
      const site = sender.tab ? core.site(sender.tab.id) : null;
      if (site) await api.storage.local.set({ [`snooze:${site}`]: Date.now() + 24 * 3600 * 1000 });
      return { ok: true };
    }
    default:
      return { error: 'unknown message' };
  }
}

export function registerMessages() {
  api.runtime.onMessage.addListener((msg, sender, reply) => {
    // Only our own pages and content scripts can reach this listener (no externally_connectable).
    handle(msg, sender).then(reply, (e) => reply({ error: String(e && e.message || e) }));
    return true;
  });
}
