// The badge (tracker endpoints of the tab's visit, red once a jurisdiction of
// concern was contacted) and the in-page warning banner's messages.
import { api, loadSettings, VIDEO_SITES } from '../platform.js';
import { FLAGS } from './flags.js';
import { recordVisit } from './history.js';

const badges = new Map(); // tab → last badge "count|concern"
const concern = new Set(); // tabs that contacted a jurisdiction of concern
const queued = new Map(); // tab → warnings not yet delivered to the page
const removed = new Map(); // tab → what its page did to the banner: removed, hidden or covered
const historyTimers = new Map(); // tab → pending history update
const generations = new Map(); // tab → how many of its visits ended in this worker's life
const HISTORY_QUIET_MS = 1000;

/** The tab's current visit, as a number that changes when a visit ends. */
export function visitGeneration(tab) {
  return generations.get(tab) || 0;
}

export function forgetTab(tab) {
  generations.set(tab, visitGeneration(tab) + 1);
  badges.delete(tab);
  concern.delete(tab);
  queued.delete(tab);
  removed.delete(tab);
}

export function bannerRemoved(tab, reason) {
  // Removal is the strongest finding; keep it over a later "hidden".
  if (removed.get(tab) !== 'removed') removed.set(tab, reason);
}

/** What the tab's page did to the banner ('removed', 'hidden', 'covered'), or null. */
export function wasBannerRemoved(tab) {
  return removed.get(tab) || null;
}

/** Warnings waiting for the tab's content script (it asks when it loads). */
export function takeQueued(tab) {
  const list = queued.get(tab) || [];
  queued.delete(tab);
  return list;
}

function drawBadge(tab, count) {
  const key = `${count}|${concern.has(tab)}`;
  if (badges.get(tab) === key) return;
  badges.set(tab, key);
  api.action.setBadgeText({ tabId: tab, text: count ? String(count) : '' }).catch(() => {});
  api.action.setBadgeBackgroundColor({ tabId: tab, color: concern.has(tab) ? '#a4002a' : '#3b5bdb' }).catch(() => {});
}

/**
 * Every tab's badge from the core's report under the policy in force: after
 * a restart (the flags of replayed requests are not seen here) and after a
 * change of policy (what is of concern changed).
 */
export function redrawBadges(core) {
  for (const tab of core.tabs()) {
    if (tab < 0) continue;
    const bits = core.badge(tab);
    if (bits & 1) concern.add(tab);
    else concern.delete(tab);
    drawBadge(tab, bits >> 1);
  }
}

export function onObserved(core, tab, flags, url) {
  if (tab < 0 || !(flags & FLAGS.RECORDED)) return;
  // Between redraws the colour only ever turns red: a new request can add a concern, never remove one.
  if (flags & (FLAGS.SERVER_OF_CONCERN | FLAGS.ENTITY_OF_CONCERN)) concern.add(tab);
  drawBadge(tab, core.trackerEndpoints(tab));
  const worth = FLAGS.TRACKER | FLAGS.SERVER_OF_CONCERN | FLAGS.ENTITY_OF_CONCERN;
  if (flags & FLAGS.NEW_ENDPOINT && flags & worth) warn(core, tab, () => core.warning(tab, url));
  // A new endpoint may be new since the last visit: check at once. Any request
  // updates the visit's summary in history once the tab is quiet for a moment.
  if (flags & FLAGS.NEW_ENDPOINT) recordVisit(core, tab).then((text) => text && warn(core, tab, () => [text, core.glanceText(tab)]));
  clearTimeout(historyTimers.get(tab));
  historyTimers.set(tab, setTimeout(() => recordVisit(core, tab), HISTORY_QUIET_MS));
}

/** `sentences()`: [the warning, the first screen in a line], made only once the warning is wanted. */
async function warn(core, tab, sentences) {
  const s = await loadSettings();
  const site = core.site(tab);
  if (!site || s.warnMode === 'off') return;
  const sites = s.warnMode === 'listed' ? s.warnSites : VIDEO_SITES;
  const listed = s.warnMode === 'all' || sites.some((w) => site === w || site.endsWith(`.${w}`));
  if (!listed) return;
  const snooze = (await api.storage.local.get(`snooze:${site}`))[`snooze:${site}`];
  if (snooze && snooze > Date.now()) return;
  // The first screen in a line: where the visit's requests went so far, and to whom.
  const [text, where] = sentences();
  if (!text) return;
  const message = { type: 'borderline:warn', key: text, text, site, where };
  api.tabs.sendMessage(tab, message).catch(() => {
    const list = queued.get(tab) || [];
    list.push(message);
    queued.set(tab, list.slice(-20));
  });
}
