//! The popup's and the report page's markup: one fragment for the extension,
//! rendered here so every string from the network is escaped by maud, the same
//! way as in the HTML export. Rows carry `data-tracker` / `data-foreign` so the
//! popup's filters are a class toggle, not logic.

use super::view::EntityBasis;
use crate::classify::entity::{countries_phrase, Tier};
use maud::{html, Markup};

use super::view::{EndpointView, Report, RuleView};
use crate::judge::{sentence, short_rule, Jurisdiction, SHOWN_RULE_CHARS};
use crate::observe::SentKind;

fn tag(j: Jurisdiction) -> Markup {
    html! { span class={"tag " (j.label())} { (j.label()) } }
}

fn kb(n: u64) -> String {
    if n < 1024 {
        format!("{n} B")
    } else {
        format!("{:.1} kB", n as f64 / 1024.0)
    }
}

fn share(part: u64, whole: u64) -> String {
    if whole == 0 {
        "0%".into()
    } else {
        format!("{:.0}%", part as f64 * 100.0 / whole as f64)
    }
}

/// Plain words for a kind of sent value.
pub(crate) fn kind(k: SentKind) -> &'static str {
    match k {
        SentKind::Identifier => "identifier",
        SentKind::Email => "e-mail address",
        SentKind::Phone => "phone number",
        SentKind::HashedContact => "hashed e-mail or phone",
    }
}

fn foreign(e: &EndpointView) -> bool {
    matches!(e.jurisdiction.server, Jurisdiction::Foreign | Jurisdiction::OfConcern) || e.jurisdiction.entity == Jurisdiction::OfConcern
}

/// A rule as evidence: shortened when long, the whole rule one disclosure
/// away, with how many requests (or connections) it matched.
pub(crate) fn rule_in(r: &RuleView, unit: crate::aggregate::Unit) -> Markup {
    html! {
        @match &r.rule {
            Some(text) => {
                @if text.chars().count() > SHOWN_RULE_CHARS {
                    details class="rule" { summary { code { (short_rule(text)) } } code { (text) } }
                } @else { code { (text) } }
                " in " (r.list) ", line " (r.line)
            }
            None => { "the entity map classes this domain as " (r.category.label()) }
        }
        " (" (unit.count(r.requests)) ")"
    }
}

/// A host as shown: internationalised names stay in their ASCII (punycode)
/// form, which cannot imitate another name, with a note saying so.
pub(crate) fn host(h: &str) -> Markup {
    let idn = h.split('.').any(|label| label.starts_with("xn--"));
    html! {
        code { (h) }
        @if idn { " " span class="muted idn" title="An internationalised domain name, shown in its ASCII (punycode) form: its Unicode form could look like another name." { "(international name, ASCII form)" } }
    }
}

/// The report as a fragment for the popup (no document wrapper, no scripts).
pub fn to_popup_html(r: &Report) -> String {
    let t = &r.totals;
    let u = r.unit;
    let (one, many) = (u.one(), u.many());
    let short = if u == crate::aggregate::Unit::Connections { "conn." } else { "req." };
    let tone = format!("tracker {one}");
    let tmany = format!("tracker {many}");
    let markup = html! {
        section class="summary" aria-labelledby="bl-site" {
            div class={"grade g-" (r.grade.letter)} role="img" aria-label={"Grade " (r.grade.letter) ", " (r.grade.score) " of 100"} { (r.grade.letter) }
            div {
                h1 id="bl-site" { (r.site) }
                @if let Some(sj) = &r.subject {
                    p class="subject" {
                        @if sj.kind == crate::aggregate::SubjectKind::App { "App " strong { (sj.label.as_deref().unwrap_or(&sj.id)) } } @else { "This device" @if let Some(l) = &sj.label { " (" (l) ")" } }
                        @if let Some(p) = &sj.publisher { " · published by " (p.name) @if let Some(g) = &sj.publisher_group { ", part of " (g.name) } } @else { " · no publisher known: every host counts as third-party" }
                    }
                    @if let Some(pk) = r.capture.as_ref().and_then(|c| c.packets.as_ref()) {
                        details class="limits" { summary { "What a packet capture cannot show" } ul { @for l in &pk.limits { li { (l) } } } }
                    }
                }
                p class="muted" { (count(t.requests, one, many)) " · " (count(t.tracker_requests, &tone, &tmany)) " · " (count(t.tracker_endpoints, "tracker endpoint", "tracker endpoints")) " · " (count(t.tracker_companies, "tracker company", "tracker companies")) @if t.unidentified_tracker_domains > 0 { " · " (count(t.unidentified_tracker_domains, "unidentified tracker domain", "unidentified tracker domains")) } " · " (kb(t.bytes_sent)) " sent" }
                @if t.endpoints_folded > 0 { p class="muted" { (t.endpoints_folded) " endpoints (" (u.count(t.requests_folded)) ") folded to keep the report bounded: counted above, not listed." } }
                @if t.server_of_concern_requests > 0 { p class="alert" { (u.count(t.server_of_concern_requests)) " to servers in a country of concern" } }
            }
        }
        (super::glance::glance_markup(&r.glance))
        details class="reasons" {
            summary { "Why " (r.grade.letter) "?" }
            ul { @for reason in &r.grade.reasons { li { @if reason.points > 0 { "−" (reason.points) " " } (reason.reason) } } }
        }
        details class="more" {
        summary { "Details: telemetry, companies, networks and every endpoint" }
        @if !r.telemetry.endpoints.is_empty() {
            h2 { "Platform telemetry" }
            p {
                (u.count(r.telemetry.requests)) " (" (kb(r.telemetry.bytes_sent)) ") to " (r.telemetry.endpoints.len()) " telemetry and logging endpoints"
                @if !r.telemetry.countries.is_empty() { ", servers registered in " (r.telemetry.countries.join(", ")) }
                @if !r.telemetry.identifiers.is_empty() { "; identifiers sent: " @for (i, n) in r.telemetry.identifiers.iter().enumerate() { @if i > 0 { ", " } code { (n) } } }
                "."
            }
        }
        h2 { "Companies" }
        ul class="companies" {
            @for e in &r.entities {
                li data-concern=(if e.jurisdiction == Jurisdiction::OfConcern { "1" } else { "0" }) {
                    strong { (e.entity.name) } " — domiciled " abbr title="country of incorporation" { (known(&e.entity.domicile)) } ", headquartered " (known(&e.entity.headquarters))
                    @if let Some(p) = &e.parent { span class="muted" { " · part of " (p.name) " (" (known(&p.domicile)) "/" (known(&p.headquarters)) ")" } }
                    " " (tag(e.jurisdiction)) " " span class="muted" { (e.requests) " " (short) }
                    @if !e.sent.is_empty() { span class="muted" { " · received " (e.sent.join(", ")) } }
                }
            }
        }
        h2 { "Hosting networks" }
        ul class="networks" {
            @for n in &r.networks {
                li {
                    @match n.asn { Some(a) => { "AS" (a) " " (n.network.as_deref().unwrap_or("")) } None => { "unknown network" } }
                    @if let Some(o) = &n.operator { span class="muted" { " (" (o) ")" } }
                    " — " (share(n.requests, r.totals.requests)) " of " (many) ", " (share(n.bytes_received, r.totals.bytes_received)) " of bytes received"
                }
            }
        }
        h2 { "Endpoints" }
        table class="endpoints" {
            caption class="visually-hidden" { "Endpoints contacted by " (r.site) }
            thead { tr { th scope="col" { "Host" } th scope="col" { "Company" } th scope="col" { "Server" } th scope="col" { (if short == "req." { "Req." } else { "Conn." }) } th scope="col" { "Sent" } } }
            tbody {
                @for e in &r.endpoints {
                    tr data-tracker=(if e.tracker_requests > 0 { "1" } else { "0" }) data-foreign=(if foreign(e) { "1" } else { "0" }) {
                        td {
                            (host(&e.host))
                            @for tr in &e.trackers { " " span class={"cat " (tr.category.label())} { (tr.category.label()) " " span class="muted" { (tr.requests) "/" (e.requests) } } }
                            details class="why" {
                                summary { "why" }
                                p { (e.party.label()) " · domain " code { (e.domain) } }
                                @for nb in &e.name_basis { p class="muted" { "Name from " (nb.basis.label()) ": " (u.count(nb.connections)) } }
                                @if !e.dns_names.is_empty() { p class="muted" { "Its addresses also answered for: " @for (i, n) in e.dns_names.iter().enumerate() { @if i > 0 { ", " } code { (n) } } } }
                                @if e.trackers.is_empty() { p { "Not matched by a tracker list." } }
                                @if !e.rules.is_empty() { ul class="rules" { @for r in &e.rules { li { (rule_in(r, u)) } } } }
                                @if e.rules_not_listed > 0 { p class="muted" { (e.rules_not_listed) " more " (tmany) " matched rules not listed here." } }
                                @if !e.sent.is_empty() {
                                    p { "Sent: " @for (i, f) in e.sent.iter().enumerate() { @if i > 0 { ", " } code { (f.name) } " (" (kind(f.kind)) ", " (f.reason.describe()) ")" } }
                                }
                                @for b in &e.binary_sent { p { (b.requests) " binary " @if b.requests == 1 { "body" } @else { "bodies" } " (" (b.content_type) ", " (kb(b.bytes)) "), not read for fields" } }
                                @if let Some(v) = &e.entity {
                                    p { (sentence(format!("{}: {}", v.name, countries_phrase(v.domicile.as_deref(), v.headquarters.as_deref())))) @if let Some(n) = &v.note { " " (sentence(n.clone())) } }
                                    @if let Some(b) = &e.entity_basis { p class="muted" { "Owner: " (b.label()) @if let (Tier::Listed, Some(h)) = (v.tier, &v.headquarters_source) { "; headquarters as stated by " (crate::data::source_name(h)) } } }
                                    @if !v.sources.is_empty() { p class="muted" { "Sources: " @for s in &v.sources { span class="src" { (s) } " " } } }
                                }
                            }
                        }
                        td { @if let Some(v) = &e.entity { (v.name) " " span class="muted" { (known(&v.domicile)) "/" (known(&v.headquarters)) } " " (tag(e.jurisdiction.entity)) @if let Some(b) = &e.entity_basis { @if *b != EntityBasis::Cited { " " span class="muted basis" { "(" (b.label()) ")" } } } } @else { span class="muted" { "unknown" } } }
                        td {
                            @for sv in &e.servers {
                                @let l = &sv.location;
                                div { (l.ip) " · " (l.country.as_deref().unwrap_or("–")) " " span class="muted" { "(" (l.basis.label()) ")" } @if let Some(n) = &l.network { " · AS" (l.asn.unwrap_or(0)) " " (n) } " " span class="muted" { (sv.requests) " " (short) } }
                            }
                            @if e.unlocated.requests > 0 { div class="muted" { (e.unlocated.requests) " " (short) " with no server IP (location unknown)" } }
                            " " (tag(e.jurisdiction.server))
                        }
                        td class="num" { (e.requests) }
                        td class="num" { (kb(e.bytes_sent)) }
                    }
                }
            }
        }
        }
        p class="muted attribution" { "Countries are where address blocks are registered. IP data: NRO, RouteViews, IP Geolocation by DB-IP (db-ip.com). Policy: " (r.policy.description) "." }
    };
    markup.into_string()
}

/// One sentence for the in-page warning about an endpoint: what, to whom,
/// where. Plain text (the banner sets it as text, never as markup). Trackers and
/// servers of concern are told per endpoint; a company of concern that is
/// neither is told once per company (the sentence is the same for each of its
/// endpoints, and the banner shows a sentence once).
pub fn warning_text(r: &Report, e: &EndpointView) -> String {
    let who = match &e.entity {
        Some(v) => match &v.parent {
            Some(p) => format!("{} (part of {}, {})", v.name, p.name, countries_phrase(p.domicile.as_deref(), p.headquarters.as_deref())),
            None => format!("{} ({})", v.name, countries_phrase(v.domicile.as_deref(), v.headquarters.as_deref())),
        },
        None => "an unidentified company".into(),
    };
    let server_concern = e.jurisdiction.server == Jurisdiction::OfConcern;
    if e.trackers.is_empty() && !server_concern {
        return format!("{} talks to servers controlled by {who}: based in a country of concern under your policy.", r.site);
    }
    let what = if e.trackers.is_empty() {
        String::new()
    } else {
        let kinds: Vec<&str> = e.trackers.iter().map(|t| t.category.label()).collect::<std::collections::BTreeSet<_>>().into_iter().collect();
        format!("{} ", kinds.join(" and "))
    };
    let countries: Vec<String> = e.servers.iter().filter_map(|s| s.location.country.clone()).collect::<std::collections::BTreeSet<_>>().into_iter().collect();
    let where_ = match countries.len() {
        0 => "an unknown location".to_string(),
        1 => format!("a server registered in {}", countries[0]),
        _ => format!("servers registered in {}", countries.join(", ")),
    };
    let mut text = sentence(format!("{} sent data to {} — {what}by {who}, {where_}", r.site, e.host));
    if server_concern || e.jurisdiction.entity == Jurisdiction::OfConcern {
        text.push_str(" Of concern under your policy.");
    }
    text
}

#[cfg(test)]
#[path = "../../tests/unit/render_popup.rs"]
mod tests;

/// A country code, or "?" (with a title saying so) when not known.
pub(crate) fn known(c: &Option<String>) -> maud::Markup {
    match c {
        Some(c) => maud::html! { (c) },
        None => maud::html! { abbr title="not known" { "?" } },
    }
}

/// "1 request", "2 requests".
fn count(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
