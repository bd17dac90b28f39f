//! The report contract: what every surface (JSON, CSV, HTML, popup, www/)
//! renders. Built from a stored `SiteReport` under a policy; its JSON Schema is
//! generated from these types and committed as `schema/report.schema.json`.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::capture::{subject_view, CaptureView, SubjectView};
use super::findings::{company, endpoint_findings};
use crate::aggregate::{grade, EndpointStats, Grade, GradeInput, ServerTally, SiteReport, Unit};
use crate::classify::entity::Tier;
use crate::classify::{entity, Category, Party};
use crate::data::DATA_SOURCES;
use crate::judge::{entity_jurisdiction, server_jurisdiction, Finding, Jurisdiction, Policy};
use crate::locate::{Location, Locator};
use crate::observe::packets::NameBasis;
use crate::observe::{SentKind, SentReason};

use super::rollup::{country_rollups, entity_rollups, network_rollups, telemetry, totals, unidentified};

/// Bumped on any incompatible change of the JSON shape.
pub const SCHEMA_VERSION: u32 = 2;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Report {
    pub schema_version: u32,
    /// "borderline X.Y.Z".
    pub generator: String,
    /// The Site: registrable domain of the top-level page.
    pub site: String,
    pub policy: PolicyView,
    pub data_sources: Vec<DataSourceView>,
    /// The capture file the report was made from (CLI and www/; null in the extension).
    pub capture: Option<CaptureView>,
    pub totals: Totals,
    pub grade: Grade,
    /// One per Host, most requests first.
    pub endpoints: Vec<EndpointView>,
    /// One per company, most requests first.
    pub entities: Vec<EntityRollup>,
    /// Tracker domains no company data names, most tracker requests first.
    pub unidentified_trackers: Vec<UnidentifiedTracker>,
    /// Requests by server country, each request under the country of the IP it reached (null: local or unknown), most first.
    pub countries: Vec<CountryRollup>,
    /// Requests by hosting network (AS) of the IP each reached, most first.
    pub networks: Vec<NetworkRollup>,
    /// The platform's own telemetry and logging endpoints (matched by the platform-telemetry list).
    pub telemetry: TelemetryView,
    pub findings: Vec<Finding>,
    /// The first screen's facts (where the requests went, to whom), derived from the fields above.
    pub glance: super::glance::GlanceView,
    /// What the report is about when it is not a website: an app or a whole
    /// device (absent for a website's report).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<SubjectView>,
    /// What every count named `requests` counts: absent (or "requests") for
    /// HTTP requests; "connections" for a packet capture, where each counted
    /// thing is a connection (no URL, path or fields are known).
    #[serde(default, skip_serializing_if = "is_requests")]
    pub unit: Unit,
}

fn is_requests(u: &Unit) -> bool {
    *u == Unit::Requests
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
/// company* is a named Entity (counted by its ultimate parent) behind one; an
/// *unidentified tracker domain* is a Domain behind one that no company data names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Totals {
    pub requests: u64,
    /// Requests seen but unusable (e.g. no valid host), not in any count below.
    pub skipped: u64,
    pub endpoints: u64,
    pub tracker_requests: u64,
    pub tracker_endpoints: u64,
    pub tracker_companies: u64,
    pub unidentified_tracker_domains: u64,
    pub third_party_requests: u64,
    pub bytes_sent: u64,
    pub bytes_received: u64,
    pub third_party_cookies: u64,
    /// Requests whose own server IP is registered in a country of concern.
    pub server_of_concern_requests: u64,
    /// Requests to endpoints whose controlling company (or its parent) is based in a country of concern.
    pub entity_of_concern_requests: u64,
    /// Requests that reached no known server IP (failed, cache hits): their server is unknown.
    pub requests_without_ip: u64,
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
    /// Why it was flagged: by its name, or by its value's shape.
    pub reason: SentReason,
    pub requests: u64,
}

/// The platform's own telemetry: how much went there, and where those servers are.
/// Counts only the requests the platform-telemetry list matched.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TelemetryView {
    pub endpoints: Vec<String>,
    pub requests: u64,
    pub bytes_sent: u64,
    /// Countries of the server IPs those requests reached (registered).
    pub countries: Vec<String>,
    /// Of those requests, how many reached no known IP.
    pub requests_without_ip: u64,
    /// Field names that carried identifiers to those endpoints (in any of their requests).
    pub identifiers: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct EntityRef {
    pub id: String,
    pub name: String,
    /// Country of incorporation (ISO 3166-1 alpha-2); null when not known.
    pub domicile: Option<String>,
    /// Country of the headquarters; null when not known.
    pub headquarters: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct EntityView {
    pub id: String,
    pub name: String,
    /// Country of incorporation; null when not known (never guessed).
    pub domicile: Option<String>,
    /// Country of the headquarters; null when not known.
    pub headquarters: Option<String>,
    /// "cited": Borderline's hand-written table, every fact cited; "listed":
    /// generated from third-party sources (see `data_sources`).
    pub tier: Tier,
    /// What states the headquarters: a URL (cited) or a source id in `data_sources` (listed).
    pub headquarters_source: Option<String>,
    /// The ultimate parent company, when different.
    pub parent: Option<EntityRef>,
    pub note: Option<String>,
    /// Source URLs of a cited entity: domicile, headquarters, domains.
    pub sources: Vec<String>,
}

/// How the report knows who runs an endpoint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "basis", rename_all = "kebab-case")]
pub enum EntityBasis {
    /// The cited table names the owner of the domain.
    Cited,
    /// A third-party source (an id in `data_sources`) lists the domain under the company.
    Listed { source: String },
    /// No table knows the domain; every server it reached is in a network the
    /// company runs for itself (never a cloud, CDN or hosting network).
    Network { asn: u32 },
}

impl EntityBasis {
    /// In words, for the popup, the HTML and the CSV.
    pub fn label(&self) -> String {
        match self {
            EntityBasis::Cited => "cited".to_string(),
            EntityBasis::Listed { source } => format!("listed by {}", crate::data::source_name(source)),
            EntityBasis::Network { asn } => format!("inferred from its network AS{asn}"),
        }
    }
}

/// Tracker requests of one kind to an endpoint: a category and what said so.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TrackerView {
    pub category: Category,
    /// List id ("easyprivacy", "easylist", "platform-telemetry") or "entity-map".
    pub list: String,
    /// Requests of this kind (each request has exactly one kind).
    pub requests: u64,
    pub bytes_sent: u64,
}

/// One rule that matched requests to an endpoint, and how many.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct RuleView {
    pub category: Category,
    /// List id, or "entity-map" (then `rule` is null and `line` 0).
    pub list: String,
    /// 1-based line of the rule in its list.
    pub line: u32,
    /// The rule exactly as written (in full, however long).
    pub rule: Option<String>,
    pub requests: u64,
}

/// One server IP of an endpoint: where it is, and the requests that reached it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ServerView {
    pub location: Location,
    /// The policy's view of this server's country.
    pub jurisdiction: Jurisdiction,
    pub requests: u64,
    pub tracker_requests: u64,
    pub bytes_sent: u64,
    pub bytes_received: u64,
}

/// Requests of an endpoint whose server is not known.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct UnlocatedView {
    pub requests: u64,
    pub tracker_requests: u64,
    pub bytes_sent: u64,
    pub bytes_received: u64,
}

/// A binary body type an endpoint received: reported by size, never read as fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct BinaryView {
    /// Declared content type, or "unknown" when sniffed.
    pub content_type: String,
    pub requests: u64,
    pub bytes: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct JurisdictionView {
    /// Where the servers are, judged by the policy: the worst of the IPs that received requests.
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
    /// How `entity` is known.
    pub entity_basis: Option<EntityBasis>,
    /// The Domain's category in the entity map.
    pub category: Option<Category>,
    pub requests: u64,
    /// Requests with any tracker verdict (the sum of `trackers[].requests`).
    pub tracker_requests: u64,
    /// Tracker requests per kind, most first: a host can be advertising *and* telemetry.
    pub trackers: Vec<TrackerView>,
    /// The rules that matched, most requests first (at most 32 kept per endpoint).
    pub rules: Vec<RuleView>,
    /// Tracker requests whose rule was past that bound (counted in `trackers`).
    pub rules_not_listed: u64,
    /// Server IPs, most requests first, each with its location and its requests.
    pub servers: Vec<ServerView>,
    /// Requests with no server IP (failed, cache hits, capture without one): location unknown.
    pub requests_without_ip: u64,
    /// Requests to IPs past the per-endpoint bound (64): counted, location not kept.
    pub requests_ip_not_kept: u64,
    /// Those two together, with their bytes: the requests whose server is unknown.
    pub unlocated: UnlocatedView,
    pub jurisdiction: JurisdictionView,
    pub bytes_sent: u64,
    pub bytes_received: u64,
    pub cookies_set: u64,
    /// Fields that carried identifiers or contact details (names only), and why each was flagged.
    pub sent: Vec<SentView>,
    /// Binary bodies it received, by content type (not read for fields).
    pub binary_sent: Vec<BinaryView>,
    pub first_seen_ms: u64,
    pub last_seen_ms: u64,
    /// Connections from a packet capture by how the host name was learned (absent for HTTP requests).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub name_basis: Vec<NameBasisCount>,
    /// Other names DNS answers gave this host's server addresses (one address serving several names).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dns_names: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct NameBasisCount {
    pub basis: NameBasis,
    pub connections: u64,
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

/// A registrable domain that received tracker requests and that no company
/// data names: counted and graded as a domain, never as a company.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct UnidentifiedTracker {
    pub domain: String,
    pub endpoints: u64,
    pub requests: u64,
    pub tracker_requests: u64,
}

/// Requests by the country of the server each one reached.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CountryRollup {
    /// ISO 3166-1 alpha-2; null when local (`jurisdiction` "local") or not known ("unknown").
    pub country: Option<String>,
    pub jurisdiction: Jurisdiction,
    /// Endpoints with at least one request counted here.
    pub endpoints: u64,
    pub requests: u64,
    pub tracker_requests: u64,
    pub bytes_sent: u64,
}

/// Requests by the network (AS) of the server each one reached.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct NetworkRollup {
    /// Null: no IP, or no network known for it.
    pub asn: Option<u32>,
    pub network: Option<String>,
    /// The company the entity map says operates this AS, if any.
    pub operator: Option<String>,
    pub endpoints: u64,
    pub requests: u64,
    pub bytes_sent: u64,
    pub bytes_received: u64,
}

pub(super) fn entity_ref(i: usize) -> EntityRef {
    let e = entity::entity(i);
    EntityRef { id: e.id.into(), name: e.name.into(), domicile: e.domicile.map(Into::into), headquarters: e.headquarters.map(Into::into) }
}

fn entity_view(i: usize) -> EntityView {
    let e = entity::entity(i);
    let root = entity::root(i);
    let cited = e.tier == Tier::Cited;
    EntityView {
        id: e.id.into(),
        name: e.name.into(),
        domicile: e.domicile.map(Into::into),
        headquarters: e.headquarters.map(Into::into),
        tier: e.tier,
        headquarters_source: Some(e.headquarters_source).filter(|s| !s.is_empty()).map(Into::into),
        parent: (root != i).then(|| entity_ref(root)),
        note: (!e.note.is_empty()).then(|| e.note.to_string()),
        sources: if cited { [e.domicile_source, e.headquarters_source, e.domains_source].iter().map(|s| s.to_string()).collect() } else { Vec::new() },
    }
}

/// Who runs an endpoint and how that is known: the owner of its domain
/// (cited, or listed by a source), else the one company whose own network
/// every server the endpoint reached is in.
fn endpoint_owner(e: &EndpointStats, servers: &[ServerView]) -> Option<(usize, EntityBasis)> {
    if let Some(i) = e.entity.as_deref().and_then(entity::by_id) {
        let basis = match entity::owner_of_domain(&e.domain).and_then(|o| o.listed_by) {
            Some(source) => EntityBasis::Listed { source: source.to_string() },
            None => EntityBasis::Cited,
        };
        return Some((i, basis));
    }
    // Every server must be seen to agree: none past the per-endpoint IP bound.
    if e.ips_overflow.all.requests > 0 {
        return None;
    }
    let mut found: Option<(usize, u32)> = None;
    // The servers as already located for the report (no second lookup).
    for s in servers {
        let asn = s.location.asn?;
        let owner = entity::own_network(asn)?;
        match found {
            Some((o, _)) if o != owner => return None,
            Some(_) => {}
            None => found = Some((owner, asn)),
        }
    }
    found.map(|(i, asn)| (i, EntityBasis::Network { asn }))
}

impl Report {
    /// Derives the full report from what was observed.
    pub fn build(site: &SiteReport, policy: &Policy, locator: &Locator) -> Report {
        let mut endpoints: Vec<EndpointView> = site.endpoints.values().map(|e| endpoint_view(e, policy, locator)).collect();
        endpoints.sort_by(|a, b| b.requests.cmp(&a.requests).then_with(|| a.host.cmp(&b.host)));
        let entities = entity_rollups(&endpoints, policy);
        let unidentified_trackers = unidentified(&endpoints);
        let unit = site.subject.unit;
        let en = crate::l10n::english();
        let mut findings: Vec<Finding> = entities.iter().filter_map(|r| company(r, policy, unit, en)).collect();
        findings.extend(endpoints.iter().flat_map(|e| endpoint_findings(e, policy, unit, en)));
        let folded = folded_servers(site, policy, locator);
        let totals = totals(site, &endpoints, &folded, unidentified_trackers.len());
        let has = |c: Category| endpoints.iter().any(|e| e.trackers.iter().any(|t| t.category == c));
        let grade = grade(&GradeInput {
            unit,
            tracker_companies: totals.tracker_companies as usize,
            unidentified_tracker_domains: unidentified_trackers.len(),
            session_replay: has(Category::SessionReplay),
            fingerprinting: has(Category::Fingerprinting),
            server_of_concern_requests: totals.server_of_concern_requests,
            entity_of_concern_requests: totals.entity_of_concern_requests,
            third_party_cookies: totals.third_party_cookies,
            identifiers_sent: totals.identifiers_sent,
            contact_details_sent: totals.contact_details_sent,
        });
        let countries = country_rollups(&endpoints, &folded);
        let glance = super::glance::glance(&endpoints, &countries, &totals, &grade, policy, unit);
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
            capture: None,
            totals,
            grade,
            entities,
            unidentified_trackers,
            glance,
            countries,
            networks: network_rollups(&endpoints, &folded),
            telemetry: telemetry(site, &endpoints, locator),
            endpoints,
            findings,
            subject: subject_view(site),
            unit: site.subject.unit,
        }
    }
}

fn server_view(loc: Location, t: &ServerTally, policy: &Policy) -> ServerView {
    ServerView {
        jurisdiction: server_jurisdiction(&loc, policy),
        location: loc,
        requests: t.all.requests,
        tracker_requests: t.tracker_requests,
        bytes_sent: t.all.bytes_sent,
        bytes_received: t.all.bytes_received,
    }
}

/// The servers of folded endpoints (extension only: exports of a capture fold
/// nothing), and their requests whose server is not known.
pub(super) struct FoldedServers {
    pub(super) servers: Vec<ServerView>,
    pub(super) unlocated: UnlocatedView,
}

fn unlocated(a: &ServerTally, b: &ServerTally) -> UnlocatedView {
    let mut t = *a;
    t.add(b);
    UnlocatedView { requests: t.all.requests, tracker_requests: t.tracker_requests, bytes_sent: t.all.bytes_sent, bytes_received: t.all.bytes_received }
}

fn folded_servers(site: &SiteReport, policy: &Policy, locator: &Locator) -> FoldedServers {
    FoldedServers {
        servers: site.folded.by_ip.iter().map(|(ip, t)| server_view(locator.locate(*ip), t, policy)).collect(),
        unlocated: unlocated(&site.folded.without_ip, &site.folded.ips_overflow),
    }
}

fn endpoint_view(e: &EndpointStats, policy: &Policy, locator: &Locator) -> EndpointView {
    let mut servers: Vec<ServerView> = e.by_ip.iter().map(|(ip, t)| server_view(locator.locate(*ip), t, policy)).collect();
    servers.sort_by(|a, b| b.requests.cmp(&a.requests).then_with(|| a.location.ip.cmp(&b.location.ip)));
    let unlocated = unlocated(&e.without_ip, &e.ips_overflow);
    let mut server = servers.iter().map(|s| s.jurisdiction).fold(Jurisdiction::Local, Jurisdiction::max);
    if servers.is_empty() || unlocated.requests > 0 {
        server = server.max(Jurisdiction::Unknown);
    }
    let owner = endpoint_owner(e, &servers);
    let index = owner.as_ref().map(|o| o.0);
    let mut trackers: Vec<TrackerView> = e
        .by_kind
        .iter()
        .map(|(k, t)| TrackerView { category: k.category, list: k.source().to_string(), requests: t.requests, bytes_sent: t.bytes_sent })
        .collect();
    trackers.sort_by(|a, b| b.requests.cmp(&a.requests).then_with(|| a.category.cmp(&b.category)).then_with(|| a.list.cmp(&b.list)));
    let mut rules: Vec<RuleView> = e
        .by_rule
        .iter()
        .map(|(v, n)| RuleView { category: v.category, list: v.kind().source().to_string(), line: v.line, rule: v.rule.clone(), requests: *n })
        .collect();
    rules.sort_by(|a, b| b.requests.cmp(&a.requests).then_with(|| a.list.cmp(&b.list)).then_with(|| a.line.cmp(&b.line)));
    EndpointView {
        host: e.host.clone(),
        domain: e.domain.clone(),
        party: e.party,
        entity: index.map(entity_view),
        entity_basis: owner.map(|o| o.1),
        category: e.domain_category,
        requests: e.total.requests,
        tracker_requests: e.tracker_requests(),
        trackers,
        rules,
        rules_not_listed: e.rules_overflow,
        servers,
        requests_without_ip: e.without_ip.all.requests,
        requests_ip_not_kept: e.ips_overflow.all.requests,
        unlocated,
        jurisdiction: JurisdictionView { server, entity: index.map_or(Jurisdiction::Unknown, |i| entity_jurisdiction(i, policy)) },
        bytes_sent: e.total.bytes_sent,
        bytes_received: e.total.bytes_received,
        cookies_set: e.cookies_set,
        sent: e.sent.iter().map(|(name, s)| SentView { name: name.clone(), kind: s.kind, reason: s.reason, requests: s.requests }).collect(),
        binary_sent: e.binary.iter().map(|(t, b)| BinaryView { content_type: t.clone(), requests: b.requests, bytes: b.bytes_sent }).collect(),
        first_seen_ms: e.first_seen_ms,
        last_seen_ms: e.last_seen_ms,
        name_basis: e.by_basis.iter().map(|(b, n)| NameBasisCount { basis: *b, connections: *n }).collect(),
        dns_names: e.dns_names.iter().cloned().collect(),
    }
}
