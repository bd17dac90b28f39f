//! The popup's and the report page's markup: one fragment for the extension,
//! rendered here so every string from the network is escaped by maud, the same
//! way as in the HTML export. Rows carry `data-tracker` / `data-foreign` so the
//! popup's filters are a class toggle, not logic.

use super::view::EntityBasis;
use crate::classify::entity::Tier;
use crate::l10n::{Arg, L10n};
use maud::{html, Markup};

use super::view::{EndpointView, Report, RuleView};
use crate::judge::{sentence, short_rule, Jurisdiction, SHOWN_RULE_CHARS};
use crate::observe::SentKind;

fn tag(j: Jurisdiction, l: &L10n) -> Markup {
    html! { span class={"tag " (j.label())} { (l.t(&format!("jurisdiction-{}", j.label()))) } }
}

/// A tracker category's word in a language (its CSS class stays the English label).
pub(crate) fn category_word(c: crate::classify::entity::Category, l: &L10n) -> String {
    l.t(&format!("category-{}", c.label()))
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

/// The report's policy in words, in a language (its English description when it cannot be read back).
pub(crate) fn policy_words(r: &Report, l: &L10n) -> String {
    crate::judge::Policy::of_view(&r.policy.home, &r.policy.preset, &r.policy.description).map_or_else(|| r.policy.description.clone(), |p| p.describe_in(l))
}

/// A kind of sent value in a language.
pub(crate) fn kind_word(k: SentKind, l: &L10n) -> String {
    l.t(match k {
        SentKind::Identifier => "sent-kind-identifier",
        SentKind::Email => "sent-kind-email",
        SentKind::Phone => "sent-kind-phone",
        SentKind::HashedContact => "sent-kind-hashed",
    })
}

/// Why a field counts as sent, in a language.
pub(crate) fn reason_word(r: crate::observe::SentReason, l: &L10n) -> String {
    use crate::observe::SentReason;
    l.t(match r {
        SentReason::EmailValue => "sent-reason-email",
        SentReason::HashedContactName => "sent-reason-hashed",
        SentReason::PhoneValue => "sent-reason-phone",
        SentReason::IdentifierName => "sent-reason-identifier",
        SentReason::TokenValue => "sent-reason-token",
    })
}

/// How a company was found to own a host, in a language.
pub(crate) fn basis_word(b: &EntityBasis, l: &L10n) -> String {
    match b {
        EntityBasis::Cited => l.t("basis-cited"),
        EntityBasis::Listed { source } => l.ta("basis-listed", &[("source", crate::data::source_name(source).into())]),
        // An identifier, not a quantity: never grouped ("AS13335", not "AS13,335").
        EntityBasis::Network { asn } => l.ta("basis-network", &[("asn", asn.to_string().into())]),
    }
}

/// Where a location comes from, in a language.
pub(crate) fn location_word(b: crate::locate::Basis, l: &L10n) -> String {
    l.t(&format!("location-{}", b.label()))
}

/// Where a connection's name comes from, in a language.
pub(crate) fn name_basis_word(b: crate::observe::packets::NameBasis, l: &L10n) -> String {
    use crate::observe::packets::NameBasis;
    l.t(match b {
        NameBasis::TlsSni => "name-basis-tls",
        NameBasis::QuicSni => "name-basis-quic",
        NameBasis::HttpHost => "name-basis-http",
        NameBasis::Dns => "name-basis-dns",
        NameBasis::DnsAmbiguous => "name-basis-dns-ambiguous",
        NameBasis::Recorder => "name-basis-recorder",
        NameBasis::None => "name-basis-none",
    })
}

fn foreign(e: &EndpointView) -> bool {
    matches!(e.jurisdiction.server, Jurisdiction::Foreign | Jurisdiction::OfConcern) || e.jurisdiction.entity == Jurisdiction::OfConcern
}

/// A rule as evidence: shortened when long, the whole rule one disclosure
/// away, with how many requests (or connections) it matched.
pub(crate) fn rule_in(r: &RuleView, unit: crate::aggregate::Unit, l: &L10n) -> Markup {
    html! {
        @match &r.rule {
            Some(text) => {
                @if text.chars().count() > SHOWN_RULE_CHARS {
                    details class="rule" { summary { code { (short_rule(text)) } } code { (text) } }
                } @else { code { (text) } }
                (l.ta("rule-in-list", &[("list", (&r.list).into()), ("line", r.line.to_string().into())]))
            }
            None => { (l.ta("rule-entity-map", &[("category", category_word(r.category, l).into())])) }
        }
        " (" (l.ta("unit-count", &[("n", r.requests.into()), ("unit", unit.into())])) ")"
    }
}

/// A host as shown: internationalised names stay in their ASCII (punycode)
/// form, which cannot imitate another name, with a note saying so.
pub(crate) fn host(h: &str, l: &L10n) -> Markup {
    let idn = h.split('.').any(|label| label.starts_with("xn--"));
    html! {
        code { (h) }
        @if idn { " " span class="muted idn" title=(l.t("idn-title")) { (l.t("idn-note")) } }
    }
}

/// The report as a fragment for the popup (no document wrapper, no scripts), in English.
pub fn to_popup_html(r: &Report) -> String {
    to_popup_html_in(r, crate::l10n::english())
}

/// The report as a fragment for the popup, in a language.
pub fn to_popup_html_in(r: &Report, l: &L10n) -> String {
    let t = &r.totals;
    let u = r.unit;
    let unit = || ("unit", Arg::from(u));
    let n = |k: &'static str, v: u64| (k, Arg::Num(v));
    let short = l.ta("unit-short", &[unit()]);
    let markup = html! {
        section class="summary" aria-labelledby="bl-site" {
            div class={"grade g-" (r.grade.letter)} role="img" aria-label=(l.ta("grade-aria", &[("letter", (&r.grade.letter).into()), n("score", r.grade.score.into())])) { (r.grade.letter) }
            div {
                h1 id="bl-site" { (r.site) }
                @if let Some(sj) = &r.subject {
                    p class="subject" {
                        @if sj.kind == crate::aggregate::SubjectKind::App { (l.t("popup-app")) " " strong { (sj.label.as_deref().unwrap_or(&sj.id)) } } @else { (l.t("popup-device")) @if let Some(label) = &sj.label { " (" (label) ")" } }
                        @if let Some(p) = &sj.publisher { (l.ta("popup-published-by", &[("publisher", (&p.name).into())])) @if let Some(g) = &sj.publisher_group { (l.ta("popup-part-of", &[("group", (&g.name).into())])) } } @else { (l.t("popup-no-publisher")) }
                    }
                    @if let Some(pk) = r.capture.as_ref().and_then(|c| c.packets.as_ref()) {
                        details class="limits" { summary { (l.t("popup-packet-limits")) } ul { @for limit in pk.limits_in(l) { li { (limit) } } } }
                    }
                }
                p class="muted" { (l.ta("unit-count", &[n("n", t.requests), unit()])) " · " (l.ta("popup-tracker-count", &[n("n", t.tracker_requests), unit()])) " · " (l.ta("popup-tracker-endpoints", &[n("n", t.tracker_endpoints)])) " · " (l.ta("popup-tracker-companies", &[n("n", t.tracker_companies)])) @if t.unidentified_tracker_domains > 0 { " · " (l.ta("popup-unidentified-domains", &[n("n", t.unidentified_tracker_domains)])) } " · " (l.ta("popup-sent", &[("size", kb(t.bytes_sent).into())])) }
                @if t.endpoints_folded > 0 { p class="muted" { (l.ta("popup-folded", &[n("endpoints", t.endpoints_folded), n("n", t.requests_folded), unit()])) } }
                @if t.server_of_concern_requests > 0 { p class="alert" { (l.ta("popup-server-of-concern", &[n("n", t.server_of_concern_requests), unit()])) } }
            }
        }
        (super::glance::glance_markup_in(&r.glance, &r.grade, l))
        details class="reasons" {
            summary { (l.ta("grade-why", &[("letter", (&r.grade.letter).into())])) }
            ul { @for reason in &r.grade.reasons { li { @if reason.points > 0 { "−" (reason.points) " " } (reason.text(l, u)) } } }
        }
        details class="more" {
        summary { (l.t("popup-details")) }
        @if !r.telemetry.endpoints.is_empty() {
            h2 { (l.t("popup-telemetry")) }
            p {
                (l.ta("telemetry-line", &[n("n", r.telemetry.requests), unit(), ("size", kb(r.telemetry.bytes_sent).into()), ("endpoints", r.telemetry.endpoints.len().into())]))
                @if !r.telemetry.countries.is_empty() { (l.ta("telemetry-countries", &[("countries", r.telemetry.countries.join(", ").into())])) }
                @if !r.telemetry.identifiers.is_empty() { (l.t("telemetry-identifiers")) @for (i, n) in r.telemetry.identifiers.iter().enumerate() { @if i > 0 { ", " } code { (n) } } }
                "."
            }
        }
        h2 { (l.t("popup-companies")) }
        ul class="companies" {
            @for e in &r.entities {
                li data-concern=(if e.jurisdiction == Jurisdiction::OfConcern { "1" } else { "0" }) {
                    strong { (e.entity.name) } (l.t("company-domiciled")) abbr title=(l.t("company-domicile-title")) { (known_in(&e.entity.domicile, l)) } (l.t("company-headquartered")) (known_in(&e.entity.headquarters, l))
                    @if let Some(p) = &e.parent { span class="muted" { (l.ta("company-part-of", &[("parent", (&p.name).into())])) " (" (known_in(&p.domicile, l)) "/" (known_in(&p.headquarters, l)) ")" } }
                    " " (tag(e.jurisdiction, l)) " " span class="muted" { (e.requests) " " (short) }
                    @if !e.sent.is_empty() { span class="muted" { (l.ta("company-received", &[("fields", e.sent.join(", ").into())])) } }
                }
            }
        }
        h2 { (l.t("popup-networks")) }
        ul class="networks" {
            @for n in &r.networks {
                li {
                    @match n.asn { Some(a) => { "AS" (a) " " (n.network.as_deref().unwrap_or("")) } None => { (l.t("network-unknown")) } }
                    @if let Some(o) = &n.operator { span class="muted" { " (" (o) ")" } }
                    (l.ta("network-share", &[("requests", share(n.requests, r.totals.requests).into()), unit(), ("bytes", share(n.bytes_received, r.totals.bytes_received).into())]))
                }
            }
        }
        h2 { (l.t("popup-endpoints")) }
        table class="endpoints" {
            caption class="visually-hidden" { (l.ta("popup-endpoints-caption", &[("site", (&r.site).into())])) }
            thead { tr { th scope="col" { (l.t("popup-col-host")) } th scope="col" { (l.t("popup-col-company")) } th scope="col" { (l.t("popup-col-server")) } th scope="col" { (l.ta("popup-col-count", &[unit()])) } th scope="col" { (l.t("popup-col-sent")) } } }
            tbody {
                @for e in &r.endpoints {
                    tr data-tracker=(if e.tracker_requests > 0 { "1" } else { "0" }) data-foreign=(if foreign(e) { "1" } else { "0" }) {
                        td {
                            (host(&e.host, l))
                            @for tr in &e.trackers { " " span class={"cat " (tr.category.label())} { (category_word(tr.category, l)) " " span class="muted" { (tr.requests) "/" (e.requests) } } }
                            details class="why" {
                                summary { (l.t("endpoint-why")) }
                                p { (l.ta("endpoint-party", &[("party", e.party.label().into())])) code { (e.domain) } }
                                @for nb in &e.name_basis { p class="muted" { (l.ta("endpoint-name-from", &[("basis", name_basis_word(nb.basis, l).into()), n("n", nb.connections), unit()])) } }
                                @if !e.dns_names.is_empty() { p class="muted" { (l.t("endpoint-also-answered")) @for (i, n) in e.dns_names.iter().enumerate() { @if i > 0 { ", " } code { (n) } } } }
                                @if e.trackers.is_empty() { p { (l.t("endpoint-not-matched")) } }
                                @if !e.rules.is_empty() { ul class="rules" { @for r in &e.rules { li { (rule_in(r, u, l)) } } } }
                                @if e.rules_not_listed > 0 { p class="muted" { (l.ta("endpoint-rules-not-listed", &[n("n", e.rules_not_listed), unit()])) } }
                                @if !e.sent.is_empty() {
                                    p { (l.t("endpoint-sent")) @for (i, f) in e.sent.iter().enumerate() { @if i > 0 { ", " } code { (f.name) } " (" (kind_word(f.kind, l)) ", " (reason_word(f.reason, l)) ")" } }
                                }
                                @for b in &e.binary_sent { p { (l.ta("endpoint-binary", &[n("n", b.requests), ("type", (&b.content_type).into()), ("size", kb(b.bytes).into())])) } }
                                @if let Some(v) = &e.entity {
                                    p { (v.name) ": " (crate::judge::countries_in(v.domicile.as_deref(), v.headquarters.as_deref(), l)) "." @if let Some(n) = &v.note { " " (sentence(n.clone())) } }
                                    @if let Some(b) = &e.entity_basis { p class="muted" { (l.ta("endpoint-owner", &[("basis", basis_word(b, l).into())])) @if let (Tier::Listed, Some(h)) = (v.tier, &v.headquarters_source) { (l.ta("endpoint-hq-stated-by", &[("source", crate::data::source_name(h).into())])) } } }
                                    @if !v.sources.is_empty() { p class="muted" { (l.t("endpoint-sources")) @for s in &v.sources { span class="src" { (s) } " " } } }
                                }
                            }
                        }
                        td { @if let Some(v) = &e.entity { (v.name) " " span class="muted" { (known_in(&v.domicile, l)) "/" (known_in(&v.headquarters, l)) } " " (tag(e.jurisdiction.entity, l)) @if let Some(b) = &e.entity_basis { @if *b != EntityBasis::Cited { " " span class="muted basis" { "(" (basis_word(b, l)) ")" } } } } @else { span class="muted" { (l.t("endpoint-company-unknown")) } } }
                        td {
                            @for sv in &e.servers {
                                @let loc = &sv.location;
                                div { (loc.ip) " · " (loc.country.as_deref().unwrap_or("–")) " " span class="muted" { "(" (location_word(loc.basis, l)) ")" } @if let Some(n) = &loc.network { " · AS" (loc.asn.unwrap_or(0)) " " (n) } " " span class="muted" { (sv.requests) " " (short) } }
                            }
                            @if e.unlocated.requests > 0 { div class="muted" { (l.ta("endpoint-no-ip", &[n("n", e.unlocated.requests), unit()])) } }
                            " " (tag(e.jurisdiction.server, l))
                        }
                        td class="num" { (e.requests) }
                        td class="num" { (kb(e.bytes_sent)) }
                    }
                }
            }
        }
        }
        p class="muted attribution" { (l.ta("popup-attribution", &[("policy", policy_words(r, l).into())])) }
    };
    markup.into_string()
}

/// One sentence for the in-page warning about an endpoint: what, to whom,
/// where. Plain text (the banner sets it as text, never as markup). Trackers and
/// servers of concern are told per endpoint; a company of concern that is
/// neither is told once per company (the sentence is the same for each of its
/// endpoints, and the banner shows a sentence once).
pub fn warning_text(r: &Report, e: &EndpointView) -> String {
    warning_text_in(r, e, crate::l10n::english())
}

/// The in-page warning about an endpoint, in a language.
pub fn warning_text_in(r: &Report, e: &EndpointView, l: &L10n) -> String {
    let who = match &e.entity {
        Some(v) => match &v.parent {
            Some(p) => l.ta(
                "warn-who-parent",
                &[
                    ("name", (&v.name).into()),
                    ("parent", (&p.name).into()),
                    ("countries", crate::judge::countries_in(p.domicile.as_deref(), p.headquarters.as_deref(), l).into()),
                ],
            ),
            None => l.ta(
                "warn-who",
                &[("name", (&v.name).into()), ("countries", crate::judge::countries_in(v.domicile.as_deref(), v.headquarters.as_deref(), l).into())],
            ),
        },
        None => l.t("warn-who-unknown"),
    };
    let server_concern = e.jurisdiction.server == Jurisdiction::OfConcern;
    if e.trackers.is_empty() && !server_concern {
        return l.ta("warn-company-of-concern", &[("site", (&r.site).into()), ("who", who.into())]);
    }
    let countries: Vec<String> = e.servers.iter().filter_map(|s| s.location.country.clone()).collect::<std::collections::BTreeSet<_>>().into_iter().collect();
    let where_ = match countries.len() {
        0 => l.t("warn-where-unknown"),
        1 => l.ta("warn-where-one", &[("country", (&countries[0]).into())]),
        _ => l.ta("warn-where-many", &[("countries", countries.join(", ").into())]),
    };
    let base = [("site", Arg::from(&r.site)), ("host", Arg::from(&e.host)), ("who", Arg::from(who)), ("where", Arg::from(where_))];
    let mut text = if e.trackers.is_empty() {
        l.ta("warn-sent", &base)
    } else {
        let kinds: Vec<String> =
            e.trackers.iter().map(|t| t.category).collect::<std::collections::BTreeSet<_>>().into_iter().map(|c| category_word(c, l)).collect();
        // Two kinds at most in practice; more are joined pairwise.
        let kinds = kinds.into_iter().reduce(|a, b| l.ta("warn-and", &[("a", a.into()), ("b", b.into())])).unwrap_or_default();
        let mut args: Vec<(&str, Arg)> = base.into_iter().collect();
        args.push(("kinds", kinds.into()));
        l.ta("warn-sent-kinds", &args)
    };
    if server_concern || e.jurisdiction.entity == Jurisdiction::OfConcern {
        text = l.ta("warn-of-concern", &[("sentence", text.into())]);
    }
    text
}

#[cfg(test)]
#[path = "../../tests/unit/render_popup.rs"]
mod tests;

/// A country code, or "?" (with a title saying so, in a language) when not known.
pub(crate) fn known_in(c: &Option<String>, l: &L10n) -> maud::Markup {
    match c {
        Some(c) => maud::html! { (c) },
        None => maud::html! { abbr title=(l.t("not-known-title")) { "?" } },
    }
}

/// For the catalogue tests: an owner inferred from AS13335 and a rule on line 12345, in words.
#[cfg(test)]
pub(crate) fn words_for_tests(l: &L10n) -> (String, String) {
    let rule = RuleView {
        category: crate::classify::entity::Category::Analytics,
        list: "easyprivacy".into(),
        line: 12345,
        rule: Some("||x.example^".into()),
        requests: 1,
    };
    (basis_word(&EntityBasis::Network { asn: 13335 }, l), rule_in(&rule, crate::aggregate::Unit::Requests, l).into_string())
}
