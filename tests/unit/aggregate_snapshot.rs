use std::collections::BTreeSet;

use sha2::{Digest, Sha256};

use super::*;
use crate::aggregate::{EndpointStats, Folded, RequestRow, SentStats, ServerTally, SiteReport, Subject, SubjectKind, Tally, Unit, Verdict};
use crate::classify::{Category, ListId, Party};
use crate::observe::packets::{ConnectionFacts, NameBasis, Protocol, Transport};
use crate::observe::{ResourceType, SentKind, SentReason};

/// A report with every field set, so any layout change shows in its bytes.
fn full() -> SiteReport {
    let mut s = SiteReport::new("tiktok.com", 500);
    s.requests = 3;
    s.skipped = 1;
    s.first_seen_ms = 1_700_000_000_000;
    s.last_seen_ms = 1_700_000_001_000;
    s.log_dropped = 2;
    let tally = |n: u64| Tally { requests: n, bytes_sent: 10 * n, bytes_received: 100 * n };
    let server = |n: u64| ServerTally { all: tally(n), tracker_requests: n, telemetry_requests: n / 2 };
    s.folded = Folded {
        hosts: BTreeSet::from([1, 2]),
        hosts_overflow: 1,
        requests: 2,
        tracker_requests: 3,
        third_party_requests: 4,
        third_party_cookies: 5,
        bytes_sent: 6,
        bytes_received: 7,
        by_ip: [("203.0.113.4".parse().unwrap(), server(2))].into_iter().collect(),
        without_ip: server(1),
        ips_overflow: server(0),
    };
    let verdict = Verdict { category: Category::Telemetry, list: Some(ListId::PlatformTelemetry), line: 44, rule: Some("||mon.tiktokv.com^".into()) };
    s.endpoints.insert(
        "mon.tiktokv.com".into(),
        EndpointStats {
            host: "mon.tiktokv.com".into(),
            domain: "tiktokv.com".into(),
            party: Party::SameEntity,
            entity: Some("bytedance".into()),
            domain_category: Some(Category::Api),
            total: tally(3),
            by_ip: [("71.18.1.3".parse().unwrap(), server(1)), ("2001:db8::1".parse().unwrap(), server(1))].into_iter().collect(),
            without_ip: server(1),
            ips_overflow: server(0),
            by_kind: [(verdict.kind(), tally(3))].into_iter().collect(),
            by_rule: [(verdict.clone(), 3)].into_iter().collect(),
            rules_overflow: 1,
            cookies_set: 0,
            first_seen_ms: 1_700_000_000_000,
            last_seen_ms: 1_700_000_001_000,
            sent: [("device_id".to_string(), SentStats { kind: SentKind::Identifier, reason: SentReason::IdentifierName, requests: 3 })].into_iter().collect(),
            binary: [("application/x-protobuf".to_string(), tally(1))].into_iter().collect(),
            by_basis: [(NameBasis::TlsSni, 2), (NameBasis::Dns, 1)].into_iter().collect(),
            dns_names: ["log.tiktokv.com".to_string()].into_iter().collect(),
        },
    );
    s.log.push_back(RequestRow {
        time_ms: 1_700_000_000_000,
        host: "mon.tiktokv.com".into(),
        url: "https://mon.tiktokv.com/x".into(),
        method: "POST".into(),
        resource_type: ResourceType::Xmlhttprequest,
        status: Some(200),
        ip: Some("71.18.1.3".parse().unwrap()),
        bytes_sent: 100,
        bytes_received: 10,
        verdict: Some(verdict),
        sent: vec![("device_id".into(), SentKind::Identifier)],
        binary_body: Some(12),
        connection: None,
        seq: 2,
    });
    s.log.push_back(RequestRow {
        time_ms: 1_700_000_000_500,
        host: "mon.tiktokv.com".into(),
        url: String::new(),
        method: String::new(),
        resource_type: ResourceType::Other,
        status: None,
        ip: Some("71.18.1.3".parse().unwrap()),
        bytes_sent: 900,
        bytes_received: 4000,
        verdict: None,
        sent: vec![],
        binary_body: None,
        connection: Some(ConnectionFacts {
            transport: Transport::Udp,
            protocol: Protocol::Quic,
            server_port: 443,
            basis: NameBasis::QuicSni,
            dns_names: vec!["log.tiktokv.com".into()],
            ech: false,
            mid_stream: false,
        }),
        seq: 3,
    });
    s.subject = Subject { kind: SubjectKind::App, label: Some("TikTok".into()), basis: Some("PCAPdroid app block".into()), unit: Unit::Connections };
    s.next_seq = 4;
    s
}

#[test]
fn round_trip() {
    let s = full();
    let bytes = encode(&s);
    assert_eq!(&bytes[..4], b"BLSR");
    let back: SiteReport = decode(&bytes).unwrap();
    assert_eq!(back, s);
    let many = vec![s.clone(), SiteReport::new("youtube.com", 1)];
    assert_eq!(decode::<Vec<SiteReport>>(&encode(&many)).unwrap(), many);
}

/// The pinned layout: if this fails, the stored shape changed. Bump
/// SNAPSHOT_VERSION (old snapshots will then be refused, not misread) and
/// update both values here.
#[test]
fn layout_is_pinned_to_the_version() {
    let digest = Sha256::digest(encode(&full()));
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!((SNAPSHOT_VERSION, hex.as_str()), (5, PINNED_LAYOUT), "snapshot layout changed: bump SNAPSHOT_VERSION and re-pin");
}

const PINNED_LAYOUT: &str = "89812b2aa114024f1cf675dfd0263130ec05881d080cdd627e8bc37601f0c279";

#[test]
fn bad_snapshots_are_errors() {
    assert_eq!(decode::<SiteReport>(b""), Err(SnapshotError::NotASnapshot));
    assert_eq!(decode::<SiteReport>(b"{\"json\":1}"), Err(SnapshotError::NotASnapshot));
    let mut other = encode(&full());
    other[4] = 99;
    assert_eq!(decode::<SiteReport>(&other), Err(SnapshotError::Version(99)));
    let bytes = encode(&full());
    for cut in [7, bytes.len() / 2, bytes.len() - 1] {
        assert!(matches!(decode::<SiteReport>(&bytes[..cut]), Err(SnapshotError::Corrupt(_))), "cut at {cut}");
    }
    let mut trailing = bytes.clone();
    trailing.push(0);
    assert!(matches!(decode::<SiteReport>(&trailing), Err(SnapshotError::Corrupt(_))));
}
