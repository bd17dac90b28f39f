// What the extension's own pages (popup, options, history, export) share:
// their labels in the browser's language, and saving a file.
import { api } from './platform.js';

/**
 * The page's labels from _locales: `data-i18n="key"` sets an element's text,
 * `data-i18n-aria-label` / `-title` / `-placeholder` one attribute; the page's
 * `lang` is the translation's. A key with no message keeps the English in the markup.
 */
export function localisePage() {
  for (const el of document.querySelectorAll('[data-i18n]')) {
    const text = api.i18n.getMessage(el.dataset.i18n);
    if (text) el.textContent = text;
  }
  for (const attr of ['aria-label', 'title', 'placeholder']) {
    for (const el of document.querySelectorAll(`[data-i18n-${attr}]`)) {
      const text = api.i18n.getMessage(el.getAttribute(`data-i18n-${attr}`));
      if (text) el.setAttribute(attr, text);
    }
  }
  document.documentElement.lang = api.i18n.getMessage('pageLang') || 'en';
}

/** Saves text as a file through the browser's download (a blob URL, revoked after). */
export function saveFile(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
