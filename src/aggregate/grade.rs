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
    pub reason: String,
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
        reasons.push(GradeReason {
            points,
            reason: format!("{} received tracker {} ({PER_TRACKER_COMPANY} points each, at most {MAX_TRACKERS})", who.join(" and "), input.unit.many()),
        });
    }
    if input.session_replay {
        reasons.push(GradeReason { points: SESSION_REPLAY, reason: "a session-replay service can record what you do on the page".into() });
    }
    if input.fingerprinting {
        reasons.push(GradeReason { points: FINGERPRINTING, reason: "a fingerprinting service can recognise your browser without cookies".into() });
    }
    if input.server_of_concern_requests > 0 {
        reasons.push(GradeReason {
            points: SERVER_OF_CONCERN,
            reason: format!("{} to servers registered in a country of concern", requests(input.server_of_concern_requests, input.unit)),
        });
    }
    if input.entity_of_concern_requests > 0 {
        reasons.push(GradeReason {
            points: ENTITY_OF_CONCERN,
            reason: format!("{} to endpoints controlled by a company based in a country of concern", requests(input.entity_of_concern_requests, input.unit)),
        });
    }
    if input.third_party_cookies > 0 {
        reasons.push(GradeReason {
            points: THIRD_PARTY_COOKIES,
            reason: if input.third_party_cookies == 1 {
                "1 third-party cookie was set".to_string()
            } else {
                format!("{} third-party cookies were set", input.third_party_cookies)
            },
        });
    }
    if input.identifiers_sent > 0 {
        reasons.push(GradeReason {
            points: IDENTIFIERS_SENT,
            reason: format!("identifier-like values were sent outside the site or to trackers ({})", fields(input.identifiers_sent)),
        });
    }
    if input.contact_details_sent > 0 {
        reasons.push(GradeReason {
            points: CONTACT_DETAILS_SENT,
            reason: format!("e-mail addresses, phone numbers or their hashes were sent ({})", fields(input.contact_details_sent)),
        });
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
        reasons.push(GradeReason { points: 0, reason: "no trackers, no third-party cookies, nothing sent to a country or company of concern".into() });
    }
    Grade { letter: letter.into(), score, reasons }
}

#[cfg(test)]
#[path = "../../tests/unit/aggregate_grade.rs"]
mod tests;
