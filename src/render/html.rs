//! Self-contained printable HTML report: no external resources, inline CSS and
//! SVG charts; every string is escaped by maud.

use super::popup::known;
use maud::{html, Markup, PreEscaped, DOCTYPE};

use super::csv::iso_time;
use super::view::Report;
use crate::judge::Jurisdiction;

const CSS: &str = r#"
:root{--fg:#1b1b1f;--muted:#5b5b66;--line:#d9d9e0;--alert:#a4002a;--warn:#8a4b00;--ok:#0b6b2f;--bar:#3b5bdb}
*{box-sizing:border-box}body{font:15px/1.45 system-ui,sans-serif;color:var(--fg);margin:0 auto;max-width:1100px;padding:24px}
h1{font-size:1.6rem;margin:0 0 .25rem}h2{font-size:1.15rem;margin:1.8rem 0 .6rem;border-bottom:1px solid var(--line);padding-bottom:.2rem}
.muted{color:var(--muted)}.grade{display:inline-block;font-size:2.4rem;font-weight:700;width:3.2rem;height:3.2rem;line-height:3.2rem;text-align:center;border-radius:8px;border:2px solid currentColor;margin-right:1rem}
.g-A,.g-B{color:var(--ok)}.g-C,.g-D{color:var(--warn)}.g-F{color:var(--alert)}
.head{display:flex;align-items:center}.cards{display:flex;flex-wrap:wrap;gap:8px}.card{border:1px solid var(--line);border-radius:6px;padding:8px 12px;min-width:9rem}
.card b{display:block;font-size:1.3rem}table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{text-align:left;padding:4px 6px;border-bottom:1px solid var(--line);vertical-align:top}
td{overflow-wrap:anywhere;max-width:28rem}.num{text-align:right;white-space:nowrap}.tag{display:inline-block;padding:0 6px;border-radius:4px;font-size:.8rem;border:1px solid var(--line)}
.of-concern{color:var(--alert);border-color:var(--alert);font-weight:600}.foreign{color:var(--warn);border-color:var(--warn)}code{font-size:.85em;overflow-wrap:anywhere}
li.alert{color:var(--alert)}svg text{font:12px system-ui,sans-serif;fill:var(--fg)}
ol.bars{list-style:none;margin:0;padding:0}ol.bars li{display:grid;grid-template-columns:9em 1fr auto;gap:6px;align-items:center;margin:2px 0}svg.meter{width:100%;height:12px;display:block}.bar-n{white-space:nowrap}ol.bars li.of-concern .bar-n{color:var(--alert);font-weight:600}.charts{display:flex;flex-wrap:wrap;gap:16px}.charts figure{flex:1 1 320px;margin:0}figcaption{font-weight:600;margin:.3rem 0}.alert{color:var(--alert);font-weight:600}
@media (prefers-color-scheme:dark){:root{--fg:#e8e8ee;--muted:#a8a8b3;--line:#3a3a44;--alert:#ff7a93;--warn:#f0b35a;--ok:#5fd08a}body{background:#17171c}a,a:visited{color:#8ab4ff}}
@media print{body{padding:0;font-size:11px}h2{break-after:avoid}tr{break-inside:avoid}}
"#;

fn jtag(j: Jurisdiction) -> Markup {
    html! { span class={"tag " (j.label())} { (j.label()) } }
}

fn bytes(n: u64) -> String {
    match n {
        0..=1023 => format!("{n} B"),
        1024..=1_048_575 => format!("{:.1} kB", n as f64 / 1024.0),
        _ => format!("{:.1} MB", n as f64 / 1_048_576.0),
    }
}

fn count(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A horizontal bar chart as inline SVG; labels are escaped text nodes.
fn bars(rows: &[(String, u64, bool)], what: &str) -> Markup {
    let max = rows.iter().map(|r| r.1).max().unwrap_or(1).max(1);
    let h = 22 * rows.len() as u32 + 4;
    html! {
        svg width="100%" height=(h) viewBox={"0 0 700 " (h)} role="img" aria-label=(what) {
            @for (i, (label, n, alert)) in rows.iter().enumerate() {
                @let y = 22 * i as u64 + 2;
                @let w = (*n * 440 / max).max(1);
                text x="0" y=(y + 15) { (label.chars().take(40).collect::<String>()) }
                rect x="250" y=(y) width=(w) height="18" fill=(if *alert { "#a4002a" } else { "#3b5bdb" }) {}
                text x=(255 + w) y=(y + 15) { (n) }
            }
        }
    }
}

/// The whole report as one HTML document, in English.
pub fn to_html(r: &Report) -> String {
    to_html_in(r, crate::l10n::english())
}

/// The whole report as one HTML document, in a language (the first screen,
/// the grade and its reasons; the detailed tables are English still).
pub fn to_html_in(r: &Report, l: &crate::l10n::L10n) -> String {
    let t = &r.totals;
    let u = r.unit;
    let (one, many) = (u.one(), u.many());
    let short = if u == crate::aggregate::Unit::Connections { "conn." } else { "req." };
    let cap = |w: &str| format!("{}{}", w[..1].to_ascii_uppercase(), &w[1..]);
    let page = html! {
        (DOCTYPE)
        html lang=(l.tag()) dir=(l.dir()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:";
                title { (l.ta("html-title", &[("site", (&r.site).into())])) }
                style { (PreEscaped(CSS)) }
            }
            body {
                div class="head" {
                    span class={"grade g-" (r.grade.letter)} aria-label={"grade " (r.grade.letter)} { (r.grade.letter) }
                    div {
                        h1 { (r.site) }
                        div class="muted" { (iso_time(t.first_seen_ms)) " – " (iso_time(t.last_seen_ms)) " · home " (r.policy.home) " · policy: " (r.policy.description) }
                    }
                }
                @if let Some(sj) = &r.subject {
                    section class="subject" {
                        h2 { "What this report is about" }
                        p {
                            @if sj.kind == crate::aggregate::SubjectKind::App { "The app " strong { (sj.label.as_deref().unwrap_or(&sj.id)) } " (" code { (sj.id) } ")" } @else { "This device" @if let Some(l) = &sj.label { " (" (l) ")" } }
                            @if let Some(b) = &sj.basis { ", as " (b) } ". "
                            @if let Some(p) = &sj.publisher { "Published by " (p.name) " (" (known(&p.domicile)) "/" (known(&p.headquarters)) ")" @if let Some(g) = &sj.publisher_group { ", part of " (g.name) " (" (known(&g.domicile)) "/" (known(&g.headquarters)) "): hosts of any company in that group count as the same entity. " } @else { ": hosts of its company count as the same entity. " } } @else { "No publisher is known: every host counts as third-party. " }
                        }
                        @if let Some(pk) = r.capture.as_ref().and_then(|c| c.packets.as_ref()) { ul class="limits" { @for l in &pk.limits { li { (l) } } } }
                    }
                }
                (super::glance::glance_markup_in(&r.glance, &r.grade, l))
                h2 { (l.ta("html-why-grade", &[("score", r.grade.score.into())])) }
                ul { @for reason in &r.grade.reasons { li { @if reason.points > 0 { "−" (reason.points) ": " } (reason.text(l, u)) } } }
                div class="cards" {
                    div class="card" { b { (t.requests) } (many) }
                    div class="card" { b { (t.tracker_requests) } "tracker " (many) }
                    div class="card" { b { (t.tracker_endpoints) } "tracker endpoints" }
                    div class="card" { b { (t.tracker_companies) } "tracker companies" }
                    @if t.unidentified_tracker_domains > 0 { div class="card" { b { (t.unidentified_tracker_domains) } "unidentified tracker domains" } }
                    div class="card" { b { (bytes(t.bytes_sent)) } "sent" }
                    div class="card" { b { (t.server_of_concern_requests) } (many) " to servers of concern" }
                }
                p class="muted" { "A tracker " (one) " is a " (one) " matched by a tracker list or sent to a domain the entity map classes as tracking; a tracker endpoint is a host that received one; a tracker company owns one; an unidentified tracker domain is one no company data names. Every count is a count of " (many) " that have the property." }
                @if let Some(c) = &r.capture { p class="muted" { "Capture: SHA-256 " code { (c.sha256) } ", " (bytes(c.bytes)) @if let Some(cr) = &c.creator { ", recorded by " (cr) } ". " (r.generator) ", data: " @for (i, d) in r.data_sources.iter().enumerate() { @if i > 0 { ", " } (d.id) " " (d.version) } "." } }
                @if t.requests_without_ip > 0 { p class="muted" { (count(t.requests_without_ip, one, many)) " reached no known server IP (failed, or served from cache): their server country is unknown." } }
                @if t.skipped > 0 { p class="muted" { (count(t.skipped, one, many)) " could not be read and are not counted above." } }
                @if t.endpoints_folded > 0 { p class="muted" { (count(t.endpoints_folded, "endpoint", "endpoints")) " (" (count(t.requests_folded, one, many)) ") folded to keep the report bounded: counted in the totals, not listed." } }
                @if t.log_dropped > 0 { p class="muted" { (count(t.log_dropped, "row was", "rows were")) " dropped from the log; the counts above are complete." } }
                h2 { "Findings" }
                ul { @for f in &r.findings { li class=(if f.severity == crate::judge::Severity::Alert { "alert" } else { "" }) { (f.message) @for e in &f.evidence { " " code { (e) } } } } }
                @if !r.telemetry.endpoints.is_empty() {
                    h2 { "Platform telemetry" }
                    p {
                        (u.count(r.telemetry.requests)) " (" (bytes(r.telemetry.bytes_sent)) ") to the platform's own telemetry and logging endpoints: "
                        @for (i, h) in r.telemetry.endpoints.iter().enumerate() { @if i > 0 { ", " } code { (h) } }
                        @if !r.telemetry.countries.is_empty() { ". Servers registered in " (r.telemetry.countries.join(", ")) }
                        @if !r.telemetry.identifiers.is_empty() { ". Identifiers sent: " (r.telemetry.identifiers.join(", ")) }
                        "."
                    }
                }
                h2 { "Companies" }
                table {
                    thead { tr { th { "Company" } th { "Domiciled" } th { "Headquarters" } th { "Parent" } th { "Jurisdiction" } th class="num" { (cap(many)) } th class="num" { "Tracker " (short) } th class="num" { "Sent" } } }
                    tbody { @for e in &r.entities { tr {
                        td { (e.entity.name) } td { (known(&e.entity.domicile)) } td { (known(&e.entity.headquarters)) }
                        td { @if let Some(p) = &e.parent { (p.name) " (" (known(&p.domicile)) "/" (known(&p.headquarters)) ")" } }
                        td { (jtag(e.jurisdiction)) } td class="num" { (e.requests) } td class="num" { (e.tracker_requests) } td class="num" { (bytes(e.bytes_sent)) }
                    } } }
                }
                @if !r.unidentified_trackers.is_empty() {
                    h2 { "Unidentified tracker domains" }
                    p class="muted" { "Domains that received tracker requests and that no company data names. They are counted as domains, not as companies." }
                    table {
                        thead { tr { th { "Domain" } th class="num" { "Endpoints" } th class="num" { (cap(many)) } th class="num" { "Tracker " (short) } } }
                        tbody { @for u in &r.unidentified_trackers { tr { td { code { (u.domain) } } td class="num" { (u.endpoints) } td class="num" { (u.requests) } td class="num" { (u.tracker_requests) } } } }
                    }
                }
                h2 { "Where " (many) " went (server country, registered)" }
                (bars(&r.countries.iter().map(|c| (c.country.clone().unwrap_or_else(|| c.jurisdiction.label().into()), c.requests, c.jurisdiction == Jurisdiction::OfConcern)).collect::<Vec<_>>(), &format!("{} per server country, as a bar chart", cap(many))))
                h2 { "Hosting networks" }
                (bars(&r.networks.iter().take(15).map(|n| (format!("{} {}", n.asn.map(|a| format!("AS{a}")).unwrap_or_else(|| "unknown".into()), n.network.clone().unwrap_or_default()), n.requests, false)).collect::<Vec<_>>(), &format!("{} per hosting network, as a bar chart", cap(many))))
                h2 { "Endpoints" }
                table {
                    thead { tr { th { "Host" } th { "Party" } th { "Company" } th { "Tracker" } th { "IPs and locations" } th { "Server" } th { "Company" } th { "Fields sent" } th class="num" { (short) } th class="num" { "Sent" } } }
                    tbody { @for e in &r.endpoints { tr {
                        td {
                            (super::popup::host(&e.host, l))
                            @for nb in &e.name_basis { div class="muted" { "name from " (nb.basis.label()) ": " (nb.connections) " " (short) } }
                            @if !e.dns_names.is_empty() { div class="muted" { "its addresses also answered for: " @for (i, n) in e.dns_names.iter().enumerate() { @if i > 0 { ", " } code { (n) } } } }
                        }
                        td { (e.party.label()) }
                        td { @if let Some(v) = &e.entity { (v.name) " (" (known(&v.domicile)) "/" (known(&v.headquarters)) ")" @if let Some(b) = &e.entity_basis { @if *b != super::view::EntityBasis::Cited { div class="muted" { (b.label()) } } } } }
                        td {
                            @for tr in &e.trackers { div { (tr.category.label()) " " span class="muted" { "(" (tr.requests) " of " (e.requests) " " (short) ")" } } }
                            @for rl in &e.rules { div class="muted" { (super::popup::rule_in(rl, u, l)) } }
                            @if e.rules_not_listed > 0 { div class="muted" { (e.rules_not_listed) " more matched rules not listed" } }
                        }
                        td {
                            @for sv in &e.servers { @let l = &sv.location; div { (l.ip) " " (l.country.as_deref().unwrap_or("–")) " (" (l.basis.label()) ")" @if let Some(n) = &l.network { " · AS" (l.asn.unwrap_or(0)) " " (n) } " " span class="muted" { (sv.requests) " " (short) } } }
                            @if e.unlocated.requests > 0 { div class="muted" { (e.unlocated.requests) " " (short) " with no server IP" } }
                        }
                        td { (jtag(e.jurisdiction.server)) } td { (jtag(e.jurisdiction.entity)) }
                        td {
                            @for (i, f) in e.sent.iter().enumerate() { @if i > 0 { ", " } code { (f.name) } " " span class="muted" { (super::popup::kind_word(f.kind, l)) ": " (super::popup::reason_word(f.reason, l)) } }
                            @for b in &e.binary_sent { div class="muted" { (b.requests) " binary (" (b.content_type) ", " (bytes(b.bytes)) "), not read for fields" } }
                        }
                        td class="num" { (e.requests) } td class="num" { (bytes(e.bytes_sent)) }
                    } } }
                }
                h2 { "Data sources" }
                ul { @for d in &r.data_sources { li { (d.name) " — " (d.version) " (" (d.date) "), " (d.licence) ". " (d.attribution) } } }
                p class="muted" { "Server countries are where address blocks are registered, which is not always where a server stands. " a href="https://db-ip.com" { "IP Geolocation by DB-IP" } ". Generated by " (r.generator) ", offline." }
            }
        }
    };
    page.into_string()
}
