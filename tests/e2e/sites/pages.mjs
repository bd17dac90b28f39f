// What each test host serves: pages that make the requests real sites make.
const html = (title, head, body) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title><link rel="icon" href="data:,">${head}</head><body>${body}</body></html>`;

const TELEMETRY = JSON.stringify({ device_id: '7301234567890123456', odin_id: '7301234567890000001', event: 'page_view' });

// Plain-text bodies keep fetches "simple": no CORS preflight.
const post = (url) => `await fetch(${JSON.stringify(url)}, { method: 'POST', body: ${JSON.stringify(TELEMETRY)}, headers: { 'content-type': 'text/plain' } });`;

export const PAGES = {
  'www.tiktok.com': {
    '/foryou': ['text/html', html('TikTok (test site)',
      '<link rel="stylesheet" href="/static/app.css"><script src="https://sf16-website-login.neutral.ttwstatic.com/obj/main.js"></script><script src="https://analytics.tiktok.com/i18n/pixel/events.js"></script>',
      '<main><h1>For You</h1><div id="player" style="width:480px;height:270px;background:#111"></div><img alt="avatar" src="https://p16-sign-va.tiktokcdn.com/avatar.jpeg" width="50" height="50"><p id="status">loading</p></main>')],
    // Hostile strings in everything a page controls: field names, values, paths.
    '/hostile': ['text/html', html('<img src=x onerror="window.__pwned=1">',
      '',
      `<main><p id="status">loading</p></main><script>(async () => {
        const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1<\\/script>';
        const q = new URLSearchParams();
        q.set(payload, '0123456789abcdef0123456789');
        q.set('u\u202edi', '0123456789abcdef0123456789');
        q.set('"><svg onload=window.__pwned=1>', 'a'.repeat(100000));
        await fetch('https://mon.tiktokv.com/monitor_browser/collect/batch/?' + q, { method: 'POST', body: JSON.stringify({ [payload]: '7301234567890123456', device_id: '7301234567890123457', ['=HYPERLINK("http://x")']: '7301234567890123458' }), headers: { 'content-type': 'text/plain' } });
        await fetch('https://mon.tiktokv.com/monitor_browser/collect/batch/' + encodeURIComponent(payload) + '?x=' + 'b'.repeat(100000), { method: 'POST', body: 'x', headers: { 'content-type': 'text/plain' } });
        await fetch('https://xn--tktok-qsa.com/c?uid=7301234567890123459', { method: 'POST', body: 'x', headers: { 'content-type': 'text/plain' } });
        document.getElementById('status').textContent = 'done';
      })();</script>`)],
    // A page that fights the banner: finds, reads, clicks and imitates it (what it learns goes to window.__fight).
    '/fight': ['text/html', html('TikTok (test site, hostile to the banner)',
      '<script src="https://sf16-website-login.neutral.ttwstatic.com/obj/main.js"></script>',
      `<main><div id="player" style="width:480px;height:270px;background:#111"></div><p id="status">loading</p></main><script>
        window.__fight = {};
        const fight = () => {
          const host = document.querySelector('borderline-warning');
          if (!host) return setTimeout(fight, 50);
          window.__fight = { found: true, shadow: host.shadowRoot === null ? 'closed' : 'open', text: host.innerText, html: host.innerHTML, children: host.children.length };
          host.click();
          host.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
          for (const b of host.querySelectorAll('button')) b.click();
          const fake = document.createElement('borderline-warning');
          fake.textContent = 'Borderline: all good, nothing to see';
          document.body.append(fake);
          window.__fight.done = true;
        };
        fight();
      </script>`)],
    // A page whose service worker sends telemetry: the worker's request has
    // no tab (-1) and, in Firefox, no document; only its script's origin.
    '/sw': ['text/html', html('TikTok (test site, with a service worker)',
      '',
      `<main><p id="status">loading</p></main><script>(async () => {
        const reg = await navigator.serviceWorker.register('/sw.js');
        const worker = reg.installing || reg.waiting || reg.active;
        const answer = new Promise((resolve) => navigator.serviceWorker.addEventListener('message', (e) => resolve(e.data)));
        if (worker.state !== 'activated') await new Promise((resolve) => worker.addEventListener('statechange', () => worker.state === 'activated' && resolve()));
        reg.active.postMessage('send');
        document.getElementById('status').textContent = (await answer) === 'sent' ? 'done' : 'failed';
      })().catch((e) => { document.getElementById('status').textContent = 'failed: ' + e.message; });</script>`)],
    '/sw.js': ['application/javascript', `self.addEventListener('message', (e) => {
      e.waitUntil(fetch('https://mon.tiktokv.com/monitor_browser/collect/batch/?from=service-worker', { method: 'POST', body: ${JSON.stringify(TELEMETRY)}, headers: { 'content-type': 'text/plain' } })
        .then(() => e.source.postMessage('sent'), () => e.source.postMessage('failed')));
    });`],
    '/static/app.css': ['text/css', 'body{font-family:sans-serif}'],
  },
  'sf16-website-login.neutral.ttwstatic.com': {
    '/obj/main.js': ['application/javascript', `(async () => {
      ${post('https://mon.tiktokv.com/monitor_browser/collect/batch/?biz_id=tiktok_web')}
      ${post('https://mcs.tiktokw.us/v1/list')}
      ${post('https://log16-normal-c-useast1a.tiktokv.com/service/2/app_log/?aid=1988')}
      document.getElementById('status').textContent = 'done';
    })();`],
  },
  'analytics.tiktok.com': { '/i18n/pixel/events.js': ['application/javascript', 'window.ttq = { loaded: true };'] },
  'p16-sign-va.tiktokcdn.com': { '/avatar.jpeg': ['image/jpeg', 'jpeg'], '/cached.jpeg': ['image/jpeg', 'jpeg'] },
  'mon.tiktokv.com': { '/monitor_browser/collect/batch/': ['application/json', '{}'] },
  'mcs.tiktokw.us': { '/v1/list': ['application/json', '{}'] },
  'log16-normal-c-useast1a.tiktokv.com': { '/service/2/app_log/': ['application/json', '{}'] },
  'www.google-analytics.com': { '/g/collect': ['image/gif', ''] },
  'xn--tktok-qsa.com': { '/c': ['application/json', '{}'] },
  'www.youtube.com': {
    '/watch': ['text/html', html('YouTube (test site)', '', `<img alt="thumb" src="https://i.ytimg.com/vi/x/hqdefault.jpg"><p id="status">loading</p><script src="/s/player.js"></script>`)],
    '/s/player.js': ['application/javascript', `(async () => {
      ${post('https://www.youtube.com/youtubei/v1/log_event?alt=json')}
      await fetch('https://googleads.g.doubleclick.net/pagead/id');
      document.getElementById('status').textContent = 'done';
    })();`],
    '/youtubei/v1/log_event': ['application/json', '{}'],
  },
  'i.ytimg.com': { '/vi/x/hqdefault.jpg': ['image/jpeg', 'jpeg'] },
  'googleads.g.doubleclick.net': { '/pagead/id': ['application/json', '{"id":"x"}'] },
  'www.instagram.com': {
    '/reel/': ['text/html', html('Instagram (test site)', '', `<img alt="reel" src="https://scontent-lhr8-1.cdninstagram.com/v/reel.jpg"><p id="status">loading</p><script src="/static/app.js"></script>`)],
    '/static/app.js': ['application/javascript', `(async () => { ${post('https://www.instagram.com/logging/falco')} document.getElementById('status').textContent = 'done'; })();`],
    '/logging/falco': ['application/json', '{}'],
    // A later visit that also loads Meta's pixel: new since the last visit.
    '/reel2/': ['text/html', html('Instagram (test site)', '<script src="https://connect.facebook.net/en_US/fbevents.js"></script>', `<img alt="reel" src="https://scontent-lhr8-1.cdninstagram.com/v/reel.jpg"><p id="status">loading</p><script src="/static/app.js"></script>`)],
  },
  'connect.facebook.net': { '/en_US/fbevents.js': ['application/javascript', 'window.fbq = function () {};'] },
  'scontent-lhr8-1.cdninstagram.com': { '/v/reel.jpg': ['image/jpeg', 'jpeg'] },
  'www.twitch.tv': {
    '/somechannel': ['text/html', html('Twitch (test site)', '', `<p id="status">loading</p><script src="/app.js"></script>`)],
    '/app.js': ['application/javascript', `(async () => { ${post('https://spade.twitch.tv/track')} document.getElementById('status').textContent = 'done'; })();`],
  },
  'spade.twitch.tv': { '/track': ['application/json', '{}'] },
  'www.bilibili.com': {
    '/video/BV1xx411c7mD': ['text/html', html('Bilibili (test site)', '<script src="https://s1.hdslb.com/bfs/static/video.js"></script>', '<p id="status">loading</p>')],
  },
  's1.hdslb.com': { '/bfs/static/video.js': ['application/javascript', `(async () => { ${post('https://data.bilibili.com/log/web?00000001')} document.getElementById('status').textContent = 'done'; })();`] },
  'data.bilibili.com': { '/log/web': ['application/json', '{}'] },
};
