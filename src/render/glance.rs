//! The first screen: where the requests went and to whom, at a glance. The
//! facts are derived once, with the policy in force, when the report is built
//! ([`GlanceView`] in the JSON); the popup, the HTML export and www/ draw
//! them with the same markup ([`glance_markup`]). Bars carry their numbers
//! and "of concern" as text, so nothing relies on colour alone.

use std::collections::BTreeMap;

use maud::{html, Markup};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::view::{CountryRollup, EndpointView, Totals};
use crate::aggregate::{Grade, Unit};
use crate::classify::entity;
use crate::judge::{Jurisdiction, Policy};
use crate::l10n::{Arg, L10n};

/// One bar: a country (or why there is none) and the requests under it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct GlanceBar {
    /// ISO 3166-1 alpha-2; null when there is none (see `label`).
    pub country: Option<String>,
    /// What the bar is called: the country code, or "unknown", "local",
    /// "country not known", "no company named", "folded (not listed)".
    pub label: String,
    pub requests: u64,
    pub jurisdiction: Jurisdiction,
}

/// A company on the first screen, with the country of its controlling company.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct GlanceCompany {
    pub name: String,
    /// Headquarters of the ultimate parent (who controls it); null when not known.
    pub country: Option<String>,
    pub requests: u64,
    /// The company's jurisdiction under the policy (its own and its parent's countries).
    pub jurisdiction: Jurisdiction,
}

/// The first screen's facts, derived from the rest of the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct GlanceView {
    /// The grade reason that costs the most points, if any.
    pub main_reason: Option<String>,
    /// Requests per server country: `countries`, in the same order (they sum to `totals.requests`).
    pub server_countries: Vec<GlanceBar>,
    /// Requests per country of the company that controls each host (its
    /// ultimate parent's headquarters), most first; hosts no company data
    /// names, and folded endpoints, in bars of their own. They sum to `totals.requests`.
    pub company_countries: Vec<GlanceBar>,
    /// The three companies (by ultimate parent) that received the most requests.
    pub top_companies: Vec<GlanceCompany>,
    /// What the counts count (absent: requests; "connections" for a packet capture).
    #[serde(default, skip_serializing_if = "is_requests")]
    pub unit: Unit,
}

fn is_requests(u: &Unit) -> bool {
    *u == Unit::Requests
}

fn label(country: &Option<String>, jurisdiction: Jurisdiction) -> String {
    country.clone().unwrap_or_else(|| jurisdiction.label().to_string())
}

/// The grade reason that weighs most: the first of the weightiest
/// (max_by_key keeps the last of equals, hence rev).
pub fn main_reason(grade: &Grade) -> Option<&crate::aggregate::GradeReason> {
    grade.reasons.iter().filter(|r| r.points > 0).rev().max_by_key(|r| r.points)
}

/// A country as the first screen names it: its name in the language (CLDR)
/// with its code, "Vereinigte Staaten (US)"; the code alone when CLDR has no
/// name for it. At most `max` characters: a long name is shortened, never the code.
pub fn country_label(code: &str, l: &L10n, max: usize) -> String {
    match l.country(code) {
        Some(name) => {
            let room = max.saturating_sub(code.chars().count() + 3).max(4);
            let short: String =
                if name.chars().count() > room { name.chars().take(room - 1).chain(std::iter::once('…')).collect() } else { name.to_string() };
            format!("{short} ({code})")
        }
        None => code.to_string(),
    }
}

/// A bar's label in a language: the country, or why there is none.
fn bar_label(r: &GlanceBar, l: &L10n) -> String {
    if let Some(code) = &r.country {
        return country_label(code, l, 24);
    }
    let id = match r.label.as_str() {
        "unknown" => "glance-bar-unknown",
        "local" => "glance-bar-local",
        "country not known" => "glance-country-not-known",
        "no company named" => "glance-bar-no-company",
        "folded (not listed)" => "glance-bar-folded",
        other => return other.to_string(),
    };
    l.t(id)
}

/// Derives the first screen from the report's endpoints, countries and grade.
pub fn glance(endpoints: &[EndpointView], countries: &[CountryRollup], totals: &Totals, grade: &Grade, policy: &Policy, unit: Unit) -> GlanceView {
    let main_reason = main_reason(grade).map(|r| r.reason.clone());
    let server_countries = countries
        .iter()
        .map(|c| GlanceBar { country: c.country.clone(), label: label(&c.country, c.jurisdiction), requests: c.requests, jurisdiction: c.jurisdiction })
        .collect();
    // Requests by the controlling company's country, and by company.
    let mut by_country: BTreeMap<(Option<String>, &'static str), u64> = BTreeMap::new();
    let mut by_company: BTreeMap<usize, u64> = BTreeMap::new();
    for e in endpoints {
        match e.entity.as_ref().and_then(|v| entity::by_id(&v.id)) {
            Some(i) => {
                let root = entity::root(i);
                let hq = entity::entity(root).headquarters.map(str::to_string);
                let why = if hq.is_some() { "" } else { "country not known" };
                *by_country.entry((hq, why)).or_default() += e.requests;
                *by_company.entry(root).or_default() += e.requests;
            }
            None => *by_country.entry((None, "no company named")).or_default() += e.requests,
        }
    }
    if totals.requests_folded > 0 {
        *by_country.entry((None, "folded (not listed)")).or_default() += totals.requests_folded;
    }
    let mut company_countries: Vec<GlanceBar> = by_country
        .into_iter()
        .map(|((country, why), requests)| GlanceBar {
            jurisdiction: policy.judge(country.as_deref()),
            label: country.clone().unwrap_or_else(|| why.to_string()),
            country,
            requests,
        })
        .collect();
    company_countries.sort_by(|a, b| b.requests.cmp(&a.requests).then_with(|| a.label.cmp(&b.label)));
    let mut top: Vec<(usize, u64)> = by_company.into_iter().collect();
    top.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let top_companies = top
        .into_iter()
        .take(3)
        .map(|(i, requests)| {
            let e = entity::entity(i);
            GlanceCompany {
                name: e.name.to_string(),
                country: e.headquarters.map(str::to_string),
                requests,
                jurisdiction: crate::judge::entity_jurisdiction(i, policy),
            }
        })
        .collect();
    GlanceView { main_reason, server_countries, company_countries, top_companies, unit }
}

/// A ranked bar chart: one list item per bar, its label and number as text
/// (so it reads at any size and in any screen reader) and the bar an inline
/// SVG sized by attribute (no inline style: www/'s CSP forbids it); "of
/// concern" is said in words, not only in colour.
pub fn bars(rows: &[GlanceBar], what: &str, l: &L10n) -> Markup {
    let max = rows.iter().map(|r| r.requests).max().unwrap_or(1).max(1);
    html! {
        ol class="bars" aria-label=(what) {
            @for r in rows {
                @let concern = r.jurisdiction == Jurisdiction::OfConcern;
                @let width = (r.requests * 100 / max).max(1);
                li class=(if concern { "of-concern" } else { "" }) {
                    span class="bar-label" title=[r.country.as_deref().and_then(|c| l.country(c))] { (bar_label(r, l).chars().take(24).collect::<String>()) }
                    svg class="meter" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false" {
                        rect width=(width) height="10" fill=(if concern { "#a4002a" } else { "#3b5bdb" }) {}
                    }
                    span class="bar-n" { (r.requests) @if concern { " · " (l.t("glance-of-concern")) } }
                }
            }
        }
    }
}

/// The first screen in one line of plain text, for the in-page banner (set
/// as text there): the top server countries and the top companies with their
/// numbers, "of concern" in words.
pub fn glance_text_in(g: &GlanceView, l: &L10n) -> String {
    let concern = |j: Jurisdiction| if j == Jurisdiction::OfConcern { format!(" ({})", l.t("glance-of-concern")) } else { String::new() };
    let servers: Vec<String> =
        g.server_countries.iter().take(3).map(|b| format!("{} {}{}", bar_label(b, l), l.number(b.requests), concern(b.jurisdiction))).collect();
    let companies: Vec<String> = g
        .top_companies
        .iter()
        .map(|c| {
            format!(
                "{} — {}{}",
                c.name,
                c.country.as_deref().map_or_else(|| l.t("glance-country-not-known"), |code| country_label(code, l, 40)),
                concern(c.jurisdiction)
            )
        })
        .collect();
    let mut text = l.ta("banner-servers", &[("servers", servers.join(" · ").into()), ("unit", Arg::from(g.unit))]);
    if !companies.is_empty() {
        text.push(' ');
        text.push_str(&l.ta("banner-companies", &[("companies", companies.join(" · ").into())]));
    }
    text
}

/// The first screen: the main reason, both charts side by side, the top
/// companies, in the reader's language.
pub fn glance_markup_in(g: &GlanceView, grade: &Grade, l: &L10n) -> Markup {
    let unit = || ("unit", Arg::from(g.unit));
    // The main reason from the grade's data, so it reads in the language; the
    // JSON's English sentence when the grade predates that data.
    let reason = main_reason(grade).map(|r| r.text(l, g.unit)).or_else(|| g.main_reason.clone());
    html! {
        section class="glance" aria-labelledby="bl-where" {
            h2 id="bl-where" { (l.ta("glance-heading", &[unit()])) }
            @if let Some(reason) = &reason { p class="main-reason" { (l.ta("glance-main-reason", &[("reason", reason.into())])) } }
            div class="charts" {
                figure { figcaption { (l.ta("glance-server-countries", &[unit()])) } (bars(&g.server_countries, &l.ta("glance-server-countries-chart", &[unit()]), l)) }
                figure { figcaption { (l.ta("glance-company-countries", &[unit()])) } (bars(&g.company_countries, &l.ta("glance-company-countries-chart", &[unit()]), l)) }
            }
            @if !g.top_companies.is_empty() {
                h3 { (l.t("glance-top-companies")) }
                ol class="top-companies" {
                    @for c in &g.top_companies {
                        li {
                            strong { (c.name) } " — " (c.country.as_deref().map_or_else(|| l.t("glance-country-not-known"), |code| country_label(code, l, 40))) " · " (l.ta("unit-count", &[("n", c.requests.into()), unit()]))
                            @if c.jurisdiction == Jurisdiction::OfConcern { " · " span class="alert" { (l.t("glance-of-concern")) } }
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
#[path = "../../tests/unit/render_glance.rs"]
mod tests;
