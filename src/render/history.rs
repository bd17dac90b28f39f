//! History across visits, private by design: a visit is kept as a per-site
//! summary (no URLs, no paths, no values), and "new since last visit" compares
//! the tracker domains and server countries of a visit with earlier ones.

use std::collections::BTreeSet;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::glance::GlanceView;
use super::view::Report;
use crate::aggregate::{Grade, GradeReason};

/// One visit of one Site, as kept in the browser's history store.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct VisitSummary {
    pub site: String,
    pub first_seen_ms: u64,
    pub last_seen_ms: u64,
    pub requests: u64,
    pub tracker_requests: u64,
    pub bytes_sent: u64,
    pub grade: String,
    /// Registrable domains of tracker endpoints.
    pub trackers: Vec<String>,
    /// Companies behind the endpoints (ultimate parents).
    pub companies: Vec<String>,
    /// Countries the servers are registered in.
    pub countries: Vec<String>,
    /// The visit's first screen (where its requests went, to whom) and the
    /// grade reason that weighed most, so the history shows what the popup
    /// showed. Absent in summaries kept before they existed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub glance: Option<GlanceView>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub main_reason: Option<GradeReason>,
}

/// A kept visit's first screen, in a language: the same markup as the popup's.
pub fn summary_glance_in(v: &VisitSummary, l: &crate::l10n::L10n) -> Option<String> {
    let g = v.glance.as_ref()?;
    let grade = Grade { letter: v.grade.clone(), score: 0, reasons: v.main_reason.iter().cloned().collect() };
    Some(super::glance::glance_markup_in(g, &grade, l).into_string())
}

/// What a visit did that no earlier visit of the same Site did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Novelty {
    pub new_trackers: Vec<String>,
    pub new_countries: Vec<String>,
}

impl Novelty {
    pub fn is_empty(&self) -> bool {
        self.new_trackers.is_empty() && self.new_countries.is_empty()
    }
}

/// The summary of a report, for history.
pub fn summarize(r: &Report) -> VisitSummary {
    let trackers: BTreeSet<String> = r.endpoints.iter().filter(|e| e.tracker_requests > 0).map(|e| e.domain.clone()).collect();
    let companies: BTreeSet<String> = r.entities.iter().map(|e| e.parent.as_ref().unwrap_or(&e.entity).name.clone()).collect();
    let countries: BTreeSet<String> = r.countries.iter().filter_map(|c| c.country.clone()).collect();
    VisitSummary {
        site: r.site.clone(),
        first_seen_ms: r.totals.first_seen_ms,
        last_seen_ms: r.totals.last_seen_ms,
        requests: r.totals.requests,
        tracker_requests: r.totals.tracker_requests,
        bytes_sent: r.totals.bytes_sent,
        grade: r.grade.letter.clone(),
        trackers: trackers.into_iter().collect(),
        companies: companies.into_iter().collect(),
        countries: countries.into_iter().collect(),
        glance: Some(r.glance.clone()),
        main_reason: super::glance::main_reason(&r.grade).cloned(),
    }
}

/// Tracker domains and countries in `current` that none of `previous` (same
/// Site, earlier visits) had. With no earlier visit there is nothing to compare,
/// so nothing is new.
pub fn novelty(previous: &[VisitSummary], current: &VisitSummary) -> Novelty {
    let earlier: Vec<&VisitSummary> = previous.iter().filter(|p| p.site == current.site && p.first_seen_ms < current.first_seen_ms).collect();
    if earlier.is_empty() {
        return Novelty::default();
    }
    let seen_trackers: BTreeSet<&str> = earlier.iter().flat_map(|p| p.trackers.iter().map(String::as_str)).collect();
    let seen_countries: BTreeSet<&str> = earlier.iter().flat_map(|p| p.countries.iter().map(String::as_str)).collect();
    Novelty {
        new_trackers: current.trackers.iter().filter(|t| !seen_trackers.contains(t.as_str())).cloned().collect(),
        new_countries: current.countries.iter().filter(|c| !seen_countries.contains(c.as_str())).cloned().collect(),
    }
}

/// One sentence for the banner about what is new, in English.
pub fn novelty_text(site: &str, n: &Novelty) -> String {
    novelty_text_in(site, n, crate::l10n::english())
}

/// One sentence for the banner about what is new, in a language.
pub fn novelty_text_in(site: &str, n: &Novelty, l: &crate::l10n::L10n) -> String {
    let trackers = n.new_trackers.join(", ");
    let countries = n.new_countries.join(", ");
    let id = match (trackers.is_empty(), countries.is_empty()) {
        (false, false) => "novelty-both",
        (false, true) => "novelty-trackers",
        _ => "novelty-countries",
    };
    l.ta(id, &[("site", site.into()), ("trackers", trackers.into()), ("countries", countries.into())])
}

#[cfg(test)]
#[path = "../../tests/unit/render_history.rs"]
mod tests;
