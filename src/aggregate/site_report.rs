//! The `SiteReport`: everything observed for one Site, built incrementally
//! and mergeable. It stores only observations, at the grain they were made:
//! each request keeps its own verdict and server IP in the log, and each
//! endpoint keeps tallies of its requests per verdict and per IP (never one
//! label for the host). Locations, jurisdictions, findings and the grade are
//! derived when rendered, so a stored report is re-judged under whatever
//! policy the user picks, and every count is a count of requests.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::net::IpAddr;

use serde::{Deserialize, Serialize};

use crate::classify::{entity, Category, Classification, ListId, Party};
use crate::observe::packets::NameBasis;
use crate::observe::{sent, Request, Sent, SentKind, SentReason};

use super::fold::{host_hash, FoldQueue};
pub use super::fold::{Folded, MAX_ENDPOINTS};
use super::log::{logged_url, Evicted, RequestRow, MAX_EVICTED, MAX_LOGGED_URL};
pub use super::subject::{Subject, SubjectKind, Unit};

/// Distinct sent field names kept per endpoint; past this, names sorting last are dropped.
pub const MAX_SENT_NAMES: usize = 64;
/// Distinct rules kept per endpoint, with their counts; past this, the
/// requests of the rules sorting last are counted in `rules_overflow`.
pub const MAX_RULES: usize = 32;
/// Distinct server IPs kept per endpoint; past this, the requests to the IPs
/// sorting last are counted in `ips_overflow` (their location not kept).
pub const MAX_IPS: usize = 64;
/// Distinct content types of binary bodies kept per endpoint.
pub const MAX_BINARY_TYPES: usize = 8;
/// Most other DNS names kept per endpoint.
pub const MAX_DNS_NAMES: usize = 16;

/// How often an endpoint received a field, what kind of value it carried, and why it was flagged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentStats {
    pub kind: SentKind,
    pub reason: SentReason,
    pub requests: u64,
}

/// Requests and their bytes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    pub requests: u64,
    pub bytes_sent: u64,
    pub bytes_received: u64,
}

impl Tally {
    fn count(&mut self, req: &Request) {
        self.requests = self.requests.saturating_add(1);
        self.bytes_sent = self.bytes_sent.saturating_add(req.bytes_sent);
        self.bytes_received = self.bytes_received.saturating_add(req.bytes_received);
    }

    pub fn add(&mut self, o: &Tally) {
        self.requests = self.requests.saturating_add(o.requests);
        self.bytes_sent = self.bytes_sent.saturating_add(o.bytes_sent);
        self.bytes_received = self.bytes_received.saturating_add(o.bytes_received);
    }
}

/// The requests that reached one server (or none), and how many of them were
/// tracker and platform-telemetry requests: what a country or network is
/// credited with is counted per request, by the IP that request reached.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServerTally {
    pub all: Tally,
    pub tracker_requests: u64,
    pub telemetry_requests: u64,
}

impl ServerTally {
    fn count(&mut self, req: &Request, verdict: Option<&Verdict>) {
        self.all.count(req);
        if let Some(v) = verdict {
            self.tracker_requests = self.tracker_requests.saturating_add(1);
            if v.is_platform_telemetry() {
                self.telemetry_requests = self.telemetry_requests.saturating_add(1);
            }
        }
    }

    pub fn add(&mut self, o: &ServerTally) {
        self.all.add(&o.all);
        self.tracker_requests = self.tracker_requests.saturating_add(o.tracker_requests);
        self.telemetry_requests = self.telemetry_requests.saturating_add(o.telemetry_requests);
    }
}

/// One request's tracker verdict as evidence: its category, and the rule
/// that matched with the list and line it is written on (`list: None`: the
/// entity map classes the request's Domain as tracking, no rule matched).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Verdict {
    pub category: Category,
    pub list: Option<ListId>,
    /// 1-based line of the rule in its list (0 for the entity map).
    pub line: u32,
    /// The rule exactly as written.
    pub rule: Option<String>,
}

impl Verdict {
    /// The verdict of a classified request, if it is a tracker request.
    pub fn of(c: &Classification) -> Option<Verdict> {
        c.tracker.as_ref().map(|t| Verdict {
            category: t.category,
            list: t.rule.as_ref().map(|r| r.list),
            line: t.rule.as_ref().map_or(0, |r| r.line),
            rule: t.rule.as_ref().map(|r| r.rule.clone()),
        })
    }

    /// Matched by Borderline's platform-telemetry list: the platform's own telemetry.
    pub fn is_platform_telemetry(&self) -> bool {
        self.list == Some(ListId::PlatformTelemetry)
    }

    pub fn kind(&self) -> TrackerKind {
        TrackerKind { category: self.category, list: self.list }
    }
}

/// A kind of tracker request: its category and what said so (a list, or the
/// entity map). An endpoint keeps a tally per kind, so a host that served
/// advertising and telemetry shows both, each with its own requests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct TrackerKind {
    pub category: Category,
    pub list: Option<ListId>,
}

impl TrackerKind {
    pub fn is_platform_telemetry(&self) -> bool {
        self.list == Some(ListId::PlatformTelemetry)
    }

    /// The list id, or "entity-map".
    pub fn source(&self) -> &'static str {
        self.list.map_or("entity-map", |l| l.id())
    }
}

/// One Host as seen from one Site.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EndpointStats {
    pub host: String,
    pub domain: String,
    pub party: Party,
    /// Entity id from the entity map (stable across releases, unlike indices).
    pub entity: Option<String>,
    pub domain_category: Option<Category>,
    /// Every request to the host.
    pub total: Tally,
    /// Requests per server IP.
    pub by_ip: BTreeMap<IpAddr, ServerTally>,
    /// Requests that came without a server IP (cache hits, failed requests).
    pub without_ip: ServerTally,
    /// Requests to IPs past [`MAX_IPS`]: counted, their IPs not kept.
    pub ips_overflow: ServerTally,
    /// Tracker requests per kind (category and source): complete.
    pub by_kind: BTreeMap<TrackerKind, Tally>,
    /// Tracker requests per matching rule (at most [`MAX_RULES`]).
    pub by_rule: BTreeMap<Verdict, u64>,
    /// Tracker requests whose rule is past [`MAX_RULES`] (counted in `by_kind`).
    pub rules_overflow: u64,
    pub cookies_set: u64,
    pub first_seen_ms: u64,
    pub last_seen_ms: u64,
    /// Field names that carried identifiers or contact details (never their values).
    pub sent: BTreeMap<String, SentStats>,
    /// Bodies not read for fields because they were binary, per content type.
    pub binary: BTreeMap<String, Tally>,
    /// Connections from a packet capture, by how the host name was learned
    /// (empty for HTTP requests, whose URL names the host).
    pub by_basis: BTreeMap<NameBasis, u64>,
    /// Other names DNS answers gave this host's addresses (one address
    /// serving several names), at most `MAX_DNS_NAMES`.
    pub dns_names: BTreeSet<String>,
}

impl EndpointStats {
    fn new(c: &Classification, t: u64) -> EndpointStats {
        EndpointStats {
            host: c.host.clone(),
            domain: c.domain.clone(),
            party: c.party,
            entity: c.entity.map(|i| entity::entity(i).id.to_string()),
            domain_category: c.domain_category,
            total: Tally::default(),
            by_ip: BTreeMap::new(),
            without_ip: ServerTally::default(),
            ips_overflow: ServerTally::default(),
            by_kind: BTreeMap::new(),
            by_rule: BTreeMap::new(),
            rules_overflow: 0,
            cookies_set: 0,
            first_seen_ms: t,
            last_seen_ms: t,
            sent: BTreeMap::new(),
            binary: BTreeMap::new(),
            by_basis: BTreeMap::new(),
            dns_names: BTreeSet::new(),
        }
    }

    /// Requests to this host.
    pub fn requests(&self) -> u64 {
        self.total.requests
    }

    /// Tracker requests to this host (of any kind).
    pub fn tracker_requests(&self) -> u64 {
        self.by_kind.values().map(|t| t.requests).fold(0u64, u64::saturating_add)
    }

    /// Adds another endpoint's observations of the same host.
    fn merge(&mut self, o: &EndpointStats) {
        self.total.add(&o.total);
        for (ip, t) in &o.by_ip {
            self.by_ip.entry(*ip).or_default().add(t);
        }
        self.without_ip.add(&o.without_ip);
        self.ips_overflow.add(&o.ips_overflow);
        for (k, t) in &o.by_kind {
            self.by_kind.entry(*k).or_default().add(t);
        }
        for (v, n) in &o.by_rule {
            let c = self.by_rule.entry(v.clone()).or_insert(0);
            *c = c.saturating_add(*n);
        }
        self.rules_overflow = self.rules_overflow.saturating_add(o.rules_overflow);
        self.cookies_set = self.cookies_set.saturating_add(o.cookies_set);
        self.first_seen_ms = self.first_seen_ms.min(o.first_seen_ms);
        self.last_seen_ms = self.last_seen_ms.max(o.last_seen_ms);
        for (name, st) in &o.sent {
            let s = self.sent.entry(name.clone()).or_insert(SentStats { kind: st.kind, reason: st.reason, requests: 0 });
            if (st.kind, std::cmp::Reverse(st.reason)) > (s.kind, std::cmp::Reverse(s.reason)) {
                s.kind = st.kind;
                s.reason = st.reason;
            }
            s.requests = s.requests.saturating_add(st.requests);
        }
        for (t, b) in &o.binary {
            self.binary.entry(t.clone()).or_default().add(b);
        }
        for (b, n) in &o.by_basis {
            let c = self.by_basis.entry(*b).or_insert(0);
            *c = c.saturating_add(*n);
        }
        self.dns_names.extend(o.dns_names.iter().cloned());
        self.trim();
    }

    /// Keeps the bounded maps bounded. What is dropped is always what sorts
    /// last, so merges agree whatever their order (a key kept in a union was
    /// kept in each part, with all its counts).
    fn trim(&mut self) {
        // Identifier names go first, last by name: e-mail addresses, phone
        // numbers and their hashes are kept whenever there is room.
        while self.sent.len() > MAX_SENT_NAMES {
            let victim = self.sent.iter().rev().find(|(_, s)| s.kind == SentKind::Identifier).or_else(|| self.sent.last_key_value()).map(|(k, _)| k.clone());
            if let Some(k) = victim {
                self.sent.remove(&k);
            }
        }
        while self.by_rule.len() > MAX_RULES {
            if let Some((_, n)) = self.by_rule.pop_last() {
                self.rules_overflow = self.rules_overflow.saturating_add(n);
            }
        }
        while self.by_ip.len() > MAX_IPS {
            if let Some((_, t)) = self.by_ip.pop_last() {
                self.ips_overflow.add(&t);
            }
        }
        while self.binary.len() > MAX_BINARY_TYPES {
            self.binary.pop_last();
        }
        while self.dns_names.len() > MAX_DNS_NAMES {
            self.dns_names.pop_last();
        }
    }
}

/// How much a report keeps: rows in the request log, endpoints in detail.
/// The CLI and www/ keep everything; the extension bounds a tab's visit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bounds {
    pub log_rows: u64,
    pub endpoints: u64,
}

impl Default for Bounds {
    fn default() -> Bounds {
        Bounds::UNBOUNDED
    }
}

impl Bounds {
    /// Nothing folded, nothing dropped: for exports of a capture.
    pub const UNBOUNDED: Bounds = Bounds { log_rows: u64::MAX, endpoints: u64::MAX };

    /// `log_rows` rows, and [`MAX_ENDPOINTS`] endpoints in detail.
    pub fn log(log_rows: u64) -> Bounds {
        Bounds { log_rows, endpoints: MAX_ENDPOINTS as u64 }
    }
}

/// Everything known about one Site in one browsing session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteReport {
    /// The subject's key: a Site (registrable domain), an app's id, or "this device".
    pub site: String,
    /// What the report is about and what it counts.
    pub subject: Subject,
    /// Keyed by Host.
    pub endpoints: BTreeMap<String, EndpointStats>,
    pub requests: u64,
    /// Requests that reached us but could not be used (e.g. no valid host).
    pub skipped: u64,
    pub first_seen_ms: u64,
    pub last_seen_ms: u64,
    /// The newest requests, oldest first, at most `log_cap`.
    pub log: VecDeque<RequestRow>,
    pub log_cap: u64,
    /// Most endpoints kept in detail; past it the least telling are folded.
    pub endpoint_cap: u64,
    /// Rows evicted from the log (their counts stay in the endpoints).
    pub log_dropped: u64,
    /// The next request's `seq`.
    pub next_seq: u64,
    /// Endpoints folded away to keep the report bounded (see [`MAX_ENDPOINTS`]).
    pub folded: Folded,
    /// Which endpoints to fold next: a cache, never stored or compared.
    #[serde(skip)]
    fold_queue: FoldQueue,
    /// Rows evicted from the ring and not yet taken by the shell.
    #[serde(skip)]
    pub evicted: Evicted,
}

impl SiteReport {
    /// A report keeping `log_cap` rows and [`MAX_ENDPOINTS`] endpoints.
    pub fn new(site: impl Into<String>, log_cap: u64) -> SiteReport {
        SiteReport::with_bounds(site, Bounds::log(log_cap))
    }

    pub fn with_bounds(site: impl Into<String>, bounds: Bounds) -> SiteReport {
        SiteReport {
            site: site.into(),
            subject: Subject::default(),
            endpoints: BTreeMap::new(),
            requests: 0,
            skipped: 0,
            first_seen_ms: 0,
            last_seen_ms: 0,
            log: VecDeque::new(),
            log_cap: bounds.log_rows,
            endpoint_cap: bounds.endpoints,
            log_dropped: 0,
            next_seq: 0,
            folded: Folded::default(),
            fold_queue: FoldQueue::default(),
            evicted: Evicted::default(),
        }
    }

    fn endpoints_full(&self) -> bool {
        self.endpoints.len() as u64 >= self.endpoint_cap
    }

    /// Folds the least telling endpoint away (see [`MAX_ENDPOINTS`]).
    fn fold_one(&mut self) {
        let Some(victim) = self.fold_queue.next_victim(&self.endpoints) else { return };
        let Some(e) = self.endpoints.remove(&victim) else { return };
        self.folded.add(&e);
    }

    /// Adds one classified request; returns what it sent, as counted (the
    /// names the extension journals, so a replay counts the same).
    pub fn record(&mut self, req: &Request, c: &Classification) -> Sent {
        let t = req.time_ms;
        let verdict = Verdict::of(c);
        let is_new = !self.endpoints.contains_key(&c.host);
        if is_new && self.endpoints_full() {
            self.fold_one();
        }
        if is_new && !self.folded.hosts.is_empty() {
            // Listed again: counted among the endpoints, not the folded ones.
            self.folded.hosts.remove(&host_hash(&c.host));
        }
        let e = match self.endpoints.get_mut(&c.host) {
            Some(e) => e,
            None => self.endpoints.entry(c.host.clone()).or_insert_with(|| EndpointStats::new(c, t)),
        };
        e.total.count(req);
        // What was sent matters where it leaves the site, or goes to a tracker.
        let mut row_sent = Vec::new();
        let mut binary_body = None;
        let mut counted = Sent::default();
        if c.party != Party::FirstParty || verdict.is_some() {
            let sent = match &req.sent {
                Some(s) => s.clone(),
                None => sent::detect(&req.url, req.body.as_deref(), req.body_type.as_deref(), req.body_size),
            };
            row_sent.reserve_exact(sent.fields.len());
            for f in &sent.fields {
                // The name is copied into the endpoint's tally only the first time it is seen there.
                let s = match e.sent.get_mut(&f.name) {
                    Some(s) => s,
                    None => e.sent.entry(f.name.clone()).or_insert(SentStats { kind: f.kind, reason: f.reason, requests: 0 }),
                };
                if (f.kind, std::cmp::Reverse(f.reason)) > (s.kind, std::cmp::Reverse(s.reason)) {
                    s.kind = f.kind;
                    s.reason = f.reason;
                }
                s.requests += 1;
                row_sent.push((f.name.clone(), f.kind));
            }
            if let Some(b) = &sent.binary {
                let tally = e.binary.entry(b.content_type.clone()).or_default();
                tally.requests = tally.requests.saturating_add(1);
                tally.bytes_sent = tally.bytes_sent.saturating_add(b.bytes);
                binary_body = Some(b.bytes);
            }
            counted = sent;
        }
        match req.ip {
            Some(ip) => {
                if e.by_ip.contains_key(&ip) || e.by_ip.len() < MAX_IPS || e.by_ip.last_key_value().is_some_and(|(last, _)| ip < *last) {
                    e.by_ip.entry(ip).or_default().count(req, verdict.as_ref());
                } else {
                    e.ips_overflow.count(req, verdict.as_ref());
                }
            }
            None => e.without_ip.count(req, verdict.as_ref()),
        }
        if let Some(v) = &verdict {
            e.by_kind.entry(v.kind()).or_default().count(req);
            if let Some(n) = e.by_rule.get_mut(v) {
                *n = n.saturating_add(1);
            } else if e.by_rule.len() < MAX_RULES || e.by_rule.last_key_value().is_some_and(|(last, _)| v < last) {
                e.by_rule.insert(v.clone(), 1);
            } else {
                e.rules_overflow = e.rules_overflow.saturating_add(1);
            }
        }
        if let Some(conn) = &req.connection {
            let n = e.by_basis.entry(conn.basis).or_insert(0);
            *n = n.saturating_add(1);
            e.dns_names.extend(conn.dns_names.iter().filter(|n| **n != e.host).cloned());
        }
        e.cookies_set = e.cookies_set.saturating_add(u64::from(req.cookies_set));
        e.first_seen_ms = e.first_seen_ms.min(t);
        e.last_seen_ms = e.last_seen_ms.max(t);
        e.trim();
        if is_new {
            self.fold_queue.note(e);
        }
        if self.requests == 0 {
            self.first_seen_ms = t;
        }
        self.first_seen_ms = self.first_seen_ms.min(t);
        self.last_seen_ms = self.last_seen_ms.max(t);
        self.requests += 1;
        let mut url = logged_url(&req.url);
        if url.len() > MAX_LOGGED_URL {
            let mut cut = MAX_LOGGED_URL;
            while !url.is_char_boundary(cut) {
                cut -= 1;
            }
            url.truncate(cut);
            url.push('…');
        }
        if self.log_cap > 0 {
            self.log.push_back(RequestRow {
                time_ms: t,
                host: c.host.clone(),
                url,
                method: req.method.clone(),
                resource_type: req.resource_type,
                status: req.status,
                ip: req.ip,
                bytes_sent: req.bytes_sent,
                bytes_received: req.bytes_received,
                verdict,
                sent: row_sent,
                binary_body,
                connection: req.connection.clone(),
                seq: self.next_seq,
            });
        } else {
            self.log_dropped += 1;
        }
        self.next_seq += 1;
        self.trim_log();
        counted
    }

    /// Counts a request that could not be used.
    pub fn record_skipped(&mut self) {
        self.skipped += 1;
    }

    fn trim_log(&mut self) {
        let cap = usize::try_from(self.log_cap).unwrap_or(usize::MAX);
        // A ring: evicting the oldest row is O(1), not a shift of the whole log.
        while self.log.len() > cap {
            if let Some(row) = self.log.pop_front() {
                if self.evicted.0.len() >= MAX_EVICTED {
                    self.evicted.0.pop_front();
                }
                self.evicted.0.push_back(row);
            }
            self.log_dropped += 1;
        }
    }

    /// Folds another report of the same Site into this one. Commutative and
    /// associative (tested with proptest), so partial reports can be combined
    /// in any order, as long as the endpoints stay within `endpoint_cap`
    /// (always, for exports of a capture). Past it, which endpoint is folded
    /// depends on what was merged first; every total stays exact.
    pub fn merge(&mut self, other: &SiteReport) {
        debug_assert_eq!(self.site, other.site);
        self.fold_queue.clear();
        for (host, o) in &other.endpoints {
            match self.endpoints.get_mut(host) {
                None => {
                    self.endpoints.insert(host.clone(), o.clone());
                }
                Some(e) => e.merge(o),
            }
        }
        let (had_self, had_other) = (self.requests > 0, other.requests > 0);
        self.first_seen_ms = match (had_self, had_other) {
            (true, true) => self.first_seen_ms.min(other.first_seen_ms),
            (false, true) => other.first_seen_ms,
            _ => self.first_seen_ms,
        };
        self.last_seen_ms = self.last_seen_ms.max(other.last_seen_ms);
        self.requests = self.requests.saturating_add(other.requests);
        self.skipped = self.skipped.saturating_add(other.skipped);
        self.log_dropped = self.log_dropped.saturating_add(other.log_dropped);
        self.next_seq = self.next_seq.max(other.next_seq);
        self.log_cap = self.log_cap.min(other.log_cap);
        self.endpoint_cap = self.endpoint_cap.min(other.endpoint_cap);
        self.folded.merge(&other.folded);
        if !self.folded.hosts.is_empty() {
            let listed: BTreeSet<u64> = self.endpoints.keys().map(|k| host_hash(k)).collect();
            self.folded.hosts.retain(|h| !listed.contains(h));
        }
        self.folded.trim_hosts();
        while self.endpoints.len() as u64 > self.endpoint_cap {
            self.fold_one();
        }
        self.log.extend(other.log.iter().cloned());
        self.log.make_contiguous().sort();
        self.trim_log();
    }

    /// Number of endpoints that received at least one tracker request.
    pub fn tracker_endpoints(&self) -> usize {
        self.endpoints.values().filter(|e| !e.by_kind.is_empty()).count()
    }
}

#[cfg(test)]
#[path = "../../tests/unit/aggregate_site_report.rs"]
mod tests;
