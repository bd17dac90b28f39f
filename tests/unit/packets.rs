use super::*;

#[path = "../support/capture.rs"]
mod build;

use build::{client_hello, dns_response, frame, pcap, pcapng, tcp, tcp_conversation, udp, Pkt};

const PHONE: &str = "10.215.173.1";
const RESOLVER: &str = "10.215.173.2";

fn ip(s: &str) -> IpAddr {
    s.parse().unwrap()
}

fn read(bytes: &[u8]) -> PacketCapture {
    read_packets(bytes, |_| {}).expect("a packet capture")
}

/// A phone session: DNS (with a CNAME chain) then TLS to the answer, a
/// plain HTTP request, a TLS connection with ECH, and a second TLS connection
/// whose hello spans three segments sent out of order.
fn session() -> Vec<Pkt> {
    let phone = ip(PHONE);
    let cdn = ip("203.0.113.10");
    let mut v = Vec::new();
    let q = (phone, 40000);
    let r = (ip(RESOLVER), 53);
    v.push(Pkt { ms: 1_700_000_000_000, ip: udp(q, r, b"query"), uid: None });
    v.push(Pkt {
        ms: 1_700_000_000_001,
        ip: udp(r, q, &dns_response(1, &["api.tiktokv.com", "api.tiktokv.com.edgekey.net", "e1.akamaiedge.net"], &[cdn])),
        uid: None,
    });
    v.extend(tcp_conversation((phone, 40001), (cdn, 443), 1_700_000_000_010, &client_hello(Some("api.tiktokv.com"), false, 0), 1400, 3000));
    v.extend(tcp_conversation(
        (phone, 40002),
        (ip("198.51.100.7"), 80),
        1_700_000_000_020,
        b"GET /x?id=1 HTTP/1.1\r\nHost: Log.Example.NET:8080\r\nUser-Agent: t\r\n\r\n",
        1400,
        500,
    ));
    v.extend(tcp_conversation((phone, 40003), (ip("198.51.100.8"), 443), 1_700_000_000_030, &client_hello(Some("public.example.org"), true, 0), 1400, 100));
    // A 1.8 kB hello in three segments, the last sent first.
    let mut split =
        tcp_conversation((phone, 40004), (ip("198.51.100.9"), 443), 1_700_000_000_040, &client_hello(Some("mon.byteoversea.com"), false, 1700), 700, 100);
    split.swap(2, 4);
    v.extend(split);
    v
}

#[test]
fn names_come_from_sni_http_host_and_dns_each_with_its_basis() {
    let pkts = session();
    let frames: Vec<(u64, Vec<u8>)> = pkts.iter().map(|p| (p.ms, frame(1, &p.ip))).collect();
    let cap = read(&pcap(1, false, false, &frames));
    assert_eq!(cap.format, Some(Format::Pcap));
    assert_eq!(cap.packets, pkts.len() as u64);
    assert_eq!(cap.packets_not_ip, 0);
    assert_eq!(cap.dns_responses, 1);
    let by_port = |p: u16| cap.connections.iter().find(|c| c.client_port == p).unwrap();

    let dns = by_port(40000);
    assert_eq!((dns.protocol, dns.server_port, dns.basis), (Protocol::Dns, 53, NameBasis::None));

    let tls = by_port(40001);
    assert_eq!(tls.name.as_deref(), Some("api.tiktokv.com"));
    assert_eq!(tls.basis, NameBasis::TlsSni);
    assert_eq!(tls.protocol, Protocol::Tls);
    assert!(!tls.mid_stream);
    // The DNS answer gave the address under the same name: no other names to show.
    assert!(tls.dns_names.is_empty(), "{:?}", tls.dns_names);
    assert!(tls.bytes_received > 3000 && tls.bytes_sent > 200, "{tls:?}");

    let http = by_port(40002);
    assert_eq!((http.name.as_deref(), http.basis, http.protocol), (Some("log.example.net"), NameBasis::HttpHost, Protocol::Http));

    let ech = by_port(40003);
    assert!(ech.ech);
    assert_eq!(ech.name.as_deref(), Some("public.example.org"));

    let split = by_port(40004);
    assert_eq!(split.name.as_deref(), Some("mon.byteoversea.com"), "hello joined from out-of-order segments");
}

#[test]
fn every_link_type_and_both_byte_orders_read_the_same_connections() {
    let pkts = session();
    let reference = {
        let frames: Vec<(u64, Vec<u8>)> = pkts.iter().map(|p| (p.ms, frame(1, &p.ip))).collect();
        read(&pcap(1, false, false, &frames)).connections
    };
    for linktype in [0u32, 1, 101, 108, 113, 228, 276] {
        for (big, nanos) in [(false, false), (true, false), (false, true), (true, true)] {
            let frames: Vec<(u64, Vec<u8>)> = pkts.iter().map(|p| (p.ms, frame(linktype, &p.ip))).collect();
            let cap = read(&pcap(linktype, big, nanos, &frames));
            assert_eq!(cap.connections, reference, "link type {linktype}, big-endian {big}, nanoseconds {nanos}");
        }
    }
    for linktype in [0u16, 1, 101, 108, 113, 228, 276] {
        let cap = read(&pcapng(linktype, "Pixel 8", &[], &pkts));
        assert_eq!(cap.connections, reference, "PCAPNG, link type {linktype}");
    }
    let cap = read(&pcapng(101, "Pixel 8", &[], &pkts));
    assert_eq!(cap.format, Some(Format::Pcapng));
    assert_eq!(cap.connections, reference);
    assert_eq!(cap.device.as_deref(), Some("Pixel 8"));
    assert_eq!(cap.recorder.as_deref(), Some("PCAPdroid v1.9.1"));
}

#[test]
fn times_come_from_the_capture_clock() {
    let cap = read(&pcapng(101, "d", &[], &session()));
    let first = cap.connections.iter().map(|c| c.first_ms).min().unwrap();
    assert_eq!(first, 1_700_000_000_000);
}

#[test]
fn pcapdroid_app_blocks_and_trailers_name_the_app_of_each_connection() {
    let mut pkts = session();
    for p in &mut pkts {
        p.uid = Some(10123);
    }
    let cap = read(&pcapng(101, "Pixel", &[(10123, "com.zhiliaoapp.musically", "TikTok")], &pkts));
    let app = &cap.apps[&10123];
    assert_eq!((app.package.as_str(), app.label.as_deref(), app.cut), ("com.zhiliaoapp.musically", Some("TikTok"), false));
    assert!(cap.connections.iter().all(|c| c.app == Some(10123)));

    // "PCAP with extensions": the trailer cuts the package name to 19 bytes.
    let frames: Vec<(u64, Vec<u8>)> = pkts.iter().map(|p| (p.ms, build::pcapdroid_frame(&p.ip, 10123, "com.zhiliaoapp.musically"))).collect();
    let cap = read(&pcap(1, false, false, &frames));
    let app = &cap.apps[&10123];
    assert_eq!(app.package, "com.zhiliaoapp.musi");
    assert!(app.cut);
    let tls = cap.connections.iter().find(|c| c.client_port == 40001).unwrap();
    assert_eq!((tls.app, tls.name.as_deref()), (Some(10123), Some("api.tiktokv.com")), "the trailer is not read as TLS bytes");
}

#[test]
fn one_address_for_several_names_is_shown_not_resolved() {
    let phone = ip(PHONE);
    let shared = ip("203.0.113.50");
    let (q, r) = ((phone, 41000), (ip(RESOLVER), 53));
    let mut pkts = vec![
        Pkt { ms: 1000, ip: udp(r, q, &dns_response(1, &["a.example.com"], &[shared])), uid: None },
        Pkt { ms: 1001, ip: udp(r, q, &dns_response(2, &["b.example.net"], &[shared])), uid: None },
    ];
    // A connection with no name of its own (no hello: some binary protocol).
    pkts.extend(tcp_conversation((phone, 41001), (shared, 5555), 2000, b"\x00\x01binary", 1400, 10));
    // One named by SNI: the other names DNS gave its address are listed beside it.
    pkts.extend(tcp_conversation((phone, 41002), (shared, 443), 2000, &client_hello(Some("a.example.com"), false, 0), 1400, 10));
    let cap = read(&pcapng(101, "d", &[], &pkts));
    let plain = cap.connections.iter().find(|c| c.client_port == 41001).unwrap();
    assert_eq!(plain.basis, NameBasis::DnsAmbiguous);
    assert_eq!(plain.name, None);
    assert_eq!(plain.dns_names, vec!["a.example.com".to_string(), "b.example.net".to_string()]);
    let sni = cap.connections.iter().find(|c| c.client_port == 41002).unwrap();
    assert_eq!(sni.basis, NameBasis::TlsSni);
    assert_eq!(sni.dns_names, vec!["a.example.com".to_string(), "b.example.net".to_string()]);
}

#[test]
fn a_dns_answer_after_the_connection_began_does_not_name_it() {
    let phone = ip(PHONE);
    let server = ip("203.0.113.60");
    let mut pkts = tcp_conversation((phone, 42001), (server, 7000), 1000, b"\x00binary", 1400, 10);
    pkts.push(Pkt { ms: 5000, ip: udp((ip(RESOLVER), 53), (phone, 42000), &dns_response(1, &["late.example.com"], &[server])), uid: None });
    let cap = read(&pcapng(101, "d", &[], &pkts));
    let c = cap.connections.iter().find(|c| c.client_port == 42001).unwrap();
    assert_eq!((c.basis, c.name.as_deref()), (NameBasis::None, None));
}

#[test]
fn a_connection_joined_mid_stream_is_marked_and_unnamed() {
    let phone = ip(PHONE);
    let server = ip("203.0.113.70");
    // No handshake; the first bytes seen are the middle of a TLS stream.
    let pkts = vec![
        Pkt { ms: 10, ip: tcp((phone, 43001), (server, 443), 777_000, "AP", &[0x17, 3, 3, 0, 5, 1, 2, 3, 4, 5]), uid: None },
        Pkt { ms: 11, ip: tcp((server, 443), (phone, 43001), 9_000, "AP", &[0x17, 3, 3, 0, 2, 9, 9]), uid: None },
    ];
    let cap = read(&pcapng(101, "d", &[], &pkts));
    assert_eq!(cap.connections.len(), 1);
    let c = &cap.connections[0];
    assert!(c.mid_stream);
    assert_eq!((c.client, c.server, c.server_port), (phone, server, 443), "the server side is the one on the server port");
    assert_eq!((c.packets_sent, c.packets_received), (1, 1));
    assert_eq!(c.basis, NameBasis::None);
}

#[test]
fn encrypted_dns_is_counted() {
    let phone = ip(PHONE);
    let mut pkts = tcp_conversation((phone, 44001), (ip("8.8.8.8"), 853), 10, &client_hello(Some("dns.google"), false, 0), 1400, 10);
    pkts.extend(tcp_conversation((phone, 44002), (ip("1.1.1.1"), 443), 20, &client_hello(Some("cloudflare-dns.com"), false, 0), 1400, 10));
    let cap = read(&pcapng(101, "d", &[], &pkts));
    assert_eq!(cap.encrypted_dns, 2);
}

#[test]
fn ipv6_connections_are_read() {
    let phone = ip("2001:db8::1");
    let server = ip("2001:db8:1::443");
    let pkts = tcp_conversation((phone, 45001), (server, 443), 10, &client_hello(Some("v6.example.com"), false, 0), 1400, 10);
    for lt in [1u16, 101, 229, 113, 276] {
        let cap = read(&pcapng(lt, "d", &[], &pkts));
        assert_eq!(cap.connections.len(), 1, "link type {lt}");
        assert_eq!(cap.connections[0].name.as_deref(), Some("v6.example.com"));
        assert_eq!(cap.connections[0].server, server);
    }
}

#[test]
fn a_file_cut_short_keeps_what_was_read_and_says_why() {
    let frames: Vec<(u64, Vec<u8>)> = session().iter().map(|p| (p.ms, frame(101, &p.ip))).collect();
    let whole = pcap(101, false, false, &frames);
    let full = read(&whole);
    let cut = &whole[..whole.len() - 30];
    let cap = read(cut);
    assert!(cap.stopped.as_deref().is_some_and(|s| s.contains("cut short")), "{:?}", cap.stopped);
    assert_eq!(cap.packets, full.packets - 1);
    assert!(cap.connections.iter().any(|c| c.name.as_deref() == Some("api.tiktokv.com")));
    assert_eq!(cap.bytes, cut.len() as u64);
}

#[test]
fn what_is_not_a_packet_capture_is_a_clear_error() {
    for bad in [&b""[..], b"{\"log\":{}}", b"\x0a\x0d\x0d\x0agarbage-garbage-garbage", &[0u8; 64]] {
        let err = read_packets(bad, |_| {}).unwrap_err();
        assert!(err.0.contains("empty") || err.0.contains("not a packet capture"), "{err}");
    }
    for short in [&b"\x0a\x0d\x0d\x0agarbage"[..], &[0xd4, 0xc3, 0xb2, 0xa1, 2, 0]] {
        let err = read_packets(short, |_| {}).unwrap_err();
        assert!(err.0.contains("cut short"), "{err}");
    }
}

#[test]
fn hostile_names_are_not_taken() {
    for raw in [&b"evil.com\0x"[..], b"a b.com", b"<script>.com", b"", b"\xff\xfe"] {
        assert_eq!(names::host_name(raw), None, "{raw:?}");
    }
    assert_eq!(names::host_name(b"Api.Example.COM."), Some("api.example.com".into()));
}

#[test]
fn the_checksum_is_of_the_bytes_read() {
    let bytes = pcapng(101, "d", &[], &session());
    let cap = read(&bytes);
    let expect: String = Sha256::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!((cap.sha256, cap.bytes), (expect, bytes.len() as u64));
}

#[test]
fn format_is_sniffed_from_the_first_bytes() {
    assert_eq!(Format::sniff(&pcap(1, false, false, &[])), Some(Format::Pcap));
    assert_eq!(Format::sniff(&pcap(1, true, false, &[])), Some(Format::Pcap));
    assert_eq!(Format::sniff(&pcapng(101, "d", &[], &[])), Some(Format::Pcapng));
    assert_eq!(Format::sniff(b"{\"log\""), None);
}

/// The RFC 9001 client Initial (QUIC v1, server name "example.com") in a UDP datagram.
fn quic_initial() -> Vec<u8> {
    quic::tests::hex(quic::tests::RFC9001_CLIENT_INITIAL)
}

#[test]
fn quic_initial_packets_name_the_server() {
    let phone = ip(PHONE);
    let server = ip("203.0.113.80");
    let pkts = vec![
        Pkt { ms: 10, ip: udp((phone, 46001), (server, 443), &quic_initial()), uid: None },
        Pkt { ms: 11, ip: udp((server, 443), (phone, 46001), &[0xc0; 60]), uid: None },
    ];
    let cap = read(&pcapng(101, "d", &[], &pkts));
    let c = &cap.connections[0];
    assert_eq!(
        (c.transport, c.protocol, c.basis, c.name.as_deref(), c.quic_version),
        (Transport::Udp, Protocol::Quic, NameBasis::QuicSni, Some("example.com"), Some(1))
    );
}

/// A phone session shaped like a real one: the TikTok app (PCAPdroid names
/// it) resolving and reaching its own API over TLS (several connections and
/// two addresses), its telemetry host over QUIC-less TLS, SDK hosts (Facebook
/// app events, Firebase, AppsFlyer), a connection nothing names, DNS over
/// TLS, and another app's traffic beside it.
pub(crate) fn phone_session() -> Vec<u8> {
    let phone = ip(PHONE);
    let dns = (ip(RESOLVER), 53);
    let mut pkts = Vec::new();
    let mut t = 1_764_000_000_000u64;
    let mut port = 50000u16;
    let tiktok = Some(10234);
    let other = Some(10567);
    let conn = |pkts: &mut Vec<Pkt>, uid: Option<i32>, name: Option<&str>, server: &str, dport: u16, resp: usize, t: &mut u64, port: &mut u16| {
        *port += 1;
        *t += 37;
        let hello = match name {
            Some(n) => client_hello(Some(n), false, 0),
            None => b"\x00\x00\x00\x10proprietary".to_vec(),
        };
        for mut p in tcp_conversation((phone, *port), (ip(server), dport), *t, &hello, 1400, resp) {
            p.uid = uid;
            pkts.push(p);
        }
    };
    let answer = |pkts: &mut Vec<Pkt>, uid, chain: &[&str], ips: &[&str], t: &mut u64| {
        *t += 5;
        let ips: Vec<IpAddr> = ips.iter().map(|s| ip(s)).collect();
        pkts.push(Pkt { ms: *t, ip: udp(dns, (phone, 35353), &dns_response(7, chain, &ips)), uid });
    };
    answer(
        &mut pkts,
        tiktok,
        &["api16-normal-useast5.tiktokv.us", "api16-normal-useast5.tiktokv.us.ttdns2.com", "a1.ttdns2.com"],
        &["23.46.220.10", "23.46.220.11"],
        &mut t,
    );
    for (i, server) in ["23.46.220.10", "23.46.220.11", "23.46.220.10"].iter().enumerate() {
        conn(&mut pkts, tiktok, Some("api16-normal-useast5.tiktokv.us"), server, 443, 20_000 + i * 5000, &mut t, &mut port);
    }
    conn(&mut pkts, tiktok, Some("mon.tiktokv.com"), "71.18.1.3", 443, 800, &mut t, &mut port);
    conn(&mut pkts, tiktok, Some("mon.tiktokv.com"), "71.18.1.3", 443, 900, &mut t, &mut port);
    conn(&mut pkts, tiktok, Some("graph.facebook.com"), "157.240.22.19", 443, 1200, &mut t, &mut port);
    conn(&mut pkts, tiktok, Some("app-measurement.com"), "142.250.74.110", 443, 700, &mut t, &mut port);
    conn(&mut pkts, tiktok, Some("inapps.appsflyer.com"), "52.1.2.3", 443, 600, &mut t, &mut port);
    answer(&mut pkts, tiktok, &["v16m.tiktokcdn.com"], &["184.25.56.1"], &mut t);
    conn(&mut pkts, tiktok, None, "184.25.56.1", 443, 90_000, &mut t, &mut port);
    conn(&mut pkts, tiktok, None, "198.51.100.200", 8443, 300, &mut t, &mut port);
    conn(&mut pkts, tiktok, Some("dns.google"), "8.8.8.8", 853, 300, &mut t, &mut port);
    t += 10;
    pkts.push(Pkt { ms: t, ip: udp((phone, 46001), (ip("142.250.74.100"), 443), &quic_initial()), uid: tiktok });
    conn(&mut pkts, other, Some("www.google.com"), "142.250.74.100", 443, 500, &mut t, &mut port);
    pcapng(101, "Pixel 8", &[(10234, "com.zhiliaoapp.musically", "TikTok"), (10567, "com.android.chrome", "Chrome")], &pkts)
}

#[test]
fn the_bundled_phone_capture_is_the_one_this_test_builds() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/phone/tiktok-app/capture.pcapng");
    let bytes = phone_session();
    if std::env::var_os("BORDERLINE_WRITE_FIXTURES").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &bytes).unwrap();
    }
    let committed = std::fs::read(&path).expect("tests/fixtures/phone/tiktok-app/capture.pcapng (write it with BORDERLINE_WRITE_FIXTURES=1)");
    assert!(committed == bytes, "the committed phone capture differs from what the test builds: rerun with BORDERLINE_WRITE_FIXTURES=1");
    let cap = read(&committed);
    assert_eq!(cap.apps.len(), 2);
    assert_eq!(cap.encrypted_dns, 1);
    let named: Vec<_> = cap.connections.iter().filter(|c| c.app == Some(10234)).map(|c| (c.name.as_deref(), c.basis)).collect();
    assert!(named.contains(&(Some("v16m.tiktokcdn.com"), NameBasis::Dns)), "{named:?}");
    assert!(named.contains(&(None, NameBasis::None)));
    assert!(named.contains(&(Some("example.com"), NameBasis::QuicSni)));
}

#[test]
fn chunks_of_any_size_read_the_same_as_the_whole_file() {
    for bytes in [phone_session(), pcap(1, true, false, &session().iter().map(|p| (p.ms, frame(1, &p.ip))).collect::<Vec<_>>())] {
        let whole = read(&bytes);
        for size in [1usize, 7, 4096, 65_536] {
            let mut r = PacketReader::new();
            for chunk in bytes.chunks(size) {
                r.push(chunk).unwrap();
            }
            assert_eq!(r.finish().unwrap(), whole, "chunks of {size} bytes");
        }
    }
}

#[test]
fn damage_after_the_header_stops_reading_and_keeps_what_was_read() {
    let mut bytes = phone_session();
    let whole = read(&bytes);
    let at = bytes.len() / 2;
    // A block whose two length fields disagree, half-way through.
    let block_start = (at..bytes.len()).find(|&i| bytes[i..i + 4] == 6u32.to_le_bytes()).unwrap();
    bytes[block_start + 4..block_start + 8].copy_from_slice(&13u32.to_le_bytes());
    let cap = read(&bytes);
    assert!(cap.stopped.as_deref().is_some_and(|s| s.contains("damaged")), "{:?}", cap.stopped);
    assert!(cap.packets < whole.packets && cap.packets > 10);
    assert_eq!(cap.bytes, bytes.len() as u64, "the checksum covers the whole file");
}

#[test]
fn pcapdroid_connections_csv_is_read_by_column_name() {
    let csv = "\u{feff}SrcIP,IPProto,DstIp,SrcPort,DstPort,UID,App,PackageName,Proto,Info,BytesSent,BytesRcvd,FirstSeen,LastSeen\n\
               10.215.173.1,TCP,71.18.1.3,50004,443,10234,TikTok,com.zhiliaoapp.musically,TLS,mon.tiktokv.com,4410,800,1764000000,1764000001\n\
               10.215.173.1,UDP,10.215.173.2,35353,53,10234,TikTok,com.zhiliaoapp.musically,DNS,api.example.com,74,182,1764000000,1764000000\n\
               10.215.173.1,TCP,203.0.113.9,50013,443,10234,TikTok,com.zhiliaoapp.musically,TLS,<b>x</b>,1,1,,\n\
               10.215.173.1,ICMP,203.0.113.9,0,0,10234,TikTok,com.zhiliaoapp.musically,,,1,1,,\n";
    assert!(pcapdroid_csv::sniff(b"IPProto,SrcIP,SrcPort"));
    assert!(!pcapdroid_csv::sniff(csv.as_bytes()), "sniffing needs PCAPdroid's own column order");
    let cap = pcapdroid_csv::read_connections_csv(csv.as_bytes()).unwrap();
    assert_eq!(cap.format, Some(Format::PcapdroidCsv));
    assert_eq!(cap.connections.len(), 3);
    let c = &cap.connections[0];
    assert_eq!(
        (c.name.as_deref(), c.basis, c.server_port, c.bytes_sent, c.first_ms),
        (Some("mon.tiktokv.com"), NameBasis::Recorder, 443, 4410, 1_764_000_000_000)
    );
    assert_eq!(
        (cap.connections[1].protocol, cap.connections[1].name.as_deref()),
        (Protocol::Dns, None),
        "a DNS row's Info is the name asked, not the resolver's"
    );
    assert_eq!((cap.connections[2].name.as_deref(), cap.connections[2].basis), (None, NameBasis::None), "markup is not a host name");
    assert_eq!(cap.apps[&10234].package, "com.zhiliaoapp.musically");
    assert!(cap.notes.iter().any(|n| n.contains("1 row of the connections CSV")), "{:?}", cap.notes);
    let err = pcapdroid_csv::read_connections_csv(b"IPProto,SrcIP\nTCP,1.2.3.4\n").unwrap_err();
    assert!(err.0.contains("no SrcPort, DstIp, DstPort, BytesSent, BytesRcvd column"), "{err}");
}

#[test]
fn later_answers_never_make_an_earlier_connection_look_certain() {
    let phone = ip(PHONE);
    let shared = ip("203.0.113.90");
    let (q, r) = ((phone, 47000), (ip(RESOLVER), 53));
    let mut pkts = vec![
        Pkt { ms: 1000, ip: udp(r, q, &dns_response(1, &["a.example.com"], &[shared])), uid: None },
        Pkt { ms: 1001, ip: udp(r, q, &dns_response(2, &["b.example.com"], &[shared])), uid: None },
    ];
    pkts.extend(tcp_conversation((phone, 47001), (shared, 7000), 2000, b"\x00binary", 1400, 10));
    // Ten more names for the same address after the connection began.
    for i in 0..10u16 {
        let name = format!("n{i}.example.com");
        pkts.push(Pkt { ms: 3000 + u64::from(i), ip: udp(r, q, &dns_response(10 + i, &[name.as_str()], &[shared])), uid: None });
    }
    // A connection after all of them: more names than kept, so never named.
    pkts.extend(tcp_conversation((phone, 47002), (shared, 7000), 9000, b"\x00binary", 1400, 10));
    let cap = read(&pcapng(101, "d", &[], &pkts));
    let first = cap.connections.iter().find(|c| c.client_port == 47001).unwrap();
    assert_eq!((first.basis, first.name.as_deref()), (NameBasis::DnsAmbiguous, None));
    assert_eq!(first.dns_names, vec!["a.example.com".to_string(), "b.example.com".to_string()], "the candidates when it began");
    let last = cap.connections.iter().find(|c| c.client_port == 47002).unwrap();
    assert_eq!((last.basis, last.name.as_deref()), (NameBasis::DnsAmbiguous, None));
}

#[test]
fn a_dns_answer_with_thousands_of_addresses_is_read_to_a_bound() {
    let phone = ip(PHONE);
    let ips: Vec<IpAddr> = (0..2000u32).map(|i| IpAddr::V4(std::net::Ipv4Addr::from(0xcb00_0000 + i))).collect();
    let chain: Vec<String> = (0..10).map(|i| format!("c{i}.example.com")).collect();
    let chain: Vec<&str> = chain.iter().map(String::as_str).collect();
    let answer = dns_response(1, &chain, &ips);
    let got = names::dns_answers(&answer).unwrap();
    assert_eq!(got.len(), 64, "addresses per answer are bounded");
    assert!(got.iter().all(|a| a.chain.len() <= 16 && a.chain[0] == "c0.example.com"));
    let cap = read(&pcapng(101, "d", &[], &[Pkt { ms: 1, ip: udp((ip(RESOLVER), 53), (phone, 5353), &answer), uid: None }]));
    assert_eq!(cap.dns_responses, 1);
}

#[test]
fn a_package_name_cut_by_the_trailer_names_no_app_and_apps_are_kept_apart() {
    let phone = ip(PHONE);
    let mut frames = Vec::new();
    // Play Services and YouTube are both "com.google.android." in a trailer.
    for (uid, package, port) in [(10001, "com.google.android.gms", 48001u16), (10002, "com.google.android.youtube", 48002)] {
        for p in tcp_conversation((phone, port), (ip("142.250.74.100"), 443), 10, &client_hello(Some("www.google.com"), false, 0), 1400, 10) {
            frames.push((p.ms, build::pcapdroid_frame(&p.ip, uid, package)));
        }
    }
    let cap = read(&pcap(1, false, false, &frames));
    let reports = crate::Analyzer::new().observe_packets(&cap, crate::aggregate::Bounds::UNBOUNDED);
    let keys: Vec<&String> = reports.sites.keys().collect();
    assert_eq!(keys, ["com.google.android.… (uid 10001)", "com.google.android.… (uid 10002)"]);
    for r in reports.sites.values() {
        assert_eq!(r.subject.label, None, "no app is named from a cut id");
        assert!(r.subject.basis.as_deref().unwrap().contains("19 bytes"));
        assert!(r.endpoints.values().all(|e| e.party == crate::classify::Party::ThirdParty), "no publisher, so no same-entity host");
    }
}

#[test]
fn mid_stream_direction_follows_the_device_then_ports() {
    let phone = ip(PHONE);
    let broker = ip("203.0.113.88");
    // The broker's keep-alive on MQTT over TLS (8883) arrives first.
    let pkts = vec![
        Pkt { ms: 10, ip: tcp((broker, 8883), (phone, 45678), 9_000, "AP", &[0x17, 3, 3, 0, 2, 1, 2]), uid: None },
        Pkt { ms: 11, ip: tcp((phone, 45678), (broker, 8883), 1_000, "AP", &[0x17, 3, 3, 0, 2, 3, 4, 5]), uid: None },
    ];
    let cap = read(&pcapng(101, "d", &[], &pkts));
    let c = &cap.connections[0];
    assert_eq!((c.client, c.server, c.server_port), (phone, broker, 8883));
    assert_eq!((c.bytes_sent, c.bytes_received), (48, 47));
    assert!(c.mid_stream);
}

#[test]
fn trailer_magic_inside_a_packet_is_not_a_trailer() {
    let phone = ip(PHONE);
    // A payload ending in what looks like PCAPdroid's trailer, in a plain zero-MAC Ethernet frame (a loopback capture).
    let mut fake = 0x0107_2021u32.to_be_bytes().to_vec();
    fake.extend_from_slice(&666i32.to_be_bytes());
    fake.extend_from_slice(b"evil.app.name\0\0\0\0\0\0\0");
    fake.extend_from_slice(&[0, 0, 0, 0]);
    let packet = tcp((phone, 49001), (ip("203.0.113.5"), 443), 1, "AP", &fake);
    let mut frame = vec![0u8; 12];
    frame.extend_from_slice(&0x0800u16.to_be_bytes());
    frame.extend_from_slice(&packet);
    let cap = read(&pcap(1, false, false, &[(10, frame)]));
    assert!(cap.apps.is_empty(), "{:?}", cap.apps);
    assert_eq!(cap.connections[0].app, None);
}

#[test]
fn a_damaged_record_header_stops_a_classic_pcap_instead_of_reading_garbage() {
    let frames: Vec<(u64, Vec<u8>)> = session().iter().map(|p| (p.ms, frame(101, &p.ip))).collect();
    let mut bytes = pcap(101, false, false, &frames);
    let whole = read(&bytes);
    // The 10th record's captured length: made larger than its original length.
    let mut at = 24;
    for f in frames.iter().take(9) {
        at += 16 + f.1.len();
    }
    bytes[at + 8..at + 12].copy_from_slice(&60_000u32.to_le_bytes());
    let cap = read(&bytes);
    assert!(cap.stopped.as_deref().is_some_and(|s| s.contains("damaged")), "{:?}", cap.stopped);
    assert_eq!(cap.packets, 9);
    assert!(cap.packets < whole.packets);
}

#[test]
fn a_hello_in_one_byte_segments_is_read_and_a_fast_open_hello_too() {
    let phone = ip(PHONE);
    let mut pkts = tcp_conversation((phone, 49101), (ip("203.0.113.20"), 443), 10, &client_hello(Some("tiny.example.com"), false, 300), 1, 10);
    // TCP Fast Open: the hello rides on the SYN.
    pkts.push(Pkt { ms: 20, ip: tcp((phone, 49102), (ip("203.0.113.21"), 443), 5000, "S", &client_hello(Some("tfo.example.com"), false, 0)), uid: None });
    // An HTTP request that never ends its headers: read once at the end, never named.
    pkts.extend(tcp_conversation((phone, 49103), (ip("203.0.113.22"), 80), 30, b"GET / HTTP/1.1\r\nHost: half.example.com\r\nX: ", 3, 10));
    let cap = read(&pcapng(101, "d", &[], &pkts));
    let name = |port: u16| cap.connections.iter().find(|c| c.client_port == port).unwrap().name.clone();
    assert_eq!(name(49101).as_deref(), Some("tiny.example.com"));
    assert_eq!(name(49102).as_deref(), Some("tfo.example.com"));
    assert_eq!(name(49103), None, "headers never ended: no Host taken from a partial request");
}
