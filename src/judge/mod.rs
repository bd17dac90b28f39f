//! Judge: the jurisdiction policy, and the Findings each endpoint earns under it.

mod finding;
mod policy;

pub use finding::{
    company_finding, company_finding_in, countries_in, findings_for, findings_in, sentence, sentence_in, short_rule, CompanyFacts, EndpointFacts, Finding,
    FindingKind, KindFacts, RuleFacts, Severity, SHOWN_RULE_CHARS,
};
pub use policy::{country_code, Jurisdiction, Policy, PolicyError, Preset, ADEQUATE, EEA, US_OF_CONCERN};

use crate::classify::entity;
use crate::locate::{Basis, Location};

/// Where one request's server is, as the policy sees it: a local address is
/// local, an address without a known country is unknown.
pub fn server_jurisdiction(location: &Location, policy: &Policy) -> Jurisdiction {
    if location.basis == Basis::Local {
        Jurisdiction::Local
    } else {
        policy.judge(location.country.as_deref())
    }
}

/// Judges the entity and its ultimate parent on their countries: the worst
/// of those known (a country not known is "unknown", which any known one
/// outranks; with none known the entity's jurisdiction is unknown).
pub fn entity_jurisdiction(index: usize, policy: &Policy) -> Jurisdiction {
    let e = entity::entity(index);
    let r = entity::entity(entity::root(index));
    [e.domicile, e.headquarters, r.domicile, r.headquarters].iter().map(|c| policy.judge(*c)).fold(Jurisdiction::Local, Jurisdiction::max)
}
