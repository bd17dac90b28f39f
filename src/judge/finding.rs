//! Findings: the facts worth telling a person about an endpoint, each with a
//! plain-language message and the evidence behind it.

use crate::classify::entity::countries_phrase;
use serde::{Deserialize, Serialize};

use super::{Jurisdiction, Policy};
use crate::l10n::{Arg, L10n};
use crate::observe::{SentKind, SentReason};

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

/// One rule behind some of an endpoint's tracker requests.
pub struct RuleFacts<'a> {
    pub rule: &'a str,
    pub list: &'a str,
    pub line: u32,
    pub requests: u64,
}

/// The tracker requests of one kind to an endpoint.
pub struct KindFacts<'a> {
    /// Category label.
    pub category: &'a str,
    /// List id, or `None` when the entity map classes the Domain as tracking.
    pub list: Option<&'a str>,
    pub requests: u64,
    pub rules: Vec<RuleFacts<'a>>,
}

/// What the judge needs to know about one endpoint.
pub struct EndpointFacts<'a> {
    /// What the counts count (requests, or connections from a packet capture).
    pub unit: crate::aggregate::Unit,
    pub host: &'a str,
    pub third_party: bool,
    /// Requests whose own server IP is in a country of concern, and those countries.
    pub of_concern_requests: u64,
    pub of_concern_countries: &'a [String],
    /// Name of the controlling company.
    pub entity: Option<&'a str>,
    /// Tracker requests per kind.
    pub trackers: &'a [KindFacts<'a>],
    pub cookies_set: u64,
    /// (field name, kind, why) of what it received.
    pub sent: &'a [(&'a str, SentKind, SentReason)],
}

/// Ends a sentence with a full stop, unless it already ends with one (a name
/// such as "Meta Platforms, Inc." ends the sentence's last word).
pub fn sentence(mut text: String) -> String {
    if !text.ends_with(['.', '!', '?']) {
        text.push('.');
    }
    text
}

/// Longest rule shown in a sentence or a table cell; the full rule stays in
/// the JSON (`endpoints[].rules`) and in the HTML's disclosure.
pub const SHOWN_RULE_CHARS: usize = 120;

/// A rule as shown in running text: whole when short, else its start, an
/// ellipsis and its length.
pub fn short_rule(rule: &str) -> String {
    let n = rule.chars().count();
    if n <= SHOWN_RULE_CHARS {
        rule.to_string()
    } else {
        format!("{}… ({n} characters)", rule.chars().take(SHOWN_RULE_CHARS - 20).collect::<String>())
    }
}

/// A sentence in a language: its full stop added unless it already ends
/// with one (a name such as "Meta Platforms, Inc." may end it).
pub fn sentence_in(text: String, l: &L10n) -> String {
    if text.ends_with(['.', '!', '?', '。', '！', '？']) {
        text
    } else {
        l.ta("sentence", &[("text", text.into())])
    }
}

/// A company's countries in words, in a language: "domiciled KY, headquartered CN".
pub fn countries_in(domicile: Option<&str>, headquarters: Option<&str>, l: &L10n) -> String {
    if domicile.is_none() && headquarters.is_none() {
        return l.t("countries-none");
    }
    let d = domicile.map_or_else(|| l.t("domicile-unknown"), |c| l.ta("domicile-known", &[("country", c.into())]));
    let h = headquarters.map_or_else(|| l.t("headquarters-unknown"), |c| l.ta("headquarters-known", &[("country", c.into())]));
    l.ta("countries-both", &[("domicile", d.into()), ("headquarters", h.into())])
}

/// The findings for one endpoint under a policy, in English (as the JSON quotes them).
pub fn findings_for(f: &EndpointFacts, policy: &Policy) -> Vec<Finding> {
    findings_in(f, policy, crate::l10n::english())
}

/// The findings for one endpoint under a policy, their messages in a language
/// (the evidence, quotes of rules and fields, as it is).
pub fn findings_in(f: &EndpointFacts, policy: &Policy, l: &L10n) -> Vec<Finding> {
    let unit = || ("unit", Arg::from(f.unit));
    let mut out = Vec::new();
    if f.of_concern_requests > 0 {
        out.push(Finding {
            kind: FindingKind::ServerOfConcern,
            severity: Severity::Alert,
            subject: f.host.into(),
            message: sentence_in(
                l.ta(
                    "finding-server-of-concern",
                    &[
                        ("n", f.of_concern_requests.into()),
                        unit(),
                        ("host", f.host.into()),
                        ("countries", f.of_concern_countries.join(", ").into()),
                        ("policy", policy.describe_in(l).into()),
                    ],
                ),
                l,
            ),
            evidence: f.of_concern_countries.iter().map(|c| format!("server registered in {c}")).collect(),
        });
    }
    for k in f.trackers {
        let owner = f.entity.map_or_else(|| l.t("finding-owner-unknown"), str::to_string);
        let evidence = match k.list {
            Some(_) => k.rules.iter().map(|r| format!("rule `{}` in {} line {} ({})", short_rule(r.rule), r.list, r.line, f.unit.count(r.requests))).collect(),
            None => vec!["the entity map classes this domain as tracking".to_string()],
        };
        let args = [
            ("n", Arg::Num(k.requests)),
            unit(),
            ("host", f.host.into()),
            ("owner", owner.into()),
            ("category", l.t(&format!("category-{}", k.category)).into()),
        ];
        let (kind, message) = if k.list == Some("platform-telemetry") {
            (FindingKind::PlatformTelemetry, l.ta("finding-telemetry", &args))
        } else {
            (FindingKind::Tracker, l.ta("finding-tracker", &args))
        };
        out.push(Finding { kind, severity: Severity::Warning, subject: f.host.into(), message: sentence_in(message, l), evidence });
    }
    let ids: Vec<&(&str, SentKind, SentReason)> = f.sent.iter().filter(|s| s.1 == SentKind::Identifier).collect();
    if !ids.is_empty() {
        out.push(Finding {
            kind: FindingKind::IdentifiersSent,
            severity: Severity::Warning,
            subject: f.host.into(),
            message: sentence_in(
                l.ta("finding-identifiers", &[("host", f.host.into()), ("fields", ids.iter().map(|s| s.0).collect::<Vec<_>>().join(", ").into())]),
                l,
            ),
            evidence: ids.iter().map(|s| format!("field `{}`: {}", s.0, s.2.describe())).collect(),
        });
    }
    let contact: Vec<&(&str, SentKind, SentReason)> = f.sent.iter().filter(|s| s.1 != SentKind::Identifier).collect();
    if !contact.is_empty() {
        out.push(Finding {
            kind: FindingKind::ContactDetailsSent,
            severity: Severity::Alert,
            subject: f.host.into(),
            message: sentence_in(
                l.ta("finding-contact", &[("host", f.host.into()), ("fields", contact.iter().map(|s| s.0).collect::<Vec<_>>().join(", ").into())]),
                l,
            ),
            evidence: contact.iter().map(|s| format!("field `{}`: {}", s.0, s.2.describe())).collect(),
        });
    }
    if f.third_party && f.cookies_set > 0 {
        out.push(Finding {
            kind: FindingKind::ThirdPartyCookies,
            severity: Severity::Info,
            subject: f.host.into(),
            message: sentence_in(l.ta("finding-cookies", &[("host", f.host.into()), ("n", f.cookies_set.into())]), l),
            evidence: vec![format!("{} Set-Cookie headers", f.cookies_set)],
        });
    }
    out
}

/// One company (with its ultimate parent) as the judge sees it.
pub struct CompanyFacts<'a> {
    pub unit: crate::aggregate::Unit,
    pub name: &'a str,
    pub domicile: Option<&'a str>,
    pub headquarters: Option<&'a str>,
    /// (name, domicile, headquarters) of the ultimate parent, when different.
    pub parent: Option<(&'a str, Option<&'a str>, Option<&'a str>)>,
    pub jurisdiction: Jurisdiction,
    /// True when the company's own countries (not only its parent's) are of concern.
    pub itself_of_concern: bool,
    pub endpoints: u64,
    pub requests: u64,
}

/// The finding for a company based in a country of concern, if it is one (in English).
pub fn company_finding(c: &CompanyFacts) -> Option<Finding> {
    company_finding_in(c, crate::l10n::english())
}

/// The finding for a company based in a country of concern, its message in a language.
pub fn company_finding_in(c: &CompanyFacts, l: &L10n) -> Option<Finding> {
    if c.jurisdiction != Jurisdiction::OfConcern {
        return None;
    }
    let countries = countries_phrase(c.domicile, c.headquarters);
    let mut evidence = vec![format!("{}: {countries}", c.name)];
    let mut who = l.ta("finding-who", &[("name", c.name.into()), ("countries", countries_in(c.domicile, c.headquarters, l).into())]);
    if let Some((pname, pdom, phq)) = c.parent {
        evidence.push(format!("parent {pname}: {}", countries_phrase(pdom, phq)));
        who = l.ta("finding-who-parent", &[("who", who.into()), ("parent", pname.into()), ("countries", countries_in(pdom, phq, l).into())]);
    }
    Some(Finding {
        kind: FindingKind::EntityOfConcern,
        severity: Severity::Warning,
        subject: c.name.into(),
        message: l.ta(
            "finding-company",
            &[
                ("who", who.into()),
                ("endpoints", c.endpoints.into()),
                ("n", c.requests.into()),
                ("unit", c.unit.into()),
                ("itself", if c.itself_of_concern { "yes" } else { "no" }.into()),
            ],
        ),
        evidence,
    })
}
