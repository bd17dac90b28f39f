use super::*;
use crate::classify::{Classification, ListId, Party, TrackerVerdict};
use crate::observe::ResourceType;

fn classification(host: &str, tracker: bool) -> Classification {
    Classification {
        host: host.into(),
        domain: host.into(),
        site: "site.example".into(),
        party: Party::ThirdParty,
        entity: None,
        domain_category: None,
        tracker: tracker.then_some(TrackerVerdict { category: Category::Analytics, rule: None }),
        exception: None,
    }
}

fn request(url: &str, t: u64, ip: Option<&str>) -> Request {
    let mut r = Request::new(url, "https://site.example/", ResourceType::Script);
    r.time_ms = t;
    r.ip = ip.map(|i| i.parse().unwrap());
    r.bytes_sent = 10;
    r.bytes_received = 100;
    r.cookies_set = 1;
    r
}

#[test]
fn record_counts_everything() {
    let mut s = SiteReport::new("site.example", 100);
    s.record(&request("https://t.example/a", 50, Some("192.0.2.1")), &classification("t.example", true));
    s.record(&request("https://t.example/b", 20, None), &classification("t.example", true));
    s.record(&request("https://cdn.example/c", 70, Some("192.0.2.2")), &classification("cdn.example", false));
    assert_eq!(s.requests, 3);
    assert_eq!((s.first_seen_ms, s.last_seen_ms), (20, 70));
    let t = &s.endpoints["t.example"];
    assert_eq!((t.requests(), t.tracker_requests(), t.without_ip.all.requests), (2, 2, 1));
    assert_eq!((t.total.bytes_sent, t.total.bytes_received, t.cookies_set), (20, 200, 2));
    assert_eq!((t.first_seen_ms, t.last_seen_ms), (20, 50));
    assert_eq!(t.by_ip.len(), 1);
    assert_eq!(t.by_ip[&"192.0.2.1".parse().unwrap()].all.requests, 1);
    assert_eq!(t.without_ip.tracker_requests, 1, "the failed tracker request is counted where it went: nowhere known");
    assert_eq!(s.tracker_endpoints(), 1);
    assert_eq!(s.log.len(), 3);
}

#[test]
fn the_log_keeps_the_newest_rows_and_says_how_many_it_dropped() {
    let mut s = SiteReport::new("site.example", 2);
    for t in 0..5 {
        s.record(&request("https://t.example/", t, None), &classification("t.example", false));
    }
    assert_eq!(s.requests, 5, "counts stay complete");
    assert_eq!(s.log.len(), 2);
    assert_eq!(s.log_dropped, 3);
    assert_eq!(s.log.iter().map(|r| r.time_ms).collect::<Vec<_>>(), vec![3, 4]);
}

#[test]
fn long_urls_are_cut_on_a_char_boundary() {
    let mut s = SiteReport::new("site.example", 10);
    let url = format!("https://t.example/{}", "é".repeat(MAX_LOGGED_URL));
    s.record(&request(&url, 1, None), &classification("t.example", false));
    assert!(s.log[0].url.len() <= MAX_LOGGED_URL + '…'.len_utf8());
    assert!(s.log[0].url.ends_with('…'));
}

#[test]
fn merge_equals_recording_everything_in_one_report() {
    let reqs: Vec<(Request, Classification)> = (0..6)
        .map(|i| {
            (
                request(&format!("https://h{}.example/{i}", i % 3), 100 - i, Some(["192.0.2.1", "192.0.2.2"][i as usize % 2])),
                classification(&format!("h{}.example", i % 3), i % 2 == 0),
            )
        })
        .collect();
    let mut whole = SiteReport::new("site.example", 4);
    let (mut a, mut b) = (SiteReport::new("site.example", 4), SiteReport::new("site.example", 4));
    for (i, (r, c)) in reqs.iter().enumerate() {
        whole.record(r, c);
        if i < 3 {
            a.record(r, c);
        } else {
            b.record(r, c);
        }
    }
    let mut ab = a.clone();
    ab.merge(&b);
    let mut ba = b.clone();
    ba.merge(&a);
    assert_eq!(ab, ba, "commutative");
    assert_eq!(ab.endpoints, whole.endpoints);
    assert_eq!((ab.requests, ab.first_seen_ms, ab.last_seen_ms), (whole.requests, whole.first_seen_ms, whole.last_seen_ms));
    assert_eq!(ab.log.len() as u64 + ab.log_dropped, 6);
}

#[test]
fn merging_an_empty_report_changes_nothing() {
    let mut s = SiteReport::new("site.example", 10);
    s.record(&request("https://t.example/", 42, None), &classification("t.example", true));
    let before = s.clone();
    s.merge(&SiteReport::new("site.example", 10));
    assert_eq!(s, before);
    let mut empty = SiteReport::new("site.example", 10);
    empty.merge(&before);
    assert_eq!(empty, before);
}

#[test]
fn hostile_sizes_saturate_instead_of_wrapping() {
    let mut s = SiteReport::new("site.example", 10);
    for _ in 0..3 {
        let mut r = request("https://t.example/", 1, None);
        r.bytes_received = u64::MAX;
        r.bytes_sent = u64::MAX;
        s.record(&r, &classification("t.example", false));
    }
    let e = &s.endpoints["t.example"];
    assert_eq!((e.total.bytes_received, e.total.bytes_sent), (u64::MAX, u64::MAX));
    let mut m = s.clone();
    m.merge(&s);
    assert_eq!(m.endpoints["t.example"].total.bytes_received, u64::MAX);
    let report = crate::Analyzer::new().report(&m, &crate::judge::Policy::parse("US", "us").unwrap());
    assert_eq!(report.totals.bytes_received, u64::MAX);
}

#[test]
fn logged_urls_carry_no_raw_controls_or_direction_overrides() {
    assert_eq!(logged_url("https://a.example/x\u{202E}gpj.exe?q=\u{0}"), "https://a.example/x%E2%80%AEgpj.exe?q=%00");
    assert_eq!(logged_url("https://a.example/plain?q=1"), "https://a.example/plain?q=1");
}

#[test]
fn ten_thousand_hosts_and_a_hundred_thousand_requests_stay_bounded() {
    use crate::aggregate::{snapshot, MAX_ENDPOINTS};
    let mut s = SiteReport::new("site.example", 2000);
    for i in 0..100_000u64 {
        let host = format!("h{}.example", i % 10_000);
        let mut r = Request::new(format!("https://{host}/p?i={i}"), "https://site.example/", ResourceType::Image);
        r.time_ms = 1_700_000_000_000 + i;
        r.bytes_sent = 10;
        // Every tenth host is a tracker: those are kept over the others.
        s.record(&r, &classification(&host, i % 10_000 % 10 == 0));
    }
    assert_eq!(s.requests, 100_000);
    assert_eq!(s.endpoints.len(), MAX_ENDPOINTS);
    assert_eq!(s.folded.endpoints(), 10_000 - MAX_ENDPOINTS as u64, "distinct hosts, each counted once");
    let kept: u64 = s.endpoints.values().map(|e| e.requests()).sum();
    assert_eq!(kept + s.folded.requests, 100_000, "every request is counted, listed or folded");
    assert_eq!(s.endpoints.values().filter(|e| e.tracker_requests() > 0).count(), 1000, "all tracker endpoints are kept");
    assert_eq!(s.log.len(), 2000);
    assert_eq!(s.log_dropped, 98_000);
    let bytes = snapshot::encode(&s).len();
    assert!(bytes < 2 * 1024 * 1024, "a bounded visit snapshots to {bytes} bytes, well inside storage.session's 10 MB");
}

/// Folding picks exactly the endpoint a full scan would (least telling: a
/// non-tracker first, then the longest unseen, then by host), however hosts
/// come back, turn into trackers or arrive out of time order: checked against
/// a naive model over a long pseudo-random run.
#[test]
fn folding_picks_what_a_full_scan_would() {
    use crate::aggregate::MAX_ENDPOINTS;
    use std::collections::BTreeMap;
    let mut s = SiteReport::new("site.example", 10);
    let mut model: BTreeMap<String, (bool, u64)> = BTreeMap::new();
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let mut folds = 0;
    for i in 0..16_000u64 {
        let r = next();
        // Mostly new hosts, some returning ones; times mostly rising, some late.
        let host = if r % 4 == 0 { format!("h{}.example", r % (i + 1)) } else { format!("n{i}.example") };
        let t = if r % 7 == 0 { i / 2 } else { i };
        let tracker = r % 11 == 0;
        if !model.contains_key(&host) && model.len() >= MAX_ENDPOINTS {
            let victim = model.iter().min_by(|a, b| (a.1 .0, a.1 .1, a.0).cmp(&(b.1 .0, b.1 .1, b.0))).map(|(h, _)| h.clone()).unwrap();
            model.remove(&victim);
            folds += 1;
        }
        let m = model.entry(host.clone()).or_insert((false, t));
        m.0 |= tracker;
        m.1 = m.1.max(t);
        let mut req = Request::new(format!("https://{host}/"), "https://site.example/", ResourceType::Image);
        req.time_ms = t;
        s.record(&req, &classification(&host, tracker));
    }
    assert!(folds > 8_000, "the run folded often ({folds})");
    let listed: Vec<&String> = s.endpoints.keys().collect();
    let want: Vec<&String> = model.keys().collect();
    assert_eq!(listed, want, "the same endpoints are listed as with a full scan per fold");
}

fn verdict(category: Category, list: ListId, line: u32, rule: &str) -> crate::classify::TrackerVerdict {
    crate::classify::TrackerVerdict { category, rule: Some(crate::classify::RuleMatch { list, rule: rule.into(), line }) }
}

/// A host that served advertising and telemetry, at two IPs, with a failed
/// request: each request keeps its own verdict and IP, and the endpoint
/// tallies them without merging them into one label.
#[test]
fn an_endpoint_tallies_each_requests_own_verdict_and_ip() {
    let mut s = SiteReport::new("site.example", 100);
    let mut c = classification("m.example", false);
    let ads = verdict(Category::Advertising, ListId::Easylist, 10, "||m.example/pagead/");
    let tele = verdict(Category::Telemetry, ListId::PlatformTelemetry, 20, "||m.example/log_event");
    for (i, (v, ip)) in [
        (Some(&ads), Some("192.0.2.1")),
        (Some(&tele), Some("192.0.2.1")),
        (Some(&tele), Some("198.51.100.7")),
        (None, Some("198.51.100.7")),
        (Some(&tele), None),
    ]
    .into_iter()
    .enumerate()
    {
        c.tracker = v.cloned();
        s.record(&request(&format!("https://m.example/{i}"), i as u64, ip), &c);
    }
    let e = &s.endpoints["m.example"];
    assert_eq!(e.requests(), 5);
    assert_eq!(e.tracker_requests(), 4);
    let kinds: Vec<(Category, u64)> = e.by_kind.iter().map(|(k, t)| (k.category, t.requests)).collect();
    assert_eq!(kinds, vec![(Category::Advertising, 1), (Category::Telemetry, 3)]);
    assert_eq!(e.by_rule.values().copied().collect::<Vec<_>>(), vec![1, 3]);
    let a: std::net::IpAddr = "192.0.2.1".parse().unwrap();
    let b: std::net::IpAddr = "198.51.100.7".parse().unwrap();
    assert_eq!((e.by_ip[&a].all.requests, e.by_ip[&a].telemetry_requests), (2, 1));
    assert_eq!((e.by_ip[&b].all.requests, e.by_ip[&b].tracker_requests), (2, 1));
    assert_eq!((e.without_ip.all.requests, e.without_ip.telemetry_requests), (1, 1));
    let rows: Vec<Option<Category>> = s.log.iter().map(|r| r.verdict.as_ref().map(|v| v.category)).collect();
    assert_eq!(rows, vec![Some(Category::Advertising), Some(Category::Telemetry), Some(Category::Telemetry), None, Some(Category::Telemetry)]);
    assert_eq!(s.log[0].verdict.as_ref().and_then(|v| v.rule.as_deref()), Some("||m.example/pagead/"), "each row cites its own rule");
}

/// Past the per-endpoint bounds, rules and IPs are counted, not lost, and a
/// merge keeps the same ones whatever its order.
#[test]
fn rules_and_ips_past_their_bounds_are_counted() {
    let mut s = SiteReport::new("site.example", 10);
    let mut c = classification("m.example", false);
    for i in 0..(MAX_RULES as u32 + 5) {
        c.tracker = Some(verdict(Category::Analytics, ListId::Easyprivacy, 100 + i, &format!("/rule{i}")));
        s.record(&request("https://m.example/", 1, Some(&format!("10.0.{}.{}", i / 200, i % 200))), &c);
    }
    for i in 0..(MAX_IPS as u32 + 3) {
        c.tracker = None;
        s.record(&request("https://m.example/", 1, Some(&format!("192.0.2.{}", i % 250))), &c);
    }
    let e = &s.endpoints["m.example"];
    assert_eq!(e.by_rule.len(), MAX_RULES);
    assert_eq!(e.rules_overflow, 5);
    assert_eq!(e.by_rule.values().sum::<u64>() + e.rules_overflow, e.tracker_requests());
    assert_eq!(e.by_ip.len(), MAX_IPS);
    let listed: u64 = e.by_ip.values().map(|t| t.all.requests).sum();
    assert_eq!(listed + e.ips_overflow.all.requests + e.without_ip.all.requests, e.requests());
}

/// A binary body is reported by type and size, and its bytes never become field names.
#[test]
fn binary_bodies_are_counted_not_read() {
    let mut s = SiteReport::new("site.example", 10);
    let mut r = request("https://log.example/x", 1, None);
    r.method = "POST".into();
    r.body = Some("\u{8}\u{1}\u{12}\u{4}uid=\u{fffd}\u{fffd}device_id=123456789012345678".into());
    r.body_type = Some("application/x-protobuf".into());
    r.body_size = Some(37);
    s.record(&r, &classification("log.example", true));
    let e = &s.endpoints["log.example"];
    assert!(e.sent.is_empty(), "{:?}", e.sent);
    assert_eq!(e.binary["application/x-protobuf"].requests, 1);
    assert_eq!(e.binary["application/x-protobuf"].bytes_sent, 37);
    assert_eq!(s.log[0].binary_body, Some(37));
}

/// Rows evicted from the ring are handed to the shell once; read back, they
/// and the ring give every request once, in order, however often a replay
/// evicted them again.
#[test]
fn evicted_rows_come_back_whole_and_once() {
    let mut s = SiteReport::new("site.example", 3);
    for t in 0..10 {
        s.record(&request(&format!("https://t.example/{t}"), t, None), &classification("t.example", false));
    }
    let first = s.take_evicted();
    assert_eq!(first.iter().map(|r| r.seq).collect::<Vec<_>>(), vec![0, 1, 2, 3, 4, 5, 6]);
    assert!(s.take_evicted().is_empty(), "taken once");
    let mut spilled = first.clone();
    spilled.extend(first[2..4].iter().cloned()); // stored twice by a replay
    let (rows, missing) = s.log_with(spilled);
    assert_eq!(rows.iter().map(|r| r.seq).collect::<Vec<_>>(), (0..10).collect::<Vec<_>>());
    assert_eq!(missing, 0);
    let (_, missing) = s.log_with(first[3..].to_vec());
    assert_eq!(missing, 3, "rows neither spilled nor in the ring are counted");
}

/// Past MAX_EVICTED rows not taken by the shell, the oldest go first and are
/// counted among the dropped rows; the newest are handed over in order.
#[test]
fn evicted_rows_past_the_bound_drop_the_oldest() {
    use crate::aggregate::MAX_EVICTED;
    let mut s = SiteReport::new("site.example", 2);
    let n = MAX_EVICTED as u64 + 50;
    for t in 0..n + 2 {
        s.record(&request(&format!("https://t.example/{t}"), t, None), &classification("t.example", false));
    }
    let taken = s.take_evicted();
    assert_eq!(taken.len(), MAX_EVICTED);
    assert_eq!(taken.first().map(|r| r.seq), Some(50), "the 50 oldest went");
    assert_eq!(taken.last().map(|r| r.seq), Some(n - 1), "in order, up to the ring");
    assert_eq!(s.log.iter().map(|r| r.seq).collect::<Vec<_>>(), vec![n, n + 1]);
    assert_eq!(s.log_dropped, n, "every row out of the ring is counted");
    let (rows, missing) = s.log_with(taken);
    assert_eq!((rows.len() as u64, missing), (MAX_EVICTED as u64 + 2, 50), "the dropped rows are counted as missing");
}

mod bounded_merge {
    use super::*;
    use proptest::prelude::*;

    type Obs = (u8, Option<u32>, Option<u8>, u8);

    /// Requests to 3 hosts, with up to 60 distinct rules and 100 distinct
    /// IPs: past MAX_RULES and MAX_IPS, so the bounded tallies are exercised.
    fn report(obs: &[Obs]) -> SiteReport {
        let mut s = SiteReport::new("site.example", 1000);
        for (i, &(h, line, ip, sent)) in obs.iter().enumerate() {
            let host = format!("h{h}.example");
            let mut c = classification(&host, false);
            c.tracker = line.map(|l| verdict(if l % 2 == 0 { Category::Advertising } else { Category::Telemetry }, ListId::Easylist, l, &format!("/r{l}")));
            let mut r = request(&format!("https://{host}/?n={i}"), i as u64, None);
            r.ip = ip.map(|x| std::net::IpAddr::from([192, 0, 2, x]));
            r.bytes_sent = u64::from(sent);
            s.record(&r, &c);
        }
        s
    }

    fn obs() -> impl Strategy<Value = Vec<Obs>> {
        prop::collection::vec((0u8..3, prop::option::of(0u32..60), prop::option::of(0u8..100), 0u8..255), 0..120)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        #[test]
        fn bounded_tallies_merge_in_any_order(a in obs(), b in obs(), c in obs()) {
            let (ra, rb, rc) = (report(&a), report(&b), report(&c));
            let m = |x: &SiteReport, y: &SiteReport| { let mut z = x.clone(); z.merge(y); z };
            prop_assert_eq!(&m(&ra, &rb).endpoints, &m(&rb, &ra).endpoints);
            prop_assert_eq!(&m(&m(&ra, &rb), &rc).endpoints, &m(&ra, &m(&rb, &rc)).endpoints);
            for e in m(&m(&ra, &rb), &rc).endpoints.values() {
                prop_assert_eq!(e.by_rule.values().sum::<u64>() + e.rules_overflow, e.tracker_requests());
                let at_ips: u64 = e.by_ip.values().map(|t| t.all.requests).sum();
                prop_assert_eq!(at_ips + e.ips_overflow.all.requests + e.without_ip.all.requests, e.requests());
            }
        }
    }
}
