//! Self-contained printable HTML report: no external resources, inline CSS and
//! SVG charts; every string is escaped by maud.

use super::popup::{known_in, policy_words};
use crate::l10n::{Arg, L10n};
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

fn jtag(j: Jurisdiction, l: &L10n) -> Markup {
    html! { span class={"tag " (j.label())} { (l.t(&format!("jurisdiction-{}", j.label()))) } }
}

fn bytes(n: u64) -> String {
    match n {
        0..=1023 => format!("{n} B"),
        1024..=1_048_575 => format!("{:.1} kB", n as f64 / 1024.0),
        _ => format!("{:.1} MB", n as f64 / 1_048_576.0),
    }
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
/// the grade and its reasons, the tables; the JSON's own sentences, such as
/// the findings, are quoted in English).
pub fn to_html_in(r: &Report, l: &L10n) -> String {
    let t = &r.totals;
    let u = r.unit;
    let unit = || ("unit", Arg::from(u));
    let n = |k: &'static str, v: u64| (k, Arg::Num(v));
    let short = l.ta("unit-short", &[unit()]);
    // The findings and the policy in the language (the JSON's English when the policy cannot be read back).
    let findings = super::findings::findings_in_language(r, l).unwrap_or_else(|| r.findings.clone());
    let policy = policy_words(r, l);
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
                    span class={"grade g-" (r.grade.letter)} aria-label=(l.ta("grade-aria", &[("letter", (&r.grade.letter).into()), ("score", r.grade.score.into())])) { (r.grade.letter) }
                    div {
                        h1 { (r.site) }
                        div class="muted" { (l.ta("html-head", &[("from", iso_time(t.first_seen_ms).into()), ("to", iso_time(t.last_seen_ms).into()), ("home", (&r.policy.home).into()), ("policy", (&policy).into())])) }
                    }
                }
                @if let Some(sj) = &r.subject {
                    section class="subject" {
                        h2 { (l.t("html-about")) }
                        p {
                            @if sj.kind == crate::aggregate::SubjectKind::App { (l.t("html-app")) strong { (sj.label.as_deref().unwrap_or(&sj.id)) } " (" code { (sj.id) } ")" } @else { (l.t("popup-device")) @if let Some(label) = &sj.label { " (" (label) ")" } }
                            @if let Some(b) = &sj.basis { (l.ta("html-as", &[("basis", b.into())])) } ". "
                            @if let Some(p) = &sj.publisher { (l.ta("html-published-by", &[("publisher", (&p.name).into())])) "(" (known_in(&p.domicile, l)) "/" (known_in(&p.headquarters, l)) ")" @if let Some(g) = &sj.publisher_group { (l.ta("html-group", &[("group", (&g.name).into())])) "(" (known_in(&g.domicile, l)) "/" (known_in(&g.headquarters, l)) ")" (l.t("html-group-same")) } @else { (l.t("html-company-same")) } } @else { (l.t("html-no-publisher")) }
                        }
                        @if let Some(pk) = r.capture.as_ref().and_then(|c| c.packets.as_ref()) { ul class="limits" { @for limit in pk.limits_in(l) { li { (limit) } } } }
                    }
                }
                (super::glance::glance_markup_in(&r.glance, &r.grade, l))
                h2 { (l.ta("html-why-grade", &[("score", r.grade.score.into())])) }
                ul { @for reason in &r.grade.reasons { li { @if reason.points > 0 { "−" (reason.points) ": " } (reason.text(l, u)) } } }
                div class="cards" {
                    div class="card" { b { (t.requests) } (l.ta("html-card-count", &[unit()])) }
                    div class="card" { b { (t.tracker_requests) } (l.ta("html-card-tracker", &[unit()])) }
                    div class="card" { b { (t.tracker_endpoints) } (l.t("html-card-endpoints")) }
                    div class="card" { b { (t.tracker_companies) } (l.t("html-card-companies")) }
                    @if t.unidentified_tracker_domains > 0 { div class="card" { b { (t.unidentified_tracker_domains) } (l.t("html-card-unidentified")) } }
                    div class="card" { b { (bytes(t.bytes_sent)) } (l.t("html-card-sent")) }
                    div class="card" { b { (t.server_of_concern_requests) } (l.ta("html-card-concern", &[unit()])) }
                }
                p class="muted" { (l.ta("html-definitions", &[unit()])) }
                @if let Some(c) = &r.capture { p class="muted" { (l.t("html-capture")) code { (c.sha256) } ", " (bytes(c.bytes)) @if let Some(cr) = &c.creator { (l.ta("html-recorded-by", &[("tool", cr.into())])) } ". " (r.generator) (l.t("html-data")) @for (i, d) in r.data_sources.iter().enumerate() { @if i > 0 { ", " } (d.id) " " (d.version) } "." } }
                @if t.requests_without_ip > 0 { p class="muted" { (l.ta("html-without-ip", &[n("n", t.requests_without_ip), unit()])) } }
                @if t.skipped > 0 { p class="muted" { (l.ta("html-skipped", &[n("n", t.skipped), unit()])) } }
                @if t.endpoints_folded > 0 { p class="muted" { (l.ta("html-folded", &[n("endpoints", t.endpoints_folded), n("n", t.requests_folded), unit()])) } }
                @if t.log_dropped > 0 { p class="muted" { (l.ta("html-log-dropped", &[n("n", t.log_dropped)])) } }
                h2 { (l.t("html-findings")) }
                ul { @for f in &findings { li class=(if f.severity == crate::judge::Severity::Alert { "alert" } else { "" }) { (f.message) @for e in &f.evidence { " " code { (e) } } } } }
                @if !r.telemetry.endpoints.is_empty() {
                    h2 { (l.t("popup-telemetry")) }
                    p {
                        (l.ta("html-telemetry", &[n("n", r.telemetry.requests), unit(), ("size", bytes(r.telemetry.bytes_sent).into())]))
                        @for (i, h) in r.telemetry.endpoints.iter().enumerate() { @if i > 0 { ", " } code { (h) } }
                        @if !r.telemetry.countries.is_empty() { (l.ta("html-telemetry-countries", &[("countries", r.telemetry.countries.join(", ").into())])) }
                        @if !r.telemetry.identifiers.is_empty() { (l.ta("html-telemetry-identifiers", &[("identifiers", r.telemetry.identifiers.join(", ").into())])) }
                        "."
                    }
                }
                h2 { (l.t("popup-companies")) }
                table {
                    thead { tr { th { (l.t("html-col-company")) } th { (l.t("html-col-domiciled")) } th { (l.t("html-col-headquarters")) } th { (l.t("html-col-parent")) } th { (l.t("html-col-jurisdiction")) } th class="num" { (l.ta("unit-many-cap", &[unit()])) } th class="num" { (l.ta("html-col-tracker-count", &[unit()])) } th class="num" { (l.t("html-col-sent")) } } }
                    tbody { @for e in &r.entities { tr {
                        td { (e.entity.name) } td { (known_in(&e.entity.domicile, l)) } td { (known_in(&e.entity.headquarters, l)) }
                        td { @if let Some(p) = &e.parent { (p.name) " (" (known_in(&p.domicile, l)) "/" (known_in(&p.headquarters, l)) ")" } }
                        td { (jtag(e.jurisdiction, l)) } td class="num" { (e.requests) } td class="num" { (e.tracker_requests) } td class="num" { (bytes(e.bytes_sent)) }
                    } } }
                }
                @if !r.unidentified_trackers.is_empty() {
                    h2 { (l.t("html-unidentified")) }
                    p class="muted" { (l.t("html-unidentified-note")) }
                    table {
                        thead { tr { th { (l.t("html-col-domain")) } th class="num" { (l.t("html-col-endpoints")) } th class="num" { (l.ta("unit-many-cap", &[unit()])) } th class="num" { (l.ta("html-col-tracker-count", &[unit()])) } } }
                        tbody { @for u in &r.unidentified_trackers { tr { td { code { (u.domain) } } td class="num" { (u.endpoints) } td class="num" { (u.requests) } td class="num" { (u.tracker_requests) } } } }
                    }
                }
                h2 { (l.ta("html-where", &[unit()])) }
                (bars(&r.countries.iter().map(|c| (c.country.clone().unwrap_or_else(|| l.t(&format!("jurisdiction-{}", c.jurisdiction.label()))), c.requests, c.jurisdiction == Jurisdiction::OfConcern)).collect::<Vec<_>>(), &l.ta("glance-server-countries-chart", &[unit()])))
                h2 { (l.t("popup-networks")) }
                (bars(&r.networks.iter().take(15).map(|n| (format!("{} {}", n.asn.map(|a| format!("AS{a}")).unwrap_or_else(|| l.t("network-unknown")), n.network.clone().unwrap_or_default()), n.requests, false)).collect::<Vec<_>>(), &l.ta("html-networks-chart", &[unit()])))
                h2 { (l.t("popup-endpoints")) }
                table {
                    thead { tr { th { (l.t("html-col-host")) } th { (l.t("html-col-party")) } th { (l.t("html-col-company")) } th { (l.t("html-col-tracker")) } th { (l.t("html-col-ips")) } th { (l.t("html-col-server")) } th { (l.t("html-col-company")) } th { (l.t("html-col-fields")) } th class="num" { (short) } th class="num" { (l.t("html-col-sent")) } } }
                    tbody { @for e in &r.endpoints { tr {
                        td {
                            (super::popup::host(&e.host, l))
                            @for nb in &e.name_basis { div class="muted" { (l.ta("html-name-from", &[("basis", super::popup::name_basis_word(nb.basis, l).into()), n("n", nb.connections), unit()])) } }
                            @if !e.dns_names.is_empty() { div class="muted" { (l.t("html-also-answered")) @for (i, n) in e.dns_names.iter().enumerate() { @if i > 0 { ", " } code { (n) } } } }
                        }
                        td { (l.t(&format!("party-{}", e.party.label()))) }
                        td { @if let Some(v) = &e.entity { (v.name) " (" (known_in(&v.domicile, l)) "/" (known_in(&v.headquarters, l)) ")" @if let Some(b) = &e.entity_basis { @if *b != super::view::EntityBasis::Cited { div class="muted" { (super::popup::basis_word(b, l)) } } } } }
                        td {
                            @for tr in &e.trackers { div { (super::popup::category_word(tr.category, l)) " " span class="muted" { (l.ta("html-tracker-share", &[n("n", tr.requests), n("total", e.requests), unit()])) } } }
                            @for rl in &e.rules { div class="muted" { (super::popup::rule_in(rl, u, l)) } }
                            @if e.rules_not_listed > 0 { div class="muted" { (l.ta("html-rules-not-listed", &[n("n", e.rules_not_listed)])) } }
                        }
                        td {
                            @for sv in &e.servers { @let loc = &sv.location; div { (loc.ip) " " (loc.country.as_deref().unwrap_or("–")) " (" (super::popup::location_word(loc.basis, l)) ")" @if let Some(n) = &loc.network { " · AS" (loc.asn.unwrap_or(0)) " " (n) } " " span class="muted" { (sv.requests) " " (short) } } }
                            @if e.unlocated.requests > 0 { div class="muted" { (l.ta("html-no-ip", &[n("n", e.unlocated.requests), unit()])) } }
                        }
                        td { (jtag(e.jurisdiction.server, l)) } td { (jtag(e.jurisdiction.entity, l)) }
                        td {
                            @for (i, f) in e.sent.iter().enumerate() { @if i > 0 { ", " } code { (f.name) } " " span class="muted" { (super::popup::kind_word(f.kind, l)) ": " (super::popup::reason_word(f.reason, l)) } }
                            @for b in &e.binary_sent { div class="muted" { (l.ta("html-binary", &[n("n", b.requests), ("type", (&b.content_type).into()), ("size", bytes(b.bytes).into())])) } }
                        }
                        td class="num" { (e.requests) } td class="num" { (bytes(e.bytes_sent)) }
                    } } }
                }
                h2 { (l.t("html-sources")) }
                ul { @for d in &r.data_sources { li { (d.name) " — " (d.version) " (" (d.date) "), " (d.licence) ". " (d.attribution) } } }
                p class="muted" { (l.t("html-footer")) a href="https://db-ip.com" { "IP Geolocation by DB-IP" } (l.ta("html-generated", &[("generator", (&r.generator).into())])) }
            }
        }
    };
    page.into_string()
}
