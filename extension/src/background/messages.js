// Messages from the popup, the options page and the content script.
import { api } from '../platform.js';
import { ready } from './core.js';
import { bannerRemoved, takeQueued, wasBannerRemoved } from './warnings.js';
import { allVisits, clearHistory, historySettings } from './history.js';

async function handle(msg, sender) {
  const core = await ready;
  switch (msg && msg.type) {
    case 'borderline:report':
      return { tab: msg.tab, site: core.site(msg.tab) || null, html: core.popupHtml(msg.tab), bannerRemoved: wasBannerRemoved(msg.tab), requests: core.requests(msg.tab) };
    case 'borderline:report-json':
      return { json: core.reportJson(msg.tab) };
    case 'borderline:export':
      return { text: core.export(msg.tab, msg.format), site: core.site(msg.tab) };
    case 'borderline:settings':
      core.setPolicy(msg.home, msg.preset);
      return { ok: true };
    case 'borderline:sources':
      return { json: core.dataSourcesJson() };
    case 'borderline:hello':
      return { warnings: sender.tab ? takeQueued(sender.tab.id) : [] };
    case 'borderline:banner-removed':
      if (sender.tab) bannerRemoved(sender.tab.id);
      return { ok: true };
    case 'borderline:open-report':
      if (sender.tab) await api.tabs.create({ url: api.runtime.getURL(`popup/popup.html?tab=${sender.tab.id}`) });
      return { ok: true };
    case 'borderline:history':
      return { visits: await allVisits(), settings: await historySettings(), error: (await api.storage.session.get('historyError')).historyError || null };
    case 'borderline:history-clear':
      await clearHistory();
      return { ok: true };
    case 'borderline:snooze':
      if (msg.site) await api.storage.local.set({ [`snooze:${msg.site}`]: Date.now() + 24 * 3600 * 1000 });
      return { ok: true };
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
