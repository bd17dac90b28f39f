//! Property tests: report merge is commutative and associative, snapshots
//! round-trip, range-table lookups equal a linear scan, and CSV survives a real
//! CSV parser whatever the network put in the URL.

use std::net::{IpAddr, Ipv4Addr};

use borderline::aggregate::{snapshot, SiteReport};
use borderline::judge::Policy;
use borderline::locate::{encode, RangeTable};
use borderline::observe::{Request, ResourceType};
use borderline::{Analyzer, Reports};
use proptest::prelude::*;

thread_local! {
    static ANALYZER: Analyzer = Analyzer::new();
}

const HOSTS: [&str; 6] = [
    "https://mon.tiktokv.com/c",
    "https://www.tiktok.com/",
    "https://www.google-analytics.com/g/collect",
    "https://i.ytimg.com/x.jpg",
    "https://a.example/",
    "https://b.example/p?q=1",
];

fn request() -> impl Strategy<Value = Request> {
    (0..HOSTS.len(), 0u64..10_000, proptest::option::of(any::<u32>()), 0u64..5000, 0u64..50_000, 0u32..3).prop_map(|(h, t, ip, sent, recv, cookies)| {
        let mut r = Request::new(HOSTS[h], "https://www.tiktok.com/foryou", ResourceType::Xmlhttprequest);
        r.time_ms = 1_700_000_000_000 + t;
        r.ip = ip.map(|i| IpAddr::V4(Ipv4Addr::from(i)));
        r.bytes_sent = sent;
        r.bytes_received = recv;
        r.cookies_set = cookies;
        r
    })
}

fn report_of(reqs: &[Request], cap: u64) -> SiteReport {
    ANALYZER.with(|a| {
        let mut reports = Reports::new(cap);
        for r in reqs {
            a.observe(r, &mut reports);
        }
        reports.sites.remove("tiktok.com").unwrap_or_else(|| SiteReport::new("tiktok.com", cap))
    })
}

fn merged(a: &SiteReport, b: &SiteReport) -> SiteReport {
    let mut m = a.clone();
    m.merge(b);
    m
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn merge_is_commutative_and_associative(a in prop::collection::vec(request(), 0..12), b in prop::collection::vec(request(), 0..12), c in prop::collection::vec(request(), 0..12), cap in 1u64..20) {
        let (ra, rb, rc) = (report_of(&a, cap), report_of(&b, cap), report_of(&c, cap));
        prop_assert_eq!(merged(&ra, &rb), merged(&rb, &ra));
        prop_assert_eq!(merged(&merged(&ra, &rb), &rc), merged(&ra, &merged(&rb, &rc)));
        // And merging equals observing everything in one report, counts-wise.
        let all: Vec<Request> = a.iter().chain(&b).chain(&c).cloned().collect();
        let whole = report_of(&all, cap);
        let m = merged(&merged(&ra, &rb), &rc);
        prop_assert_eq!(&m.endpoints, &whole.endpoints);
        prop_assert_eq!(m.requests, whole.requests);
        prop_assert_eq!(m.log.len() as u64 + m.log_dropped, all.len() as u64);
    }

    #[test]
    fn snapshots_round_trip(reqs in prop::collection::vec(request(), 0..30)) {
        let r = report_of(&reqs, 10);
        let back: SiteReport = snapshot::decode(&snapshot::encode(&r)).unwrap();
        prop_assert_eq!(back, r);
    }

    #[test]
    fn table_lookup_equals_linear_scan(mut keys in prop::collection::btree_set(1u32.., 0..200), values in prop::collection::vec(prop_oneof![0u32..5, any::<u32>()], 201), probes in prop::collection::vec(any::<u32>(), 50)) {
        keys.insert(0);
        let keys: Vec<u32> = keys.into_iter().collect();
        let entries: Vec<(u128, u32)> = keys.iter().zip(&values).map(|(&k, &v)| (u128::from(k), v)).collect();
        let bytes = encode::range_table(&entries, 4);
        let table = RangeTable::parse(&bytes).unwrap();
        table.validate().unwrap();
        for p in probes.into_iter().chain(keys.iter().copied()) {
            let linear = keys.iter().rposition(|&k| k <= p).map(|i| values[i]).filter(|&v| v != 0);
            prop_assert_eq!(table.lookup(u128::from(p)), linear);
        }
    }

    #[test]
    fn ipv6_table_lookup_equals_linear_scan(highs in prop::collection::vec(prop_oneof![3 => 0u64..64, 1 => any::<u64>()], 0..100), lows in prop::collection::vec(prop_oneof![Just(0u64), any::<u64>()], 100), values in prop::collection::vec(0u32..300, 101), probes in prop::collection::vec((prop_oneof![0u64..66, any::<u64>()], any::<u64>()), 50)) {
        // Mostly few distinct high halves, so runs of keys share one and
        // differ in the low half; some anywhere, so deltas within a block
        // take from 1 to 10 bytes.
        let mut keys: Vec<u128> = highs.iter().zip(&lows).map(|(&h, &l)| u128::from(h) << 64 | u128::from(l)).collect();
        keys.push(0);
        keys.sort_unstable();
        keys.dedup();
        let entries: Vec<(u128, u32)> = keys.iter().zip(&values).map(|(&k, &v)| (k, v)).collect();
        let bytes = encode::range_table(&entries, 16);
        let table = RangeTable::parse(&bytes).unwrap();
        table.validate().unwrap();
        let probes = probes.into_iter().map(|(h, l)| u128::from(h) << 64 | u128::from(l)).chain(keys.iter().flat_map(|&k| [k, k.wrapping_sub(1)]));
        for p in probes {
            let linear = keys.iter().rposition(|&k| k <= p).map(|i| values[i]).filter(|&v| v != 0);
            prop_assert_eq!(table.lookup(p), linear);
        }
        prop_assert_eq!((0..table.len()).map(|i| table.key(i)).collect::<Vec<_>>(), keys);
    }

    #[test]
    fn csv_round_trips_through_a_real_parser(path in "[^\u{0}]{0,80}", method in "[=+@\\-A-Z\"\t,;]{1,8}") {
        let url = format!("https://x.example/{path}");
        let mut r = Request::new(url.clone(), "https://site.example/", ResourceType::Script);
        r.method = method.clone();
        ANALYZER.with(|a| {
            let mut reports = Reports::new(100);
            a.observe(&r, &mut reports);
            let site = &reports.sites["site.example"];
            let policy = Policy::parse("US", "us").unwrap();
            let report = a.report(site, &policy);
            let csv = a.csv(&report, site, &policy);
            let mut reader = csv::ReaderBuilder::new().from_reader(csv.as_bytes());
            let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
            assert_eq!(rows.len(), 1);
            let logged = &site.log[0].url;
            assert_eq!(&rows[0][3], borderline::render::neutralise(logged).as_ref());
            let m = &rows[0][2];
            assert!(!m.starts_with(['=', '+', '-', '@', '\t', '\r']), "formula cell: {m:?}");
        });
    }
}
