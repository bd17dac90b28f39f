//! The Grade: a letter for a SiteReport, always with the reasons that made it.
//! The rules are few and fixed so people can check them by hand; each rule
//! takes points off 100 once, with a cap, and says so.

use serde::{Deserialize, Serialize};

/// The facts the grade is computed from (derived by the report view).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GradeInput {
    /// What the counts below count (requests, or connections from a packet capture).
    pub unit: super::Unit,
    /// Named companies (ultimate parents) behind at least one tracker endpoint.
    pub tracker_companies: usize,
    /// Domains behind tracker endpoints that no company data names.
    pub unidentified_tracker_domains: usize,
    pub session_replay: bool,
    pub fingerprinting: bool,
    /// Requests whose server is in a country of concern.
    pub server_of_concern_requests: u64,
    /// Requests to endpoints whose controlling company (or its parent) is of concern.
    pub entity_of_concern_requests: u64,
    /// Cookies set by third-party responses.
    pub third_party_cookies: u64,
    /// (endpoint, field) pairs that carried identifiers, outside the site or to trackers.
    pub identifiers_sent: u64,
    /// (endpoint, field) pairs that carried e-mail addresses, phone numbers or their hashes.
    pub contact_details_sent: u64,
}

/// One deduction and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct GradeReason {
    /// Points taken off 100.
    pub points: u32,
    /// In English, as quoted.
    pub reason: String,
    /// The same reason as data: what it is and its numbers, from which each
    /// language's sentence is made. Absent in reports made before it existed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub why: Option<Why>,
}

/// What a grade reason is about, with its numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Why {
    /// Tracker companies and unidentified tracker domains received tracker requests.
    Trackers {
        companies: u64,
        domains: u64,
    },
    SessionReplay,
    Fingerprinting,
    /// Requests (or connections) to servers registered in a country of concern.
    ServerOfConcern {
        count: u64,
    },
    /// Requests (or connections) to endpoints of a company based in a country of concern.
    EntityOfConcern {
        count: u64,
    },
    ThirdPartyCookies {
        cookies: u64,
    },
    /// (endpoint, field) pairs with identifier-like values.
    IdentifiersSent {
        fields: u64,
    },
    /// (endpoint, field) pairs with contact details or their hashes.
    ContactDetailsSent {
        fields: u64,
    },
    /// Nothing was taken off.
    Clean,
}

impl GradeReason {
    /// A reason from its facts; its English sentence (the JSON's) from the same catalogue as every language's.
    fn new(points: u32, why: Why, unit: super::Unit) -> Self {
        let mut r = GradeReason { points, reason: String::new(), why: Some(why) };
        r.reason = r.text(crate::l10n::english(), unit);
        r
    }

    /// The reason in a language (English from `reason` when the report predates `why`).
    pub fn text(&self, l: &crate::l10n::L10n, unit: super::Unit) -> String {
        use crate::l10n::Arg;
        let Some(why) = self.why else { return self.reason.clone() };
        let num = |k: &'static str, n: u64| (k, Arg::Num(n));
        match why {
            Why::Trackers { companies, domains } => l.ta(
                "reason-trackers",
                &[
                    num("companies", companies),
                    num("domains", domains),
                    ("unit", unit.into()),
                    num("per", PER_TRACKER_COMPANY.into()),
                    num("max", MAX_TRACKERS.into()),
                ],
            ),
            Why::SessionReplay => l.t("reason-session-replay"),
            Why::Fingerprinting => l.t("reason-fingerprinting"),
            Why::ServerOfConcern { count } => l.ta("reason-server-of-concern", &[num("n", count), ("unit", unit.into())]),
            Why::EntityOfConcern { count } => l.ta("reason-entity-of-concern", &[num("n", count), ("unit", unit.into())]),
            Why::ThirdPartyCookies { cookies } => l.ta("reason-third-party-cookies", &[num("n", cookies)]),
            Why::IdentifiersSent { fields } => l.ta("reason-identifiers-sent", &[num("n", fields)]),
            Why::ContactDetailsSent { fields } => l.ta("reason-contact-details-sent", &[num("n", fields)]),
            Why::Clean => l.t("reason-clean"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Grade {
    /// A, B, C, D or F.
    pub letter: String,
    /// 0–100.
    pub score: u32,
    pub reasons: Vec<GradeReason>,
}

/// Points per tracker company, and the most trackers can cost.
pub const PER_TRACKER_COMPANY: u32 = 6;
pub const MAX_TRACKERS: u32 = 36;
pub const SESSION_REPLAY: u32 = 10;
pub const FINGERPRINTING: u32 = 10;
pub const SERVER_OF_CONCERN: u32 = 30;
pub const ENTITY_OF_CONCERN: u32 = 15;
pub const THIRD_PARTY_COOKIES: u32 = 5;
pub const IDENTIFIERS_SENT: u32 = 10;
pub const CONTACT_DETAILS_SENT: u32 = 20;

pub fn grade(input: &GradeInput) -> Grade {
    let mut reasons = Vec::new();
    let mut take = |points: u32, why: Why| reasons.push(GradeReason::new(points, why, input.unit));
    let (named, unnamed) = (input.tracker_companies as u32, input.unidentified_tracker_domains as u32);
    if named + unnamed > 0 {
        take(((named + unnamed) * PER_TRACKER_COMPANY).min(MAX_TRACKERS), Why::Trackers { companies: named.into(), domains: unnamed.into() });
    }
    if input.session_replay {
        take(SESSION_REPLAY, Why::SessionReplay);
    }
    if input.fingerprinting {
        take(FINGERPRINTING, Why::Fingerprinting);
    }
    if input.server_of_concern_requests > 0 {
        take(SERVER_OF_CONCERN, Why::ServerOfConcern { count: input.server_of_concern_requests });
    }
    if input.entity_of_concern_requests > 0 {
        take(ENTITY_OF_CONCERN, Why::EntityOfConcern { count: input.entity_of_concern_requests });
    }
    if input.third_party_cookies > 0 {
        take(THIRD_PARTY_COOKIES, Why::ThirdPartyCookies { cookies: input.third_party_cookies });
    }
    if input.identifiers_sent > 0 {
        take(IDENTIFIERS_SENT, Why::IdentifiersSent { fields: input.identifiers_sent });
    }
    if input.contact_details_sent > 0 {
        take(CONTACT_DETAILS_SENT, Why::ContactDetailsSent { fields: input.contact_details_sent });
    }
    let lost: u32 = reasons.iter().map(|r| r.points).sum();
    let score = 100u32.saturating_sub(lost);
    let letter = match score {
        90.. => "A",
        75..=89 => "B",
        60..=74 => "C",
        40..=59 => "D",
        _ => "F",
    };
    if reasons.is_empty() {
        reasons.push(GradeReason::new(0, Why::Clean, input.unit));
    }
    Grade { letter: letter.into(), score, reasons }
}

#[cfg(test)]
#[path = "../../tests/unit/aggregate_grade.rs"]
mod tests;
