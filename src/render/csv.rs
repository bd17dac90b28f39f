//! CSV export: one row per request (RFC 4180 via the `csv` crate), every
//! network-made cell neutralised against spreadsheet formula injection.

use std::collections::HashMap;

use crate::aggregate::{RequestRow, SiteReport};
use crate::classify::{entity, HostFacts, Page};
use crate::judge::{entity_jurisdiction, server_jurisdiction, Jurisdiction, Policy};
use crate::locate::Locator;
use crate::observe::packets::{ConnectionFacts, Protocol, Transport};

use super::view::{EndpointView, EntityBasis, Report};

/// Cells a spreadsheet would read as a formula get a leading apostrophe
/// (OWASP's advice for CSV injection): `= + - @`, tab and carriage return.
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.as_bytes().first() {
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r') => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

/// Columns; the last five are filled for connections from a packet capture only.
pub const COLUMNS: usize = 33;

pub const HEADER: [&str; COLUMNS] = [
    "time",
    "site",
    "method",
    "url",
    "host",
    "domain",
    "party",
    "resource_type",
    "status",
    "ip",
    "country",
    "basis",
    "asn",
    "network",
    "server_jurisdiction",
    "entity",
    "entity_domicile",
    "entity_headquarters",
    "entity_jurisdiction",
    "entity_basis",
    "tracker_category",
    "tracker_list",
    "tracker_line",
    "tracker_rule",
    "fields_sent",
    "binary_body_bytes",
    "bytes_sent",
    "bytes_received",
    "protocol",
    "server_port",
    "name_basis",
    "dns_names",
    "connection_note",
];

/// Formats milliseconds since the epoch as RFC 3339 (UTC); 0 (unknown) is empty.
pub fn iso_time(ms: u64) -> String {
    if ms == 0 {
        return String::new();
    }
    let nanos = i128::from(ms) * 1_000_000;
    time::OffsetDateTime::from_unix_timestamp_nanos(nanos).ok().and_then(|t| t.format(&time::format_description::well_known::Rfc3339).ok()).unwrap_or_default()
}

/// The request log of `site` as CSV. Every cell is a fact of that request:
/// its own verdict (category, list, line, rule), its own server IP and that
/// IP's location and jurisdiction; the host's facts (domain, party, company)
/// are the same for every request to the host, and are worked out from the
/// host when its endpoint was folded out of the report.
pub fn to_csv(report: &Report, site: &SiteReport, locator: &Locator, policy: &Policy) -> String {
    rows_to_csv(report, site, site.log.iter(), site.log_dropped, locator, policy)
}

/// The CSV of `rows` (the site's log, or the log with the rows the shell
/// spilled put back); `missing` requests of the visit are in neither, and
/// a line of its own says so.
pub fn rows_to_csv<'a>(
    report: &Report,
    site: &SiteReport,
    rows: impl Iterator<Item = &'a RequestRow>,
    missing: u64,
    locator: &Locator,
    policy: &Policy,
) -> String {
    let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    w.write_record(HEADER).expect("writing to memory");
    for cells in row_cells(report, site, rows, locator, policy) {
        w.write_record(cells.iter().map(|c| neutralise(c).into_owned())).expect("writing to memory");
    }
    if missing > 0 {
        // Never silent: a bounded log says how many of the site's requests it lacks.
        let mut note: [String; COLUMNS] = std::array::from_fn(|_| String::new());
        note[0] = format!(
            "# {missing} earlier requests of this visit are not in this export (the request log keeps the newest {}); the report's counts include them",
            site.log_cap
        );
        w.write_record(note.iter()).expect("writing to memory");
    }
    String::from_utf8(w.into_inner().expect("flush to memory")).expect("CSV of UTF-8 strings is UTF-8")
}

fn transport_code(t: Transport) -> &'static str {
    match t {
        Transport::Tcp => "tcp",
        Transport::Udp => "udp",
    }
}

fn protocol_code(p: Protocol) -> &'static str {
    match p {
        Protocol::Tls => "tls",
        Protocol::Quic => "quic",
        Protocol::Http => "http",
        Protocol::Dns => "dns",
        Protocol::Other => "other",
    }
}

/// What limits a connection's name, in words.
fn connection_note(c: &ConnectionFacts) -> String {
    let mut notes = Vec::new();
    if c.ech {
        notes.push("encrypted client hello extension (real or GREASE): the name may be the outer, public one");
    }
    if c.mid_stream {
        notes.push("began before the capture: its first bytes were not captured");
    }
    notes.join("; ")
}

/// Each row's cells, in [`HEADER`] order, unescaped (the CSV writer
/// neutralises them for spreadsheets; a batch export stores them as they are).
pub fn row_cells<'a>(
    report: &Report,
    site: &SiteReport,
    rows: impl Iterator<Item = &'a RequestRow>,
    locator: &Locator,
    policy: &Policy,
) -> Vec<[String; COLUMNS]> {
    let by_host: HashMap<&str, &EndpointView> = report.endpoints.iter().map(|e| (e.host.as_str(), e)).collect();
    let page = Page::of_host(site.site.clone());
    let mut folded_hosts: HashMap<&str, HostFacts> = HashMap::new();
    let mut out = Vec::new();
    for row in rows {
        let (domain, party, entity, basis) = match by_host.get(row.host.as_str()) {
            Some(e) => (e.domain.clone(), e.party, e.entity.as_ref().and_then(|v| entity::by_id(&v.id)), e.entity_basis.as_ref().map(EntityBasis::label)),
            None => {
                let f = folded_hosts.entry(row.host.as_str()).or_insert_with(|| HostFacts::of(&row.host, &page));
                let basis = f.entity.map(|_| match entity::owner_of_domain(&f.domain).and_then(|o| o.listed_by) {
                    Some(source) => EntityBasis::Listed { source: source.to_string() }.label(),
                    None => EntityBasis::Cited.label(),
                });
                (f.domain.clone(), f.party, f.entity, basis)
            }
        };
        let loc = row.ip.map(|ip| locator.locate(ip));
        let ent = entity.map(entity::entity);
        let v = row.verdict.as_ref();
        let c = row.connection.as_ref();
        let cells: [String; COLUMNS] = [
            iso_time(row.time_ms),
            report.site.clone(),
            row.method.clone(),
            row.url.clone(),
            row.host.clone(),
            domain,
            party.label().to_string(),
            row.resource_type.filter_name().into(),
            row.status.map(|s| s.to_string()).unwrap_or_default(),
            row.ip.map(|ip| ip.to_string()).unwrap_or_default(),
            loc.as_ref().and_then(|l| l.country.clone()).unwrap_or_default(),
            loc.as_ref().map_or("unknown", |l| l.basis.label()).into(),
            loc.as_ref().and_then(|l| l.asn).map(|a| a.to_string()).unwrap_or_default(),
            loc.as_ref().and_then(|l| l.network.clone()).unwrap_or_default(),
            loc.as_ref().map_or(Jurisdiction::Unknown, |l| server_jurisdiction(l, policy)).label().to_string(),
            ent.map(|e| e.name.to_string()).unwrap_or_default(),
            ent.and_then(|e| e.domicile).unwrap_or_default().to_string(),
            ent.and_then(|e| e.headquarters).unwrap_or_default().to_string(),
            entity.map_or(Jurisdiction::Unknown, |i| entity_jurisdiction(i, policy)).label().to_string(),
            basis.unwrap_or_default(),
            v.map(|v| v.category.label().to_string()).unwrap_or_default(),
            v.map(|v| v.kind().source().to_string()).unwrap_or_default(),
            v.filter(|v| v.list.is_some()).map(|v| v.line.to_string()).unwrap_or_default(),
            v.and_then(|v| v.rule.clone()).unwrap_or_default(),
            row.sent.iter().map(|(name, kind)| format!("{name} ({})", super::popup::kind(*kind))).collect::<Vec<_>>().join("; "),
            row.binary_body.map(|n| n.to_string()).unwrap_or_default(),
            row.bytes_sent.to_string(),
            row.bytes_received.to_string(),
            c.map(|c| format!("{}/{}", transport_code(c.transport), protocol_code(c.protocol))).unwrap_or_default(),
            c.map(|c| c.server_port.to_string()).unwrap_or_default(),
            c.map(|c| c.basis.code().to_string()).unwrap_or_default(),
            c.map(|c| c.dns_names.join(" ")).unwrap_or_default(),
            c.map(connection_note).unwrap_or_default(),
        ];
        out.push(cells);
    }
    out
}
