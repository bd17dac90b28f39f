// The one platform seam: Firefox exposes `browser`, Chromium `chrome`.
export const api = globalThis.browser ?? globalThis.chrome;

// Chromium hides Set-Cookie from webRequest unless asked with "extraHeaders";
// Firefox has no such option and rejects it.
export const responseExtraInfo = api.webRequest?.OnCompletedOptions?.EXTRA_HEADERS ? ['responseHeaders', 'extraHeaders'] : ['responseHeaders'];

export const VIDEO_SITES = ['tiktok.com', 'douyin.com', 'youtube.com', 'instagram.com', 'facebook.com', 'snapchat.com', 'twitch.tv', 'bilibili.com', 'kwai.com', 'likee.video'];

/** Settings with their defaults; the home country default is guessed by the options page. */
export async function loadSettings() {
  const s = await api.storage.local.get(['home', 'preset', 'warnMode', 'warnSites', 'language']);
  return {
    // A language chosen in the options, or '' for the browser's own.
    language: typeof s.language === 'string' ? s.language : '',
    home: s.home || guessHome(),
    preset: s.preset || 'us',
    warnMode: s.warnMode || 'video',
    warnSites: Array.isArray(s.warnSites) ? s.warnSites : VIDEO_SITES,
  };
}

/** A home country from the browser's locale, then its time zone. */
export function guessHome() {
  const region = (navigator.language || '').split('-')[1];
  if (region && /^[A-Za-z]{2}$/.test(region)) return region.toUpperCase();
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || '';
  const byZone = { 'Europe/Berlin': 'DE', 'Europe/Paris': 'FR', 'Europe/London': 'GB', 'Europe/Madrid': 'ES', 'Europe/Rome': 'IT', 'Europe/Amsterdam': 'NL', 'Asia/Singapore': 'SG', 'Asia/Tokyo': 'JP', 'Asia/Shanghai': 'CN' };
  return byZone[zone] || 'US';
}

/**
 * The reader's languages, most wanted first: the one chosen in the options,
 * then the languages the browser is set to prefer for content (the person's
 * own list), then the browser's interface language.
 */
export function readerLanguages(chosen) {
  return [chosen, ...(navigator.languages || []), api.i18n.getUILanguage()].filter((l) => typeof l === 'string' && l.length > 0 && l.length < 36);
}
