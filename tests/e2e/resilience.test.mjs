// Death of the background under load, and a browser restart, in each real
// headless browser (Chromium's service worker, Firefox's event page): bursts
// of requests while the background is suspended again and again must all be
// counted exactly once; killed in the middle of bursts, nothing is counted
// twice and the loss is measured; requests in flight across a suspend are
// counted when they complete; after a restart the history is still there
// and no tab carries state from before; a storage quota error is shown; events
// too malformed to use are counted, never thrown on. Figures go to
// test-artifacts/resilience.json, per browser (docs/reliability.md quotes them).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, BROWSERS, launch, skipReason, sleep, until } from './layer.mjs';
import { startSites } from './sites/server.mjs';

const BURSTS = Number(process.env.BORDERLINE_BURSTS || 5);
const PER_BURST = Number(process.env.BORDERLINE_BURST_SIZE || 400);
const DOMAINS = ['tiktok.com', 'ttwstatic.com', 'tiktokv.com', 'tiktokw.us', 'tiktokcdn.com'];
const figures = {};
let sites;

before(async () => {
  sites = await startSites();
});

after(async () => {
  await sites?.close();
  writeFileSync(join(ARTIFACTS, 'resilience.json'), JSON.stringify(figures, null, 2) + '\n');
});

const served = (since) => sites.served.filter((s) => s.time >= since && DOMAINS.some((d) => s.host === d || s.host.endsWith(`.${d}`))).length;

/** A visit to the TikTok-like page, with the popup open for the tab. */
async function visitTikTok(b) {
  const since = Date.now();
  const page = await b.visitPage('https://www.tiktok.com/foryou');
  const tab = await b.tabId('https://www.tiktok.com/*');
  const ext = await b.openExt(`popup/popup.html?tab=${tab}`);
  const counted = async () => (await b.ask(ext, { type: 'borderline:report', tab })).requests;
  const burst = (round) => b.eval(page, async ([n, r]) => {
    const results = await Promise.allSettled(Array.from({ length: n }, (_, i) =>
      fetch(`https://mon.tiktokv.com/monitor_browser/collect/batch/?b=${r}&i=${i}`, { method: 'POST', body: 'x', headers: { 'content-type': 'text/plain' } })));
    return results.filter((x) => x.status === 'fulfilled').length;
  }, [PER_BURST, round]);
  return { since, page, ext, tab, counted, burst };
}

for (const name of BROWSERS) {
  describe(name, { skip: skipReason(name) }, () => {
    const fig = (figures[name] = {});
    let profile;

    test(`${BURSTS} bursts of ${PER_BURST} requests, each waking a suspended background: none lost, none counted twice`, async () => {
      const b = await launch(name);
      try {
        const { since, ext, tab, counted, burst } = await visitTikTok(b);
        const started = Date.now();
        let last;
        for (let i = 0; i < BURSTS; i++) {
          // Suspended as the browser suspends an idle background; the burst's
          // first request wakes it, and the rest arrive while it loads its core
          // and restores the visit.
          await until(async () => (last = await counted()) === served(since), 30_000);
          await b.suspend();
          await burst(i);
        }
        const burstMs = Date.now() - started;
        await until(async () => (last = await counted()) === served(since), 60_000);
        fig.bursts = { bursts: BURSTS, per_burst: PER_BURST, served: served(since), recorded: last, suspensions: b.suspensions(), seconds: burstMs / 1000 };
        assert.equal(last, served(since), 'the report counts exactly what the server served');
        assert.ok(served(since) >= BURSTS * PER_BURST, 'every burst request reached the server');
        assert.equal(b.suspensions(), BURSTS, 'the background really stopped once per burst');
        // More requests than the in-memory log keeps (2,000): the CSV still has
        // every one of them once, the evicted rows read back from IndexedDB.
        const csv = (await b.ask(ext, { type: 'borderline:export', tab, format: 'csv' })).text;
        const rows = csv.trim().split('\r\n').slice(1);
        assert.ok(last > 2000, `${last} requests, past the in-memory log`);
        assert.deepEqual(rows.filter((r) => r.startsWith('#')), [], 'no line saying rows are missing');
        assert.equal(rows.length, last, 'one CSV row per request of the visit');
        // The state the journal and snapshots keep stays within storage.session's quota.
        fig.bursts.session_bytes = await b.background((_, bg) => {
          const session = (bg.browser ?? bg.chrome).storage.session;
          // Firefox has no getBytesInUse on storage.session: measured as the JSON of what it holds.
          return session.getBytesInUse ? session.getBytesInUse(null) : session.get(null).then((all) => Object.entries(all).reduce((n, [k, v]) => n + k.length + JSON.stringify(v).length, 0));
        });
        assert.ok(fig.bursts.session_bytes < 10 * 1024 * 1024, `storage.session holds ${fig.bursts.session_bytes} bytes`);
        // Kept for the restart test below.
        profile = await b.quit({ keepProfile: true });
      } catch (e) {
        await b.quit();
        throw e;
      }
    });

    // Harsher than either browser is (neither suspends a background with
    // events in flight): it is killed in the middle of each burst. Events
    // queued but not yet delivered die with it; none may be counted twice. The
    // figures say how many were lost.
    test(`${BURSTS} bursts with the background killed in the middle of each: nothing counted twice, loss measured`, async () => {
      const b = await launch(name);
      try {
        const { since, counted, burst } = await visitTikTok(b);
        for (let i = 0; i < BURSTS; i++) {
          const running = burst(i);
          await sleep(50);
          await b.suspend();
          await running;
        }
        let last;
        // Settles once nothing changes for a while (the count may stay short).
        let stable = 0;
        while (stable < 4) {
          const now = await counted();
          stable = now === last ? stable + 1 : 0;
          last = now;
          if (last === served(since)) break;
          await sleep(1000);
        }
        fig.killed_mid_burst = { bursts: BURSTS, per_burst: PER_BURST, served: served(since), recorded: last, lost: served(since) - last };
        assert.ok(last <= served(since), `nothing is counted twice (${last} recorded, ${served(since)} served)`);
        assert.ok(last >= served(since) - BURSTS * PER_BURST, 'what was recorded before each kill survives it');
      } finally {
        await b.quit();
      }
    });

    // What the browsers do suspend with: a long request still in flight (a
    // slow beacon, a long poll). Its completion arrives after the suspend and
    // must wake the background and be counted once.
    test('requests in flight while the background is suspended are counted once when they complete', async () => {
      const b = await launch(name);
      try {
        const { page, counted } = await visitTikTok(b);
        const n = await counted();
        const slow = b.eval(page, () => Promise.all([1, 2, 3].map((i) => fetch(`https://mon.tiktokv.com/slow/2000?i=${i}`).then((r) => r.text()))));
        await sleep(500);
        await b.suspend();
        assert.deepEqual(await slow, ['late', 'late', 'late'], 'the requests completed after the suspend');
        assert.equal(await until(async () => (await counted()) === n + 3 && n + 3, 10_000), n + 3, 'each counted once');
        await sleep(1000);
        assert.equal(await counted(), n + 3, 'and not again');
        fig.in_flight_across_suspend = { requests: 3, counted: 3 };
      } finally {
        await b.quit();
      }
    });

    // What a restart of the background must not change: the report (field
    // names of a request still in the journal are replayed, never its values)
    // and the badge's colour, which also follows a change of policy.
    test('the same report and badge after the background restarts; the badge follows the policy', async () => {
      const b = await launch(name);
      try {
        const { page, ext, tab, counted, since } = await visitTikTok(b);
        const report = async () => JSON.parse((await b.ask(ext, { type: 'borderline:report-json', tab })).json);
        // Settled: every request the server saw is counted (Firefox shows CORS
        // preflights to extensions, Chromium does not, so the server's count is the measure).
        const settled = () => until(async () => (await counted()) === served(since), 10_000);
        const colour = async () => (await b.badge(tab))[1];
        const [RED, BLUE] = [[164, 0, 42, 255], [59, 91, 219, 255]];
        assert.ok(await settled(), 'the visit is counted');
        // A request whose body names a field no other request sends; suspended right
        // after it is counted, before the quiet-time compaction, so it is replayed from the journal.
        await b.eval(page, () => fetch('https://mon.tiktokv.com/monitor_browser/collect/batch/?restart=1', {
          method: 'POST', body: JSON.stringify({ advertising_id: '6d1c2f4e-9a7b-4c3d-8e2f-1a2b3c4d5e6f' }), headers: { 'content-type': 'application/json' },
        }).then(() => true));
        assert.ok(await settled(), 'the request is counted');
        const before = await report();
        await b.suspend();
        const later = await report();
        assert.deepEqual(later, before, 'the same report after the restart');
        const mon = later.endpoints.find((e) => e.host === 'mon.tiktokv.com');
        assert.ok(mon.sent.some((f) => f.name === 'advertising_id'), 'the journaled field name survived');
        assert.ok(!JSON.stringify(later).includes('6d1c2f4e'), 'never the value');
        assert.deepEqual(await colour(), RED, 'ByteDance is of concern under the US preset');
        // A request with nothing of concern after the restart leaves the colour as it was.
        await b.eval(page, () => fetch('https://www.tiktok.com/foryou?after=restart').then(() => true));
        assert.ok(await settled(), 'the next request is counted');
        assert.deepEqual(await colour(), RED, 'not repainted blue by the next request');
        await b.ask(ext, { type: 'borderline:settings', home: 'US', preset: 'RU' });
        assert.deepEqual(await colour(), BLUE, 'nothing here is of concern under a policy naming only RU');
        await b.ask(ext, { type: 'borderline:settings', home: 'US', preset: 'us' });
        assert.deepEqual(await colour(), RED);
      } finally {
        await b.quit();
      }
    });

    // A navigation is the usual wake: the visit it ends is summed up before
    // the woken background has read its IP tables. It must be kept as it was
    // when it ended, with its servers' countries, not as "unknown".
    test('a visit ended by the navigation that wakes the background is kept whole, its servers located', async () => {
      const b = await launch(name);
      try {
        const { page, tab, counted, since } = await visitTikTok(b);
        assert.ok(await until(async () => (await counted()) === served(since), 10_000), 'the visit is counted');
        const before = JSON.parse(await b.background(async (t, bg) => (await bg.borderline.located).visitSummary(t), tab));
        assert.ok(before.countries.length > 0, `the visit's servers have countries: ${JSON.stringify(before.countries)}`);
        await b.suspend();
        await b.goto(page, 'https://www.youtube.com/watch');
        const ext = await b.openExt('history/history.html');
        const kept = await until(async () => {
          const { visits } = await b.ask(ext, { type: 'borderline:history' });
          const v = (visits || []).find((x) => x.site === 'tiktok.com' && x.first_seen_ms === before.first_seen_ms);
          return v && v.requests === before.requests && v;
        }, 15_000);
        assert.ok(kept, 'the ended visit is in the history with all its requests');
        for (const key of ['requests', 'tracker_requests', 'trackers', 'companies', 'countries', 'grade']) {
          assert.deepEqual(kept[key], before[key], `${key} as when the visit ended`);
        }
        const summedLater = await b.background((_, bg) => bg.borderline.ended.beforeLocations);
        assert.equal(summedLater, 1, 'the woken background summed the visit up once its IP tables were read');
        fig.wake_by_navigation = { history_kept: true, countries: kept.countries.length };
      } finally {
        await b.quit();
      }
    });

    test('after a browser restart the history is kept and no tab starts with old state', async () => {
      assert.ok(profile, 'the profile of the bursts test above');
      const b = await launch(name, { profile });
      try {
        const state = await b.background(async (_, bg) => {
          const core = await bg.borderline.ready;
          const keys = Object.keys(await (bg.browser ?? bg.chrome).storage.session.get(null));
          // Journal entries (j:) and tab snapshots (s:) are per-tab state.
          return { tabs: core.tabs().length, tabState: keys.filter((k) => /^[js]:/.test(k)).length };
        });
        assert.deepEqual(state, { tabs: 0, tabState: 0 }, 'per-tab state starts clean');
        const history = await b.openExt('history/history.html');
        const text = await b.until(history, () => { const t = document.querySelector('main').innerText; return t.includes('tiktok.com') && t; });
        assert.ok(text, 'the visit before the restart is in the history');
        fig.restart = { history_kept: true, tabs_after_restart: state.tabs };
      } finally {
        await b.quit();
      }
    });

    test('a storage quota error is shown on the history page, not swallowed', async () => {
      // A real quota: the browser's own storage limit (Chromium: the
      // extension's origin set to 1 byte through the DevTools protocol;
      // Firefox: the profile's limit set to 64 KB), so the extension's writes
      // fail: the data packs' copy first, which the core survives by reading
      // the package; then the history. The page must say so even when the
      // reply carries nothing but the error.
      const b = await launch(name, { tinyQuota: true });
      try {
        const page = await b.visitPage('https://www.tiktok.com/foryou');
        await b.goto(page, 'https://www.youtube.com/watch'); // the TikTok visit ends: its summary is written
        const ext = await b.openExt('history/history.html');
        const error = await until(async () => {
          await b.reload(ext);
          return b.until(ext, () => { const e = document.getElementById('error'); return e && !e.hidden && e.textContent; }, null, 2000);
        }, 30_000);
        assert.match(error || '', /History could not be saved: .*(Quota|quota)/, `the history page says why: ${error}`);
        fig.quota = { error_shown: error };
      } finally {
        await b.quit();
      }
    });

    test('malformed webRequest events are ignored and counted; odd fields are coerced, never thrown on', async () => {
      const b = await launch(name);
      try {
        const result = await b.background(async (_, bg) => {
          const core = await bg.borderline.ready;
          const before = bg.borderline.ignored.events;
          const bad = [
            null, {}, { url: 42, tabId: 1 }, { url: 'ftp://x.example/', tabId: 1 }, { url: 'javascript:alert(1)', tabId: 1 },
            { url: 'https://a.example/', tabId: -5 }, { url: 'https://a.example/', tabId: 1.5 }, { url: 'https://a.example/', tabId: '3' }, { url: 'https:///', tabId: 1 },
          ];
          for (const d of bad) bg.borderline.observeDetails(d);
          // Usable, with every optional field wrong-typed: recorded without throwing.
          bg.borderline.observeDetails({ url: 'https://www.tiktok.com/x', tabId: 77, type: 7, method: {}, ip: ['1.2.3.4'], statusCode: 1e9, timeStamp: 'soon', responseHeaders: 'nope', initiator: 5, documentUrl: 9, requestId: undefined });
          bg.borderline.observeDetails({ url: 'https://mon.tiktokv.com/y', tabId: 77, responseHeaders: [null, { name: 5 }, { name: 'Content-Length', value: '-9' }, { name: 'set-cookie' }] });
          await new Promise((r) => setTimeout(r, 200));
          return { ignored: bg.borderline.ignored.events - before, total: bad.length, tabs: [...core.tabs()].includes(77), requests: core.requests(77) };
        });
        assert.equal(result.ignored, result.total, 'every malformed event was ignored and counted');
        assert.equal(result.requests, 2, 'both usable requests reached the core and are counted (without a page, as unattributed)');
        assert.ok(result.tabs, 'the tab is known: nothing was thrown on the way');
        fig.malformed = { events: result.total, ignored: result.ignored };
      } finally {
        await b.quit();
      }
    });
  });
}
