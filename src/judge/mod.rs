//! Judge: the jurisdiction policy, and the Findings each endpoint earns under it.

mod finding;
mod policy;

pub use finding::{company_finding, findings_for, CompanyFacts, EndpointFacts, Finding, FindingKind, Severity};
pub use policy::{country_code, Jurisdiction, Policy, PolicyError, Preset, ADEQUATE, EEA, US_OF_CONCERN};
