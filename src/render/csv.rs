//! CSV export: one row per request (RFC 4180 via the `csv` crate), every
//! network-made cell neutralised against spreadsheet formula injection.

use std::collections::HashMap;

use crate::aggregate::SiteReport;

use super::view::{EndpointView, Report};

/// Cells a spreadsheet would read as a formula get a leading apostrophe
/// (OWASP's advice for CSV injection): `= + - @`, tab and carriage return.
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.as_bytes().first() {
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r') => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

const HEADER: [&str; 24] = [
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
    "tracker_category",
    "tracker_list",
    "tracker_rule",
    "bytes_sent",
    "bytes_received",
];

/// Formats milliseconds since the epoch as RFC 3339 (UTC); 0 (unknown) is empty.
pub fn iso_time(ms: u64) -> String {
    if ms == 0 {
        return String::new();
    }
    let nanos = i128::from(ms) * 1_000_000;
    time::OffsetDateTime::from_unix_timestamp_nanos(nanos).ok().and_then(|t| t.format(&time::format_description::well_known::Rfc3339).ok()).unwrap_or_default()
}

/// The request log of `site` as CSV, joined with the report's per-endpoint facts.
pub fn to_csv(report: &Report, site: &SiteReport) -> String {
    let by_host: HashMap<&str, &EndpointView> = report.endpoints.iter().map(|e| (e.host.as_str(), e)).collect();
    let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    w.write_record(HEADER).expect("writing to memory");
    for row in &site.log {
        let e = by_host.get(row.host.as_str());
        let loc = e.and_then(|e| row.ip.and_then(|ip| e.locations.iter().find(|l| l.ip == ip)));
        let ent = e.and_then(|e| e.entity.as_ref());
        let trk = e.and_then(|e| e.tracker.as_ref()).filter(|_| row.tracker.is_some());
        let cells: [String; 24] = [
            iso_time(row.time_ms),
            report.site.clone(),
            row.method.clone(),
            row.url.clone(),
            row.host.clone(),
            e.map(|e| e.domain.clone()).unwrap_or_default(),
            e.map(|e| e.party.label().to_string()).unwrap_or_default(),
            row.resource_type.filter_name().into(),
            row.status.map(|s| s.to_string()).unwrap_or_default(),
            row.ip.map(|ip| ip.to_string()).unwrap_or_default(),
            loc.and_then(|l| l.country.clone()).unwrap_or_default(),
            loc.map_or("unknown", |l| l.basis.label()).into(),
            loc.and_then(|l| l.asn).map(|a| a.to_string()).unwrap_or_default(),
            loc.and_then(|l| l.network.clone()).unwrap_or_default(),
            e.map(|e| e.jurisdiction.server.label().to_string()).unwrap_or_default(),
            ent.map(|v| v.name.clone()).unwrap_or_default(),
            ent.map(|v| v.domicile.clone()).unwrap_or_default(),
            ent.map(|v| v.headquarters.clone()).unwrap_or_default(),
            e.map(|e| e.jurisdiction.entity.label().to_string()).unwrap_or_default(),
            row.tracker.map(|c| c.label().to_string()).unwrap_or_default(),
            trk.map(|t| t.list.clone()).unwrap_or_default(),
            trk.and_then(|t| t.rule.clone()).unwrap_or_default(),
            row.bytes_sent.to_string(),
            row.bytes_received.to_string(),
        ];
        w.write_record(cells.iter().map(|c| neutralise(c).into_owned())).expect("writing to memory");
    }
    String::from_utf8(w.into_inner().expect("flush to memory")).expect("CSV of UTF-8 strings is UTF-8")
}
