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
    fn new(points: u32, reason: String, why: Why) -> Self {
        GradeReason { points, reason, why: Some(why) }
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

fn requests(n: u64, unit: super::Unit) -> String {
    format!("{} went", unit.count(n))
}

fn fields(n: u64) -> String {
    if n == 1 {
        "1 field".into()
    } else {
        format!("{n} fields")
    }
}

pub fn grade(input: &GradeInput) -> Grade {
    let mut reasons = Vec::new();
    let (named, unnamed) = (input.tracker_companies as u32, input.unidentified_tracker_domains as u32);
    if named + unnamed > 0 {
        let points = ((named + unnamed) * PER_TRACKER_COMPANY).min(MAX_TRACKERS);
        let mut who = Vec::new();
        if named > 0 {
            who.push(format!("{named} tracker {}", if named == 1 { "company" } else { "companies" }));
        }
        if unnamed > 0 {
            who.push(format!("{unnamed} unidentified tracker {}", if unnamed == 1 { "domain" } else { "domains" }));
        }
        reasons.push(GradeReason::new(
            points,
            format!("{} received tracker {} ({PER_TRACKER_COMPANY} points each, at most {MAX_TRACKERS})", who.join(" and "), input.unit.many()),
            Why::Trackers { companies: named.into(), domains: unnamed.into() },
        ));
    }
    if input.session_replay {
        reasons.push(GradeReason::new(SESSION_REPLAY, "a session-replay service can record what you do on the page".into(), Why::SessionReplay));
    }
    if input.fingerprinting {
        reasons.push(GradeReason::new(FINGERPRINTING, "a fingerprinting service can recognise your browser without cookies".into(), Why::Fingerprinting));
    }
    if input.server_of_concern_requests > 0 {
        reasons.push(GradeReason::new(
            SERVER_OF_CONCERN,
            format!("{} to servers registered in a country of concern", requests(input.server_of_concern_requests, input.unit)),
            Why::ServerOfConcern { count: input.server_of_concern_requests },
        ));
    }
    if input.entity_of_concern_requests > 0 {
        reasons.push(GradeReason::new(
            ENTITY_OF_CONCERN,
            format!("{} to endpoints controlled by a company based in a country of concern", requests(input.entity_of_concern_requests, input.unit)),
            Why::EntityOfConcern { count: input.entity_of_concern_requests },
        ));
    }
    if input.third_party_cookies > 0 {
        reasons.push(GradeReason::new(
            THIRD_PARTY_COOKIES,
            if input.third_party_cookies == 1 {
                "1 third-party cookie was set".to_string()
            } else {
                format!("{} third-party cookies were set", input.third_party_cookies)
            },
            Why::ThirdPartyCookies { cookies: input.third_party_cookies },
        ));
    }
    if input.identifiers_sent > 0 {
        reasons.push(GradeReason::new(
            IDENTIFIERS_SENT,
            format!("identifier-like values were sent outside the site or to trackers ({})", fields(input.identifiers_sent)),
            Why::IdentifiersSent { fields: input.identifiers_sent },
        ));
    }
    if input.contact_details_sent > 0 {
        reasons.push(GradeReason::new(
            CONTACT_DETAILS_SENT,
            format!("e-mail addresses, phone numbers or their hashes were sent ({})", fields(input.contact_details_sent)),
            Why::ContactDetailsSent { fields: input.contact_details_sent },
        ));
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
        reasons.push(GradeReason::new(0, "no trackers, no third-party cookies, nothing sent to a country or company of concern".into(), Why::Clean));
    }
    Grade { letter: letter.into(), score, reasons }
}

#[cfg(test)]
#[path = "../../tests/unit/aggregate_grade.rs"]
mod tests;
