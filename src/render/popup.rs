//! The popup's and the report page's markup: one fragment for the extension,
//! rendered here so every string from the network is escaped by maud, the same
//! way as in the HTML export. Rows carry `data-tracker` / `data-foreign` so the
//! popup's filters are a class toggle, not logic.

use maud::{html, Markup};

use super::view::{EndpointView, Report};
use crate::judge::Jurisdiction;
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
    let markup = html! {
        section class="summary" aria-labelledby="bl-site" {
            div class={"grade g-" (r.grade.letter)} role="img" aria-label={"Grade " (r.grade.letter) ", " (r.grade.score) " of 100"} { (r.grade.letter) }
            div {
                h1 id="bl-site" { (r.site) }
                p class="muted" { (t.requests) " requests · " (t.tracker_requests) " tracker requests · " (t.tracker_endpoints) " tracker endpoints · " (t.tracker_companies) " tracker companies · " (kb(t.bytes_sent)) " sent" }
                @if t.endpoints_folded > 0 { p class="muted" { (t.endpoints_folded) " endpoints (" (t.requests_folded) " requests) folded to keep the report bounded: counted above, not listed." } }
                @if t.server_of_concern_requests > 0 { p class="alert" { (t.server_of_concern_requests) @if t.server_of_concern_requests == 1 { " request" } @else { " requests" } " to servers in a country of concern" } }
            }
        }
        details class="reasons" {
            summary { "Why " (r.grade.letter) "?" }
            ul { @for reason in &r.grade.reasons { li { @if reason.points > 0 { "−" (reason.points) " " } (reason.reason) } } }
        }
        @if !r.telemetry.endpoints.is_empty() {
            h2 { "Platform telemetry" }
            p {
                (r.telemetry.requests) " requests (" (kb(r.telemetry.bytes_sent)) ") to " (r.telemetry.endpoints.len()) " telemetry and logging endpoints"
                @if !r.telemetry.countries.is_empty() { ", servers registered in " (r.telemetry.countries.join(", ")) }
                @if !r.telemetry.identifiers.is_empty() { "; identifiers sent: " @for (i, n) in r.telemetry.identifiers.iter().enumerate() { @if i > 0 { ", " } code { (n) } } }
                "."
            }
        }
        h2 { "Companies" }
        ul class="companies" {
            @for e in &r.entities {
                li data-concern=(if e.jurisdiction == Jurisdiction::OfConcern { "1" } else { "0" }) {
                    strong { (e.entity.name) } " — domiciled " abbr title="country of incorporation" { (e.entity.domicile) } ", headquartered " (e.entity.headquarters)
                    @if let Some(p) = &e.parent { span class="muted" { " · part of " (p.name) " (" (p.domicile) "/" (p.headquarters) ")" } }
                    " " (tag(e.jurisdiction)) " " span class="muted" { (e.requests) " req." }
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
                    " — " (share(n.requests, r.totals.requests)) " of requests, " (share(n.bytes_received, r.totals.bytes_received)) " of bytes received"
                }
            }
        }
        h2 { "Endpoints" }
        table class="endpoints" {
            caption class="visually-hidden" { "Endpoints contacted by " (r.site) }
            thead { tr { th scope="col" { "Host" } th scope="col" { "Company" } th scope="col" { "Server" } th scope="col" { "Req." } th scope="col" { "Sent" } } }
            tbody {
                @for e in &r.endpoints {
                    tr data-tracker=(if e.tracker.is_some() { "1" } else { "0" }) data-foreign=(if foreign(e) { "1" } else { "0" }) {
                        td {
                            (host(&e.host))
                            @if let Some(tr) = &e.tracker { " " span class={"cat " (tr.category.label())} { (tr.category.label()) } }
                            details class="why" {
                                summary { "why" }
                                p { (e.party.label()) " · domain " code { (e.domain) } }
                                @match &e.tracker {
                                    Some(tr) => p { @match &tr.rule { Some(rule) => { "Rule " code { (rule) } " in " (tr.list) ", line " (tr.line) } None => { "The entity map classes " (e.domain) " as " (tr.category.label()) } } },
                                    None => p { "Not matched by a tracker list." },
                                }
                                @if !e.sent.is_empty() {
                                    p { "Sent: " @for (i, f) in e.sent.iter().enumerate() { @if i > 0 { ", " } code { (f.name) } " (" (kind(f.kind)) ")" } }
                                }
                                @if let Some(v) = &e.entity {
                                    p { (v.name) ": domiciled " (v.domicile) ", headquartered " (v.headquarters) @if let Some(n) = &v.note { ". " (n) } }
                                    p class="muted" { "Sources: " @for s in &v.sources { span class="src" { (s) } " " } }
                                }
                            }
                        }
                        td { @if let Some(v) = &e.entity { (v.name) " " span class="muted" { (v.domicile) "/" (v.headquarters) } " " (tag(e.jurisdiction.entity)) } @else { span class="muted" { "unknown" } } }
                        td {
                            @for l in &e.locations {
                                div { (l.ip) " · " (l.country.as_deref().unwrap_or("–")) " " span class="muted" { "(" (l.basis.label()) ")" } @if let Some(n) = &l.network { " · AS" (l.asn.unwrap_or(0)) " " (n) } }
                            }
                            @if e.locations.is_empty() { span class="muted" { "no IP seen" } }
                            " " (tag(e.jurisdiction.server))
                        }
                        td class="num" { (e.requests) }
                        td class="num" { (kb(e.bytes_sent)) }
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
            Some(p) => format!("{} (part of {}, domiciled {}, headquartered {})", v.name, p.name, p.domicile, p.headquarters),
            None => format!("{} (domiciled {}, headquartered {})", v.name, v.domicile, v.headquarters),
        },
        None => "an unknown company".into(),
    };
    let server_concern = e.jurisdiction.server == Jurisdiction::OfConcern;
    if e.tracker.is_none() && !server_concern {
        return format!("{} talks to servers controlled by {who}: based in a country of concern under your policy.", r.site);
    }
    let what = e.tracker.as_ref().map_or(String::new(), |t| format!("{} ", t.category.label()));
    let countries: Vec<String> = e.locations.iter().filter_map(|l| l.country.clone()).collect();
    let where_ = if countries.is_empty() { "an unknown location".to_string() } else { format!("a server registered in {}", countries.join(", ")) };
    let mut text = format!("{} sent data to {} — {what}by {who}, {where_}.", r.site, e.host);
    if server_concern || e.jurisdiction.entity == Jurisdiction::OfConcern {
        text.push_str(" Of concern under your policy.");
    }
    text
}

#[cfg(test)]
#[path = "../../tests/unit/render_popup.rs"]
mod tests;
