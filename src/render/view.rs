//! The report contract: what every surface (JSON, CSV, HTML, popup, www/)
//! renders. Built from a stored `SiteReport` under a policy; its JSON Schema is
//! generated from these types and committed as `schema/report.schema.json`.

use std::collections::{BTreeMap, BTreeSet};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::aggregate::{grade, EndpointStats, Grade, GradeInput, SiteReport};
use crate::classify::{entity, Category, Party};
use crate::data::DATA_SOURCES;
use crate::judge::{company_finding, findings_for, CompanyFacts, EndpointFacts, Finding, Jurisdiction, Policy};
use crate::locate::{Location, Locator};
use crate::observe::SentKind;

/// Bumped on any incompatible change of the JSON shape.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Report {
    pub schema_version: u32,
    /// "borderline X.Y.Z".
    pub generator: String,
    /// The Site: registrable domain of the top-level page.
    pub site: String,
    pub policy: PolicyView,
    pub data_sources: Vec<DataSourceView>,
    pub totals: Totals,
    pub grade: Grade,
    /// One per Host, most requests first.
    pub endpoints: Vec<EndpointView>,
    /// One per company, most requests first.
    pub entities: Vec<EntityRollup>,
    /// One per server country (null: local or unknown), most requests first.
    pub countries: Vec<CountryRollup>,
    /// One per hosting network (AS), most requests first.
    pub networks: Vec<NetworkRollup>,
    /// The platform's own telemetry and logging endpoints (matched by the platform-telemetry list).
    pub telemetry: TelemetryView,
    pub findings: Vec<Finding>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PolicyView {
    pub home: String,
    /// "us", "eu" or "custom".
    pub preset: String,
    pub description: String,
    pub source: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DataSourceView {
    pub id: String,
    pub name: String,
    pub version: String,
    pub date: String,
    pub licence: String,
    pub attribution: String,
}

/// Counts, with the words defined once: a *tracker request* is a request
/// matched by a tracker list or to a Domain the entity map classes as
/// tracking; a *tracker endpoint* is a Host that received one; a *tracker
/// company* is an Entity behind a tracker endpoint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Totals {
    pub requests: u64,
    /// Requests seen but unusable (e.g. no valid host), not in any count below.
    pub skipped: u64,
    pub endpoints: u64,
    pub tracker_requests: u64,
    pub tracker_endpoints: u64,
    pub tracker_companies: u64,
    pub third_party_requests: u64,
    pub bytes_sent: u64,
    pub bytes_received: u64,
    pub third_party_cookies: u64,
    pub server_of_concern_requests: u64,
    pub entity_of_concern_requests: u64,
    /// Distinct (endpoint, field) pairs that carried an identifier.
    pub identifiers_sent: u64,
    /// Distinct (endpoint, field) pairs that carried an e-mail, phone number or their hash.
    pub contact_details_sent: u64,
    pub first_seen_ms: u64,
    pub last_seen_ms: u64,
    /// Request rows evicted from the per-request log (counts above are complete).
    pub log_dropped: u64,
    /// Endpoints folded away to bound the report: in `endpoints` and the
    /// request and byte counts above, but not listed below.
    pub endpoints_folded: u64,
    /// Requests to those folded endpoints.
    pub requests_folded: u64,
}

/// One field an endpoint received: its name and kind, never its value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SentView {
    pub name: String,
    pub kind: SentKind,
    pub requests: u64,
}

/// The platform's own telemetry: how much went there, and where those servers are.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TelemetryView {
    pub endpoints: Vec<String>,
    pub requests: u64,
    pub bytes_sent: u64,
    /// Server countries of those endpoints (registered).
    pub countries: Vec<String>,
    /// Field names that carried identifiers to them.
    pub identifiers: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct EntityRef {
    pub id: String,
    pub name: String,
    /// Country of incorporation (ISO 3166-1 alpha-2).
    pub domicile: String,
    /// Country of the headquarters.
    pub headquarters: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct EntityView {
    pub id: String,
    pub name: String,
    pub domicile: String,
    pub headquarters: String,
    /// The ultimate parent company, when different.
    pub parent: Option<EntityRef>,
    pub note: Option<String>,
    /// Source URLs: domicile, headquarters, domains.
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TrackerView {
    pub category: Category,
    /// The rule as written, or null when the entity map alone classes the Domain.
    pub rule: Option<String>,
    /// List id ("easyprivacy", "easylist", "platform-telemetry") or "entity-map".
    pub list: String,
    /// 1-based line of the rule in its list (0 for the entity map).
    pub line: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct JurisdictionView {
    /// Where the servers are, judged by the policy (the worst of the endpoint's IPs).
    pub server: Jurisdiction,
    /// Where the controlling company and its parent are based (the worst of their countries).
    pub entity: Jurisdiction,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct EndpointView {
    pub host: String,
    pub domain: String,
    pub party: Party,
    pub entity: Option<EntityView>,
    /// The Domain's category in the entity map.
    pub category: Option<Category>,
    pub tracker: Option<TrackerView>,
    pub ips: Vec<String>,
    pub locations: Vec<Location>,
    pub jurisdiction: JurisdictionView,
    pub requests: u64,
    pub tracker_requests: u64,
    pub requests_without_ip: u64,
    pub bytes_sent: u64,
    pub bytes_received: u64,
    pub cookies_set: u64,
    /// Fields that carried identifiers or contact details (names only).
    pub sent: Vec<SentView>,
    pub first_seen_ms: u64,
    pub last_seen_ms: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct EntityRollup {
    pub entity: EntityRef,
    pub parent: Option<EntityRef>,
    pub endpoints: u64,
    pub requests: u64,
    pub tracker_requests: u64,
    pub bytes_sent: u64,
    pub jurisdiction: Jurisdiction,
    /// Names of identifier and contact fields its endpoints received.
    pub sent: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CountryRollup {
    pub country: Option<String>,
    pub jurisdiction: Jurisdiction,
    pub endpoints: u64,
    pub requests: u64,
    pub bytes_sent: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct NetworkRollup {
    pub asn: Option<u32>,
    pub network: Option<String>,
    /// The company the entity map says operates this AS, if any.
    pub operator: Option<String>,
    pub endpoints: u64,
    pub requests: u64,
    pub bytes_sent: u64,
    pub bytes_received: u64,
}

fn entity_ref(i: usize) -> EntityRef {
    let e = entity::entity(i);
    EntityRef { id: e.id.into(), name: e.name.into(), domicile: e.domicile.into(), headquarters: e.headquarters.into() }
}

fn entity_view(i: usize) -> EntityView {
    let e = entity::entity(i);
    let root = entity::root(i);
    EntityView {
        id: e.id.into(),
        name: e.name.into(),
        domicile: e.domicile.into(),
        headquarters: e.headquarters.into(),
        parent: (root != i).then(|| entity_ref(root)),
        note: (!e.note.is_empty()).then(|| e.note.to_string()),
        sources: [e.domicile_source, e.headquarters_source, e.domains_source].iter().map(|s| s.to_string()).collect(),
    }
}

/// The worse of two jurisdictions (of concern > foreign > home > unknown > local).
fn worst(a: Jurisdiction, b: Jurisdiction) -> Jurisdiction {
    a.max(b)
}

/// Judges the entity and its ultimate parent on both their countries.
pub fn entity_jurisdiction(index: usize, policy: &Policy) -> Jurisdiction {
    let e = entity::entity(index);
    let r = entity::entity(entity::root(index));
    [e.domicile, e.headquarters, r.domicile, r.headquarters].iter().map(|c| policy.judge(Some(c))).fold(Jurisdiction::Local, worst)
}

impl Report {
    /// Derives the full report from what was observed.
    pub fn build(site: &SiteReport, policy: &Policy, locator: &Locator) -> Report {
        let mut endpoints: Vec<EndpointView> = site.endpoints.values().map(|e| endpoint_view(e, policy, locator)).collect();
        endpoints.sort_by(|a, b| b.requests.cmp(&a.requests).then_with(|| a.host.cmp(&b.host)));
        let entities = entity_rollups(&endpoints, policy);
        let mut findings: Vec<Finding> = entities.iter().filter_map(|r| company(r, policy)).collect();
        findings.extend(endpoints.iter().flat_map(|e| endpoint_findings(e, policy)));
        let totals = totals(site, &endpoints);
        let grade = grade(&GradeInput {
            tracker_companies: totals.tracker_companies as usize,
            session_replay: endpoints.iter().any(|e| e.tracker.as_ref().is_some_and(|t| t.category == Category::SessionReplay)),
            fingerprinting: endpoints.iter().any(|e| e.tracker.as_ref().is_some_and(|t| t.category == Category::Fingerprinting)),
            server_of_concern_requests: totals.server_of_concern_requests,
            entity_of_concern_requests: totals.entity_of_concern_requests,
            third_party_cookies: totals.third_party_cookies,
            identifiers_sent: totals.identifiers_sent,
            contact_details_sent: totals.contact_details_sent,
        });
        Report {
            schema_version: SCHEMA_VERSION,
            generator: format!("borderline {}", env!("CARGO_PKG_VERSION")),
            site: site.site.clone(),
            policy: PolicyView {
                home: policy.home.clone(),
                preset: policy.preset_name().into(),
                description: policy.describe(),
                source: policy.source().map(str::to_string),
            },
            data_sources: DATA_SOURCES
                .iter()
                .map(|d| DataSourceView {
                    id: d.id.into(),
                    name: d.name.into(),
                    version: d.version.into(),
                    date: d.date.into(),
                    licence: d.licence.into(),
                    attribution: d.attribution.into(),
                })
                .collect(),
            totals,
            grade,
            entities,
            countries: country_rollups(&endpoints, policy),
            networks: network_rollups(&endpoints),
            telemetry: telemetry(&endpoints),
            endpoints,
            findings,
        }
    }
}

fn endpoint_view(e: &EndpointStats, policy: &Policy, locator: &Locator) -> EndpointView {
    let locations: Vec<Location> = e.ips.iter().map(|ip| locator.locate(*ip)).collect();
    let server = if locations.is_empty() {
        Jurisdiction::Unknown
    } else {
        locations
            .iter()
            .map(|l| if l.country.is_none() && l.basis.label() == "local" { Jurisdiction::Local } else { policy.judge(l.country.as_deref()) })
            .fold(Jurisdiction::Local, worst)
    };
    let index = e.entity.as_deref().and_then(entity::by_id);
    EndpointView {
        host: e.host.clone(),
        domain: e.domain.clone(),
        party: e.party,
        entity: index.map(entity_view),
        category: e.domain_category,
        tracker: e.tracker.as_ref().map(|t| TrackerView {
            category: t.category,
            rule: t.rule.clone(),
            list: t.list.map_or("entity-map", |l| l.id()).to_string(),
            line: t.line,
        }),
        ips: e.ips.iter().map(|ip| ip.to_string()).collect(),
        locations,
        jurisdiction: JurisdictionView { server, entity: index.map_or(Jurisdiction::Unknown, |i| entity_jurisdiction(i, policy)) },
        requests: e.requests,
        tracker_requests: e.tracker_requests,
        requests_without_ip: e.requests_without_ip,
        bytes_sent: e.bytes_sent,
        bytes_received: e.bytes_received,
        cookies_set: e.cookies_set,
        sent: e.sent.iter().map(|(name, s)| SentView { name: name.clone(), kind: s.kind, requests: s.requests }).collect(),
        first_seen_ms: e.first_seen_ms,
        last_seen_ms: e.last_seen_ms,
    }
}

fn telemetry(endpoints: &[EndpointView]) -> TelemetryView {
    let tele: Vec<&EndpointView> = endpoints.iter().filter(|e| e.tracker.as_ref().is_some_and(|t| t.list == "platform-telemetry")).collect();
    TelemetryView {
        endpoints: tele.iter().map(|e| e.host.clone()).collect(),
        requests: tele.iter().map(|e| e.requests).fold(0u64, u64::saturating_add),
        bytes_sent: tele.iter().map(|e| e.bytes_sent).fold(0u64, u64::saturating_add),
        countries: tele.iter().flat_map(|e| e.locations.iter().filter_map(|l| l.country.clone())).collect::<BTreeSet<_>>().into_iter().collect(),
        identifiers: tele
            .iter()
            .flat_map(|e| e.sent.iter().filter(|s| s.kind == SentKind::Identifier).map(|s| s.name.clone()))
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect(),
    }
}

fn endpoint_findings(e: &EndpointView, policy: &Policy) -> Vec<Finding> {
    let countries: Vec<String> = e.locations.iter().filter_map(|l| l.country.clone()).collect::<BTreeSet<_>>().into_iter().collect();
    findings_for(
        &EndpointFacts {
            host: &e.host,
            requests: e.requests,
            third_party: e.party == Party::ThirdParty,
            server: e.jurisdiction.server,
            server_countries: &countries,
            entity: e.entity.as_ref().map(|v| v.name.as_str()),
            tracker: e.tracker.as_ref().map(|t| (t.category.label(), Some(t.list.as_str()).filter(|l| *l != "entity-map"), t.rule.as_deref())),
            cookies_set: e.cookies_set,
            sent: &e.sent.iter().map(|s| (s.name.as_str(), s.kind)).collect::<Vec<_>>(),
        },
        policy,
    )
}

fn company(r: &EntityRollup, policy: &Policy) -> Option<Finding> {
    let own = [&r.entity.domicile, &r.entity.headquarters].iter().any(|c| policy.judge(Some(c)) == Jurisdiction::OfConcern);
    company_finding(&CompanyFacts {
        name: &r.entity.name,
        domicile: &r.entity.domicile,
        headquarters: &r.entity.headquarters,
        parent: r.parent.as_ref().map(|p| (p.name.as_str(), p.domicile.as_str(), p.headquarters.as_str())),
        jurisdiction: r.jurisdiction,
        itself_of_concern: own,
        endpoints: r.endpoints,
        requests: r.requests,
    })
}

/// Sums here saturate: counts come from the network, and a hostile
/// Content-Length must not wrap totals into garbage or panic.
fn totals(site: &SiteReport, endpoints: &[EndpointView]) -> Totals {
    let trackers: Vec<&EndpointView> = endpoints.iter().filter(|e| e.tracker_requests > 0).collect();
    let companies: BTreeSet<String> = trackers
        .iter()
        .map(|e| e.entity.as_ref().map_or_else(|| format!("domain:{}", e.domain), |v| v.parent.as_ref().map_or(v.id.clone(), |p| p.id.clone())))
        .collect();
    let sum = |f: fn(&EndpointView) -> u64| endpoints.iter().map(f).fold(0u64, u64::saturating_add);
    Totals {
        requests: site.requests,
        skipped: site.skipped,
        endpoints: (endpoints.len() as u64).saturating_add(site.folded.endpoints()),
        tracker_requests: sum(|e| e.tracker_requests).saturating_add(site.folded.tracker_requests),
        tracker_endpoints: trackers.len() as u64,
        tracker_companies: companies.len() as u64,
        third_party_requests: endpoints
            .iter()
            .filter(|e| e.party == Party::ThirdParty)
            .map(|e| e.requests)
            .fold(site.folded.third_party_requests, u64::saturating_add),
        bytes_sent: sum(|e| e.bytes_sent).saturating_add(site.folded.bytes_sent),
        bytes_received: sum(|e| e.bytes_received).saturating_add(site.folded.bytes_received),
        third_party_cookies: endpoints
            .iter()
            .filter(|e| e.party == Party::ThirdParty)
            .map(|e| e.cookies_set)
            .fold(site.folded.third_party_cookies, u64::saturating_add),
        server_of_concern_requests: endpoints
            .iter()
            .filter(|e| e.jurisdiction.server == Jurisdiction::OfConcern)
            .map(|e| e.requests)
            .fold(0u64, u64::saturating_add),
        entity_of_concern_requests: endpoints
            .iter()
            .filter(|e| e.jurisdiction.entity == Jurisdiction::OfConcern)
            .map(|e| e.requests)
            .fold(0u64, u64::saturating_add),
        identifiers_sent: endpoints.iter().flat_map(|e| &e.sent).filter(|s| s.kind == SentKind::Identifier).count() as u64,
        contact_details_sent: endpoints.iter().flat_map(|e| &e.sent).filter(|s| s.kind != SentKind::Identifier).count() as u64,
        first_seen_ms: site.first_seen_ms,
        last_seen_ms: site.last_seen_ms,
        log_dropped: site.log_dropped,
        endpoints_folded: site.folded.endpoints(),
        requests_folded: site.folded.requests,
    }
}

fn entity_rollups(endpoints: &[EndpointView], policy: &Policy) -> Vec<EntityRollup> {
    let mut by: BTreeMap<String, EntityRollup> = BTreeMap::new();
    for e in endpoints {
        let Some(v) = &e.entity else { continue };
        let Some(i) = entity::by_id(&v.id) else { continue };
        let r = by.entry(v.id.clone()).or_insert_with(|| EntityRollup {
            entity: entity_ref(i),
            parent: v.parent.clone(),
            endpoints: 0,
            requests: 0,
            tracker_requests: 0,
            bytes_sent: 0,
            jurisdiction: entity_jurisdiction(i, policy),
            sent: Vec::new(),
        });
        r.endpoints += 1;
        r.requests = r.requests.saturating_add(e.requests);
        r.tracker_requests = r.tracker_requests.saturating_add(e.tracker_requests);
        r.bytes_sent = r.bytes_sent.saturating_add(e.bytes_sent);
        for f in &e.sent {
            if let Err(at) = r.sent.binary_search(&f.name) {
                r.sent.insert(at, f.name.clone());
            }
        }
    }
    let mut out: Vec<EntityRollup> = by.into_values().collect();
    out.sort_by(|a, b| b.requests.cmp(&a.requests).then_with(|| a.entity.id.cmp(&b.entity.id)));
    out
}

/// Splits an endpoint's requests across its IPs' countries, so each request
/// counts once: whole requests to the first country seen, when there are several.
fn country_rollups(endpoints: &[EndpointView], policy: &Policy) -> Vec<CountryRollup> {
    let mut by: BTreeMap<Option<String>, CountryRollup> = BTreeMap::new();
    for e in endpoints {
        let country = e.locations.iter().find_map(|l| l.country.clone());
        let jurisdiction = match &country {
            Some(c) => policy.judge(Some(c)),
            None if e.jurisdiction.server == Jurisdiction::Local => Jurisdiction::Local,
            None => Jurisdiction::Unknown,
        };
        let r = by.entry(country.clone()).or_insert_with(|| CountryRollup { country, jurisdiction, endpoints: 0, requests: 0, bytes_sent: 0 });
        r.endpoints += 1;
        r.requests = r.requests.saturating_add(e.requests);
        r.bytes_sent = r.bytes_sent.saturating_add(e.bytes_sent);
    }
    let mut out: Vec<CountryRollup> = by.into_values().collect();
    out.sort_by(|a, b| b.requests.cmp(&a.requests).then_with(|| a.country.cmp(&b.country)));
    out
}

fn network_rollups(endpoints: &[EndpointView]) -> Vec<NetworkRollup> {
    let mut by: BTreeMap<Option<u32>, NetworkRollup> = BTreeMap::new();
    for e in endpoints {
        let loc = e.locations.first();
        let asn = loc.and_then(|l| l.asn);
        let r = by.entry(asn).or_insert_with(|| NetworkRollup {
            asn,
            network: loc.and_then(|l| l.network.clone()),
            operator: asn.and_then(entity::entity_of_asn).map(|i| entity::entity(entity::root(i)).name.to_string()),
            endpoints: 0,
            requests: 0,
            bytes_sent: 0,
            bytes_received: 0,
        });
        r.endpoints += 1;
        r.requests = r.requests.saturating_add(e.requests);
        r.bytes_sent = r.bytes_sent.saturating_add(e.bytes_sent);
        r.bytes_received = r.bytes_received.saturating_add(e.bytes_received);
    }
    let mut out: Vec<NetworkRollup> = by.into_values().collect();
    out.sort_by(|a, b| b.requests.cmp(&a.requests).then_with(|| a.asn.cmp(&b.asn)));
    out
}
