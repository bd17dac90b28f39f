// In-page warning: a small banner in a closed shadow root, shown when the site
// first sends data to a tracker or a jurisdiction of concern. The page cannot
// reach into it, and clicks only count when the browser says a person made them.
(() => {
  const api = globalThis.browser ?? globalThis.chrome;
  if (window.top !== window || globalThis.__borderlineBanner) return;
  Object.defineProperty(globalThis, '__borderlineBanner', { value: true });

  const shown = new Set(); // one banner line per page per finding
  let host = null;
  let list = null;
  let where = null;
  let site = '';
  let box = null;
  let timer = 0;
  const boxOf = () => box;
  // Everything the page could set on our element, reset; at inline !important
  // level no page style sheet overrides it.
  const HOST_STYLE = 'all: initial !important; display: block !important; position: static !important;';

  const CSS = `:host{all:initial}
  .box{position:fixed;top:12px;right:12px;z-index:2147483647;max-width:22rem;font:13px/1.4 system-ui,sans-serif;color:#1b1b1f;background:#fff;border:2px solid #a4002a;border-radius:8px;box-shadow:0 4px 16px rgba(0,0,0,.25);padding:10px 12px}
  .title{font-weight:700;margin:0 0 4px}.where{margin:0 0 4px;color:#3d3d45}
  ul{margin:0;padding-left:1.1rem;max-height:9rem;overflow:auto;overflow-wrap:anywhere}
  .row{display:flex;gap:6px;margin-top:8px;flex-wrap:wrap}
  button{font:inherit;border:1px solid #5b5b66;border-radius:4px;background:#f3f3f6;color:#1b1b1f;padding:2px 8px;cursor:pointer}
  button:focus-visible{outline:2px solid #3b5bdb;outline-offset:1px}`;

  function msg(name, fallback) {
    try { return api.i18n.getMessage(name) || fallback; } catch { return fallback; }
  }

  function trusted(handler) {
    return (event) => { if (event.isTrusted) handler(event); };
  }

  function button(label, handler) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.addEventListener('click', trusted(handler));
    return b;
  }

  function build() {
    host = document.createElement('borderline-warning');
    const root = host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = CSS;
    box = document.createElement('div');
    box.className = 'box';
    box.setAttribute('role', 'status');
    box.setAttribute('aria-live', 'polite');
    const title = document.createElement('p');
    title.className = 'title';
    title.textContent = 'Borderline';
    // The first screen in a line (where the requests went, and to whom), updated with each warning.
    where = document.createElement('p');
    where.className = 'where';
    list = document.createElement('ul');
    const row = document.createElement('div');
    row.className = 'row';
    row.append(
      button(msg('bannerReport', 'Full report'), () => api.runtime.sendMessage({ type: 'borderline:open-report' })),
      button(msg('bannerSnooze', 'Not on this site for a day'), () => { api.runtime.sendMessage({ type: 'borderline:snooze', site }); close(); }),
      button(msg('bannerClose', 'Close'), close),
    );
    box.append(title, where, list, row);
    root.append(style, box);
    // The page may remove, hide, restyle or cover the banner: inline
    // !important styles outrank its style sheets, and anything else is noticed
    // and told to the popup.
    guard();
    new MutationObserver(() => check()).observe(document.documentElement, { childList: true });
    new MutationObserver(() => { guard(); tampered('hidden'); }).observe(host, { attributes: true });
  }

  function guard() {
    if (host && host.getAttribute('style') !== HOST_STYLE) host.setAttribute('style', HOST_STYLE);
  }

  const told = new Set();
  function tampered(reason) {
    if (told.has(reason)) return;
    told.add(reason);
    api.runtime.sendMessage({ type: 'borderline:banner-removed', reason }).catch(() => {});
  }

  /** What the page did to the banner, if anything: removed, hidden or covered. */
  function check() {
    if (!host) return;
    if (!host.isConnected) {
      host = null;
      clearInterval(timer);
      return tampered('removed');
    }
    const box = boxOf();
    const style = getComputedStyle(host);
    const r = box.getBoundingClientRect();
    const boxStyle = getComputedStyle(box);
    if (style.display === 'none' || style.visibility !== 'visible' || Number(style.opacity) < 0.5 || style.transform !== 'none' || style.filter !== 'none' || style.clipPath !== 'none' ||
        boxStyle.visibility !== 'visible' || r.width < 10 || r.height < 10 || r.right <= 0 || r.bottom <= 0 || r.left >= innerWidth || r.top >= innerHeight) {
      return tampered('hidden');
    }
    const top = document.elementFromPoint(Math.min(innerWidth - 1, r.left + r.width / 2), Math.min(innerHeight - 1, r.top + r.height / 2));
    if (top && top !== host) tampered('covered');
  }

  function close() {
    const h = host;
    host = null;
    clearInterval(timer);
    list = null;
    where = null;
    if (h) h.remove();
  }

  function show(warning) {
    if (shown.has(warning.key)) return;
    shown.add(warning.key);
    site = warning.site || site;
    if (!host) build();
    // Text from the core, set as text: the page's strings never become markup here.
    if (typeof warning.where === 'string' && warning.where) where.textContent = warning.where;
    const li = document.createElement('li');
    li.textContent = warning.text;
    list.append(li);
    if (!host.isConnected) document.documentElement.append(host);
    clearInterval(timer);
    timer = setInterval(check, 1000);
    setTimeout(check, 50);
  }

  api.runtime.onMessage.addListener((m) => {
    if (m && m.type === 'borderline:warn') show(m);
  });
  api.runtime.sendMessage({ type: 'borderline:hello' }).then((r) => (r && r.warnings || []).forEach(show), () => {});
})();
