//! The findings of a report, from its endpoint and company views under a policy.

use std::collections::BTreeSet;

use super::view::{EndpointView, EntityRollup, ServerView};
use crate::aggregate::Unit;
use crate::classify::Party;
use crate::judge::{company_finding_in, findings_in, CompanyFacts, EndpointFacts, Finding, Jurisdiction, KindFacts, Policy, RuleFacts};
use crate::l10n::L10n;

/// A report's findings with their messages in a language, made again from
/// its views exactly as when it was built (English gives the JSON's own).
/// `None` when the report's policy cannot be read back.
pub fn findings_in_language(r: &super::view::Report, l: &L10n) -> Option<Vec<Finding>> {
    let policy = Policy::of_view(&r.policy.home, &r.policy.preset, &r.policy.description)?;
    let mut findings: Vec<Finding> = r.entities.iter().filter_map(|e| company(e, &policy, r.unit, l)).collect();
    findings.extend(r.endpoints.iter().flat_map(|e| endpoint_findings(e, &policy, r.unit, l)));
    Some(findings)
}

pub(super) fn endpoint_findings(e: &EndpointView, policy: &Policy, unit: Unit, l: &L10n) -> Vec<Finding> {
    let concern: Vec<&ServerView> = e.servers.iter().filter(|s| s.jurisdiction == Jurisdiction::OfConcern).collect();
    let concern_countries: Vec<String> = concern.iter().filter_map(|s| s.location.country.clone()).collect::<BTreeSet<_>>().into_iter().collect();
    let kinds: Vec<KindFacts> = e
        .trackers
        .iter()
        .map(|t| KindFacts {
            category: t.category.label(),
            list: Some(t.list.as_str()).filter(|l| *l != "entity-map"),
            requests: t.requests,
            rules: e
                .rules
                .iter()
                .filter(|r| r.category == t.category && r.list == t.list)
                .filter_map(|r| r.rule.as_deref().map(|rule| RuleFacts { rule, list: r.list.as_str(), line: r.line, requests: r.requests }))
                .collect(),
        })
        .collect();
    findings_in(
        &EndpointFacts {
            unit,
            host: &e.host,
            third_party: e.party == Party::ThirdParty,
            of_concern_requests: concern.iter().map(|s| s.requests).fold(0u64, u64::saturating_add),
            of_concern_countries: &concern_countries,
            entity: e.entity.as_ref().map(|v| v.name.as_str()),
            trackers: &kinds,
            cookies_set: e.cookies_set,
            sent: &e.sent.iter().map(|s| (s.name.as_str(), s.kind, s.reason)).collect::<Vec<_>>(),
        },
        policy,
        l,
    )
}

pub(super) fn company(r: &EntityRollup, policy: &Policy, unit: Unit, l: &L10n) -> Option<Finding> {
    let own = [&r.entity.domicile, &r.entity.headquarters].iter().any(|c| policy.judge(c.as_deref()) == Jurisdiction::OfConcern);
    company_finding_in(
        &CompanyFacts {
            unit,
            name: &r.entity.name,
            domicile: r.entity.domicile.as_deref(),
            headquarters: r.entity.headquarters.as_deref(),
            parent: r.parent.as_ref().map(|p| (p.name.as_str(), p.domicile.as_deref(), p.headquarters.as_deref())),
            jurisdiction: r.jurisdiction,
            itself_of_concern: own,
            endpoints: r.endpoints,
            requests: r.requests,
        },
        l,
    )
}
