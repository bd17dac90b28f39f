//! Findings: the facts worth telling a person about an endpoint, each with a
//! plain-language message and the evidence behind it.

use serde::{Deserialize, Serialize};

use super::{Jurisdiction, Policy};
use crate::observe::SentKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum FindingKind {
    /// The server's IP is registered in a country of concern.
    ServerOfConcern,
    /// The company controlling the endpoint (or its parent) is based in a country of concern.
    EntityOfConcern,
    /// A tracker request (list or entity map).
    Tracker,
    /// The platform's own telemetry or logging endpoint.
    PlatformTelemetry,
    /// Third-party cookies were set.
    ThirdPartyCookies,
    /// Identifier-like values were sent (names only are reported).
    IdentifiersSent,
    /// E-mail addresses, phone numbers or their hashes were sent.
    ContactDetailsSent,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Alert,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Finding {
    pub kind: FindingKind,
    pub severity: Severity,
    /// What the finding is about: a Host, or a company's name for company findings.
    pub subject: String,
    /// One sentence for a person.
    pub message: String,
    /// What it rests on: rule text, countries, sources.
    pub evidence: Vec<String>,
}

/// What the judge needs to know about one endpoint.
pub struct EndpointFacts<'a> {
    pub host: &'a str,
    pub requests: u64,
    pub third_party: bool,
    pub server: Jurisdiction,
    /// Countries the endpoint's IPs are registered in.
    pub server_countries: &'a [String],
    /// Name of the controlling company.
    pub entity: Option<&'a str>,
    /// (category, list id, rule) when it is a tracker.
    pub tracker: Option<(&'a str, Option<&'a str>, Option<&'a str>)>,
    pub cookies_set: u64,
    /// (field name, kind) of what it received.
    pub sent: &'a [(&'a str, SentKind)],
}

fn plural(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The findings for one endpoint under a policy.
pub fn findings_for(f: &EndpointFacts, policy: &Policy) -> Vec<Finding> {
    let mut out = Vec::new();
    let reqs = plural(f.requests, "request", "requests");
    if f.server == Jurisdiction::OfConcern {
        out.push(Finding {
            kind: FindingKind::ServerOfConcern,
            severity: Severity::Alert,
            subject: f.host.into(),
            message: format!(
                "{reqs} went to {}, whose server is registered in {} — of concern under {}.",
                f.host,
                f.server_countries.join(", "),
                policy.describe()
            ),
            evidence: f.server_countries.iter().map(|c| format!("server registered in {c}")).collect(),
        });
    }
    if let Some((category, list, rule)) = f.tracker {
        let owner = f.entity.unwrap_or("an unknown company");
        let evidence = match (list, rule) {
            (Some(l), Some(r)) => vec![format!("rule `{r}` in {l}")],
            _ => vec!["the entity map classes this domain as tracking".to_string()],
        };
        let (kind, message) = if list == Some("platform-telemetry") {
            (FindingKind::PlatformTelemetry, format!("{reqs} to {}: {owner}'s own telemetry and logging.", f.host))
        } else {
            (FindingKind::Tracker, format!("{reqs} to {}: {category} by {owner}.", f.host))
        };
        out.push(Finding { kind, severity: Severity::Warning, subject: f.host.into(), message, evidence });
    }
    let names = |pick: &dyn Fn(SentKind) -> bool| -> Vec<&str> { f.sent.iter().filter(|s| pick(s.1)).map(|s| s.0).collect() };
    let ids = names(&|k| k == SentKind::Identifier);
    if !ids.is_empty() {
        out.push(Finding {
            kind: FindingKind::IdentifiersSent,
            severity: Severity::Warning,
            subject: f.host.into(),
            message: format!("{} received identifier-like values: {}.", f.host, ids.join(", ")),
            evidence: ids.iter().map(|n| format!("field `{n}`")).collect(),
        });
    }
    let contact = names(&|k| k != SentKind::Identifier);
    if !contact.is_empty() {
        out.push(Finding {
            kind: FindingKind::ContactDetailsSent,
            severity: Severity::Alert,
            subject: f.host.into(),
            message: format!("{} received e-mail addresses, phone numbers or their hashes in: {}.", f.host, contact.join(", ")),
            evidence: f.sent.iter().filter(|s| s.1 != SentKind::Identifier).map(|s| format!("field `{}`: {:?}", s.0, s.1)).collect(),
        });
    }
    if f.third_party && f.cookies_set > 0 {
        out.push(Finding {
            kind: FindingKind::ThirdPartyCookies,
            severity: Severity::Info,
            subject: f.host.into(),
            message: format!("{} set {}.", f.host, plural(f.cookies_set, "third-party cookie", "third-party cookies")),
            evidence: vec![format!("{} Set-Cookie headers", f.cookies_set)],
        });
    }
    out
}

/// One company (with its ultimate parent) as the judge sees it.
pub struct CompanyFacts<'a> {
    pub name: &'a str,
    pub domicile: &'a str,
    pub headquarters: &'a str,
    /// (name, domicile, headquarters) of the ultimate parent, when different.
    pub parent: Option<(&'a str, &'a str, &'a str)>,
    pub jurisdiction: Jurisdiction,
    /// True when the company's own countries (not only its parent's) are of concern.
    pub itself_of_concern: bool,
    pub endpoints: u64,
    pub requests: u64,
}

/// The finding for a company based in a country of concern, if it is one.
pub fn company_finding(c: &CompanyFacts) -> Option<Finding> {
    if c.jurisdiction != Jurisdiction::OfConcern {
        return None;
    }
    let mut evidence = vec![format!("{}: domiciled {}, headquartered {}", c.name, c.domicile, c.headquarters)];
    let mut who = format!("{} (domiciled {}, headquartered {})", c.name, c.domicile, c.headquarters);
    if let Some((pname, pdom, phq)) = c.parent {
        evidence.push(format!("parent {pname}: domiciled {pdom}, headquartered {phq}"));
        who = format!("{who}, part of {pname} (domiciled {pdom}, headquartered {phq})");
    }
    Some(Finding {
        kind: FindingKind::EntityOfConcern,
        severity: Severity::Warning,
        subject: c.name.into(),
        message: format!(
            "{who} controls {} that received {}: {} based in a country of concern, wherever the servers are.",
            plural(c.endpoints, "endpoint", "endpoints"),
            plural(c.requests, "request", "requests"),
            if c.itself_of_concern { "a company" } else { "its parent company is" }
        ),
        evidence,
    })
}
