//! Report-wide counts, each request counted once: the totals, the platform's
//! telemetry, and the roll-ups by company, by server country and by network
//! (every request under the server it reached, through one walk of the servers).

use std::collections::{BTreeMap, BTreeSet};

use super::view::entity_ref;
use super::view::*;
use crate::aggregate::SiteReport;
use crate::classify::{entity, Party};
use crate::judge::{entity_jurisdiction, Jurisdiction, Policy};
use crate::locate::Locator;
use crate::observe::SentKind;

pub(super) fn telemetry(site: &SiteReport, endpoints: &[EndpointView], locator: &Locator) -> TelemetryView {
    let is_tele = |e: &EndpointView| e.trackers.iter().any(|t| t.list == "platform-telemetry");
    let tele: Vec<&EndpointView> = endpoints.iter().filter(|e| is_tele(e)).collect();
    let sum = |f: &dyn Fn(&TrackerView) -> u64| {
        tele.iter().flat_map(|e| e.trackers.iter().filter(|t| t.list == "platform-telemetry")).map(f).fold(0u64, u64::saturating_add)
    };
    // Countries of the IPs that telemetry requests themselves reached.
    let mut countries = BTreeSet::new();
    let mut without_ip = 0u64;
    for e in &tele {
        let Some(stats) = site.endpoints.get(&e.host) else { continue };
        for (ip, t) in &stats.by_ip {
            if t.telemetry_requests > 0 {
                if let Some(c) = locator.locate(*ip).country {
                    countries.insert(c);
                }
            }
        }
        without_ip = without_ip.saturating_add(stats.without_ip.telemetry_requests);
    }
    TelemetryView {
        endpoints: tele.iter().map(|e| e.host.clone()).collect(),
        requests: sum(&|t| t.requests),
        bytes_sent: sum(&|t| t.bytes_sent),
        countries: countries.into_iter().collect(),
        requests_without_ip: without_ip,
        identifiers: tele
            .iter()
            .flat_map(|e| e.sent.iter().filter(|s| s.kind == SentKind::Identifier).map(|s| s.name.clone()))
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect(),
    }
}

/// Sums here saturate: counts come from the network, and a hostile
/// Content-Length must not wrap totals into garbage or panic.
pub(super) fn totals(site: &SiteReport, endpoints: &[EndpointView], folded: &FoldedServers, unidentified: usize) -> Totals {
    let trackers: Vec<&EndpointView> = endpoints.iter().filter(|e| e.tracker_requests > 0).collect();
    let companies: BTreeSet<&str> =
        trackers.iter().filter_map(|e| e.entity.as_ref().map(|v| v.parent.as_ref().map_or(v.id.as_str(), |p| p.id.as_str()))).collect();
    let sum = |f: fn(&EndpointView) -> u64| endpoints.iter().map(f).fold(0u64, u64::saturating_add);
    let of_concern = |servers: &mut dyn Iterator<Item = &ServerView>| {
        servers.filter(|s| s.jurisdiction == Jurisdiction::OfConcern).map(|s| s.requests).fold(0u64, u64::saturating_add)
    };
    Totals {
        requests: site.requests,
        skipped: site.skipped,
        endpoints: (endpoints.len() as u64).saturating_add(site.folded.endpoints()),
        tracker_requests: sum(|e| e.tracker_requests).saturating_add(site.folded.tracker_requests),
        tracker_endpoints: trackers.len() as u64,
        tracker_companies: companies.len() as u64,
        unidentified_tracker_domains: unidentified as u64,
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
        server_of_concern_requests: of_concern(&mut endpoints.iter().flat_map(|e| &e.servers)).saturating_add(of_concern(&mut folded.servers.iter())),
        entity_of_concern_requests: endpoints
            .iter()
            .filter(|e| e.jurisdiction.entity == Jurisdiction::OfConcern)
            .map(|e| e.requests)
            .fold(0u64, u64::saturating_add),
        requests_without_ip: sum(|e| e.requests_without_ip).saturating_add(site.folded.without_ip.all.requests),
        identifiers_sent: endpoints.iter().flat_map(|e| &e.sent).filter(|s| s.kind == SentKind::Identifier).count() as u64,
        contact_details_sent: endpoints.iter().flat_map(|e| &e.sent).filter(|s| s.kind != SentKind::Identifier).count() as u64,
        first_seen_ms: site.first_seen_ms,
        last_seen_ms: site.last_seen_ms,
        log_dropped: site.log_dropped,
        endpoints_folded: site.folded.endpoints(),
        requests_folded: site.folded.requests,
    }
}

pub(super) fn entity_rollups(endpoints: &[EndpointView], policy: &Policy) -> Vec<EntityRollup> {
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

pub(super) fn unidentified(endpoints: &[EndpointView]) -> Vec<UnidentifiedTracker> {
    let mut by: BTreeMap<&str, UnidentifiedTracker> = BTreeMap::new();
    for e in endpoints.iter().filter(|e| e.entity.is_none() && e.tracker_requests > 0) {
        let r = by.entry(&e.domain).or_insert_with(|| UnidentifiedTracker { domain: e.domain.clone(), endpoints: 0, requests: 0, tracker_requests: 0 });
        r.endpoints += 1;
        r.requests = r.requests.saturating_add(e.requests);
        r.tracker_requests = r.tracker_requests.saturating_add(e.tracker_requests);
    }
    let mut out: Vec<UnidentifiedTracker> = by.into_values().collect();
    out.sort_by(|a, b| b.tracker_requests.cmp(&a.tracker_requests).then_with(|| a.domain.cmp(&b.domain)));
    out
}

/// What one server (or an endpoint's requests with no known server) took.
struct Took {
    requests: u64,
    tracker_requests: u64,
    bytes_sent: u64,
    bytes_received: u64,
}

/// Calls `f` for every server of every endpoint (with the endpoint's index)
/// and of the folded endpoints (index `usize::MAX`), and once per endpoint
/// and for the folded ones with `None` for the requests whose server is not
/// known: each request is visited exactly once, under the server it reached.
fn for_each_server(endpoints: &[EndpointView], folded: &FoldedServers, mut f: impl FnMut(Option<&ServerView>, usize, Took)) {
    let took = |s: &ServerView| Took { requests: s.requests, tracker_requests: s.tracker_requests, bytes_sent: s.bytes_sent, bytes_received: s.bytes_received };
    let none =
        |u: &UnlocatedView| Took { requests: u.requests, tracker_requests: u.tracker_requests, bytes_sent: u.bytes_sent, bytes_received: u.bytes_received };
    for (i, e) in endpoints.iter().enumerate() {
        for s in &e.servers {
            f(Some(s), i, took(s));
        }
        f(None, i, none(&e.unlocated));
    }
    for s in &folded.servers {
        f(Some(s), usize::MAX, took(s));
    }
    f(None, usize::MAX, none(&folded.unlocated));
}

/// Groups every request by `key` of the server it reached (`None`: no known
/// server): one roll-up per key, made by `new`, grown by `add`, and told by
/// `endpoints` how many distinct endpoints it covers (folded ones not counted).
fn roll_up<K: Ord + Clone, R>(
    endpoints: &[EndpointView],
    folded: &FoldedServers,
    key: impl Fn(Option<&ServerView>) -> K,
    new: impl Fn(&K, Option<&ServerView>) -> R,
    add: impl Fn(&mut R, &Took),
    count: impl Fn(&mut R, u64),
) -> Vec<R> {
    let mut by: BTreeMap<K, (BTreeSet<usize>, R)> = BTreeMap::new();
    for_each_server(endpoints, folded, |server, endpoint, t| {
        if t.requests == 0 {
            return;
        }
        let k = key(server);
        let (eps, r) = by.entry(k.clone()).or_insert_with(|| (BTreeSet::new(), new(&k, server)));
        if endpoint != usize::MAX {
            eps.insert(endpoint);
        }
        add(r, &t);
    });
    by.into_values()
        .map(|(eps, mut r)| {
            count(&mut r, eps.len() as u64);
            r
        })
        .collect()
}

/// Each request counted once, under the country of the server IP it reached;
/// requests with no known server under "unknown".
pub(super) fn country_rollups(endpoints: &[EndpointView], folded: &FoldedServers) -> Vec<CountryRollup> {
    let mut out = roll_up(
        endpoints,
        folded,
        |server| server.map_or((None, Jurisdiction::Unknown), |s| (s.location.country.clone(), s.jurisdiction)),
        |(country, jurisdiction), _| CountryRollup {
            country: country.clone(),
            jurisdiction: *jurisdiction,
            endpoints: 0,
            requests: 0,
            tracker_requests: 0,
            bytes_sent: 0,
        },
        |r, t| {
            r.requests = r.requests.saturating_add(t.requests);
            r.tracker_requests = r.tracker_requests.saturating_add(t.tracker_requests);
            r.bytes_sent = r.bytes_sent.saturating_add(t.bytes_sent);
        },
        |r, n| r.endpoints = n,
    );
    out.sort_by(|a, b| b.requests.cmp(&a.requests).then_with(|| a.country.cmp(&b.country)).then_with(|| a.jurisdiction.cmp(&b.jurisdiction)));
    out
}

/// Each request counted once, under the network of the server IP it reached.
pub(super) fn network_rollups(endpoints: &[EndpointView], folded: &FoldedServers) -> Vec<NetworkRollup> {
    let mut out = roll_up(
        endpoints,
        folded,
        |server| server.and_then(|s| s.location.asn),
        |asn, server| NetworkRollup {
            asn: *asn,
            // Keyed by ASN: a name without one is not given to the "unknown network" row.
            network: asn.and(server.and_then(|s| s.location.network.clone())),
            operator: asn.and_then(entity::entity_of_asn).map(|i| entity::entity(entity::root(i)).name.to_string()),
            endpoints: 0,
            requests: 0,
            bytes_sent: 0,
            bytes_received: 0,
        },
        |r, t| {
            r.requests = r.requests.saturating_add(t.requests);
            r.bytes_sent = r.bytes_sent.saturating_add(t.bytes_sent);
            r.bytes_received = r.bytes_received.saturating_add(t.bytes_received);
        },
        |r, n| r.endpoints = n,
    );
    out.sort_by(|a, b| b.requests.cmp(&a.requests).then_with(|| a.asn.cmp(&b.asn)));
    out
}
