//! PCAPdroid's connections export (CSV): one row per connection with the app
//! that made it, the server, the bytes each way and PCAPdroid's own reading
//! of the host name (its `Info` column, from DNS, TLS or HTTP).
//!
//! Columns, as PCAPdroid writes them: `IPProto, SrcIP, SrcPort, DstIp,
//! DstPort, UID, App, PackageName, Proto, Status, Info, BytesSent, BytesRcvd,
//! PktsSent, PktsRcvd, FirstSeen, LastSeen` and, in newer versions,
//! `Malicious`. Columns are found by name, so their order may change.

use std::collections::BTreeMap;
use std::net::IpAddr;

use super::{names, App, Connection, Format, NameBasis, PacketCapture, PacketError, Protocol, Transport};

/// Whether a file's first bytes are PCAPdroid's connections CSV.
pub fn sniff(head: &[u8]) -> bool {
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    head.starts_with(b"IPProto,SrcIP,")
}

/// Most rows reported as unreadable by example.
const MAX_REASONS: usize = 5;

/// Reads PCAPdroid's connections CSV. Unreadable rows are counted (and the
/// first few named in `stopped`), never fatal; a file without the columns
/// PCAPdroid writes is an error.
pub fn read_connections_csv(bytes: &[u8]) -> Result<PacketCapture, PacketError> {
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut rd = csv::ReaderBuilder::new().flexible(true).from_reader(text);
    let head = rd.headers().map_err(|e| PacketError(format!("not a PCAPdroid connections CSV: {e}")))?.clone();
    let col = |name: &str| head.iter().position(|h| h.trim().eq_ignore_ascii_case(name));
    let need = ["IPProto", "SrcIP", "SrcPort", "DstIp", "DstPort", "BytesSent", "BytesRcvd"];
    let missing: Vec<&str> = need.iter().copied().filter(|n| col(n).is_none()).collect();
    if !missing.is_empty() {
        return Err(PacketError(format!("not a PCAPdroid connections CSV: no {} column", missing.join(", "))));
    }
    let c = |name: &str| col(name).unwrap_or(usize::MAX);
    let (ipproto, src, sport, dst, dport) = (c("IPProto"), c("SrcIP"), c("SrcPort"), c("DstIp"), c("DstPort"));
    let (uid, app, package, proto, info) = (c("UID"), c("App"), c("PackageName"), c("Proto"), c("Info"));
    let (sent, rcvd, psent, prcvd, first, last) = (c("BytesSent"), c("BytesRcvd"), c("PktsSent"), c("PktsRcvd"), c("FirstSeen"), c("LastSeen"));
    let mut capture = PacketCapture { format: Some(Format::PcapdroidCsv), recorder: Some("PCAPdroid (connections CSV)".into()), ..PacketCapture::default() };
    let mut apps: BTreeMap<i32, App> = BTreeMap::new();
    let mut bad = Vec::new();
    let mut bad_rows = 0u64;
    for (i, rec) in rd.records().enumerate() {
        let row = i + 2;
        let Ok(rec) = rec else {
            bad_rows += 1;
            if bad.len() < MAX_REASONS {
                bad.push(format!("row {row}: not CSV"));
            }
            continue;
        };
        let get = |k: usize| rec.get(k).map(str::trim).unwrap_or("");
        let ip = |k: usize| get(k).parse::<IpAddr>().ok();
        let num = |k: usize| get(k).parse::<u64>().ok();
        let (Some(client), Some(server), Some(cport), Some(port)) = (ip(src), ip(dst), get(sport).parse::<u16>().ok(), get(dport).parse::<u16>().ok()) else {
            bad_rows += 1;
            if bad.len() < MAX_REASONS {
                bad.push(format!("row {row}: no valid addresses and ports"));
            }
            continue;
        };
        let transport = match get(ipproto).to_ascii_uppercase().as_str() {
            "TCP" | "6" => Transport::Tcp,
            "UDP" | "17" => Transport::Udp,
            _ => {
                bad_rows += 1;
                if bad.len() < MAX_REASONS {
                    bad.push(format!("row {row}: neither TCP nor UDP"));
                }
                continue;
            }
        };
        let protocol = match get(proto).to_ascii_uppercase().as_str() {
            p if p.starts_with("TLS") || p == "HTTPS" => Protocol::Tls,
            p if p.starts_with("QUIC") => Protocol::Quic,
            p if p.starts_with("HTTP") => Protocol::Http,
            "DNS" => Protocol::Dns,
            _ => Protocol::Other,
        };
        // For a DNS connection, Info is the name asked, not the resolver's.
        let name = names::host_name(get(info).as_bytes()).filter(|n| n.parse::<IpAddr>().is_err() && protocol != Protocol::Dns);
        let uid_value = get(uid).parse::<i32>().ok();
        if let Some(u) = uid_value {
            let pkg = get(package);
            if !pkg.is_empty() && pkg.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'_') {
                let label = get(app).chars().filter(|c| !c.is_control()).take(100).collect::<String>();
                apps.entry(u).or_insert(App { uid: u, package: pkg.to_string(), label: (!label.is_empty()).then_some(label), cut: false });
            }
        }
        let first_ms = time_ms(get(first));
        let last_ms = time_ms(get(last)).max(first_ms);
        capture.connections.push(Connection {
            transport,
            protocol,
            client,
            client_port: cport,
            server,
            server_port: port,
            bytes_sent: num(sent).unwrap_or(0),
            bytes_received: num(rcvd).unwrap_or(0),
            packets_sent: num(psent).unwrap_or(0),
            packets_received: num(prcvd).unwrap_or(0),
            first_ms,
            last_ms,
            basis: if name.is_some() { NameBasis::Recorder } else { NameBasis::None },
            name,
            dns_names: Vec::new(),
            app: uid_value.filter(|u| apps.contains_key(u)),
            ech: false,
            mid_stream: false,
            quic_version: None,
        });
    }
    if capture.connections.is_empty() && bad_rows > 0 {
        return Err(PacketError(format!("the connections CSV has no usable rows ({bad_rows} unreadable, e.g. {})", bad.join("; "))));
    }
    if bad_rows > 0 {
        let rows = if bad_rows == 1 {
            "1 row of the connections CSV could not be read and is".to_string()
        } else {
            format!("{bad_rows} rows of the connections CSV could not be read and are")
        };
        capture.notes.push(format!("{rows} not counted (e.g. {}).", bad.join("; ")));
    }
    capture.apps = apps;
    capture.sha256 = super::super::har::sha256_hex(bytes);
    capture.bytes = bytes.len() as u64;
    Ok(capture)
}

/// A time as PCAPdroid writes it: Unix seconds or milliseconds; anything
/// else is unknown (0).
fn time_ms(s: &str) -> u64 {
    match s.parse::<u64>() {
        Ok(n) if n >= 100_000_000_000 => n,
        Ok(n) => n.saturating_mul(1000),
        Err(_) => 0,
    }
}
