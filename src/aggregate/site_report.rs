//! The `SiteReport`: everything observed for one Site, built incrementally
//! and mergeable. It stores only observations (counts, IPs, the matched rule);
//! locations, jurisdictions, findings and the grade are derived when rendered,
//! so a stored report is re-judged under whatever policy the user picks.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::net::IpAddr;

use serde::{Deserialize, Serialize};

use crate::classify::{entity, Category, Classification, ListId, Party};
use crate::observe::{sent, Request, ResourceType, SentKind};

use super::fold::{host_hash, FoldQueue};
pub use super::fold::{Folded, MAX_ENDPOINTS, MAX_FOLDED_HOSTS};

/// Distinct sent field names kept per endpoint; past this, names sorting last are dropped.
pub const MAX_SENT_NAMES: usize = 64;

/// How often an endpoint received a field, and what kind of value it carried.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentStats {
    pub kind: SentKind,
    pub requests: u64,
}

/// Longest URL kept in the request log; longer ones are cut and marked.
pub const MAX_LOGGED_URL: usize = 4096;

/// The list evidence for an endpoint's tracker verdict (the first rule seen,
/// by a fixed order so merges agree).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct TrackerEvidence {
    pub category: Category,
    /// `None`: classed by the entity map, not by a list.
    pub list: Option<ListId>,
    pub rule: Option<String>,
    pub line: u32,
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
    pub ips: BTreeSet<IpAddr>,
    pub requests: u64,
    /// Requests that came without a server IP (cache hits, failed requests).
    pub requests_without_ip: u64,
    pub tracker_requests: u64,
    pub tracker: Option<TrackerEvidence>,
    pub bytes_sent: u64,
    pub bytes_received: u64,
    pub cookies_set: u64,
    pub first_seen_ms: u64,
    pub last_seen_ms: u64,
    /// Field names that carried identifiers or contact details (never their values).
    pub sent: BTreeMap<String, SentStats>,
}

fn trim_sent(sent: &mut BTreeMap<String, SentStats>) {
    while sent.len() > MAX_SENT_NAMES {
        sent.pop_last();
    }
}

/// One request as kept for the CSV export.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct RequestRow {
    pub time_ms: u64,
    pub host: String,
    pub url: String,
    pub method: String,
    pub resource_type: ResourceType,
    pub status: Option<u16>,
    pub ip: Option<IpAddr>,
    pub bytes_sent: u64,
    pub bytes_received: u64,
    pub tracker: Option<Category>,
}

/// Everything known about one Site in one browsing session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteReport {
    pub site: String,
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
    /// Rows evicted from the log (their counts stay in the endpoints).
    pub log_dropped: u64,
    /// Endpoints folded away to keep the report bounded (see [`MAX_ENDPOINTS`]).
    pub folded: Folded,
    /// Which endpoints to fold next: a cache, never stored or compared.
    #[serde(skip)]
    fold_queue: FoldQueue,
}

impl SiteReport {
    pub fn new(site: impl Into<String>, log_cap: u64) -> SiteReport {
        SiteReport {
            site: site.into(),
            endpoints: BTreeMap::new(),
            requests: 0,
            skipped: 0,
            first_seen_ms: 0,
            last_seen_ms: 0,
            log: VecDeque::new(),
            log_cap,
            log_dropped: 0,
            folded: Folded::default(),
            fold_queue: FoldQueue::default(),
        }
    }

    /// Folds the least telling endpoint away (see [`MAX_ENDPOINTS`]).
    fn fold_one(&mut self) {
        let Some(victim) = self.fold_queue.next_victim(&self.endpoints) else { return };
        let Some(e) = self.endpoints.remove(&victim) else { return };
        self.folded.add(&e);
    }

    /// Adds one classified request.
    pub fn record(&mut self, req: &Request, c: &Classification) {
        let t = req.time_ms;
        let tracker = c.tracker.as_ref().map(|t| TrackerEvidence {
            category: t.category,
            list: t.rule.as_ref().map(|r| r.list),
            rule: t.rule.as_ref().map(|r| r.rule.clone()),
            line: t.rule.as_ref().map_or(0, |r| r.line),
        });
        let is_new = !self.endpoints.contains_key(&c.host);
        if is_new && self.endpoints.len() >= MAX_ENDPOINTS {
            self.fold_one();
        }
        if is_new && !self.folded.hosts.is_empty() {
            // Listed again: counted among the endpoints, not the folded ones.
            self.folded.hosts.remove(&host_hash(&c.host));
        }
        let e = self.endpoints.entry(c.host.clone()).or_insert_with(|| EndpointStats {
            host: c.host.clone(),
            domain: c.domain.clone(),
            party: c.party,
            entity: c.entity.map(|i| entity::entity(i).id.to_string()),
            domain_category: c.domain_category,
            ips: BTreeSet::new(),
            requests: 0,
            requests_without_ip: 0,
            tracker_requests: 0,
            tracker: None,
            bytes_sent: 0,
            bytes_received: 0,
            cookies_set: 0,
            first_seen_ms: t,
            last_seen_ms: t,
            sent: BTreeMap::new(),
        });
        e.requests += 1;
        // What was sent matters where it leaves the site, or goes to a tracker.
        if c.party != crate::classify::Party::FirstParty || c.tracker.is_some() {
            for f in sent::detect(&req.url, req.body.as_deref()) {
                let s = e.sent.entry(f.name).or_insert(SentStats { kind: f.kind, requests: 0 });
                s.kind = s.kind.max(f.kind);
                s.requests += 1;
            }
            trim_sent(&mut e.sent);
        }
        match req.ip {
            Some(ip) => {
                e.ips.insert(ip);
            }
            None => e.requests_without_ip += 1,
        }
        if let Some(ev) = &tracker {
            e.tracker_requests = e.tracker_requests.saturating_add(1);
            if e.tracker.as_ref().is_none_or(|old| ev < old) {
                e.tracker = Some(ev.clone());
            }
        }
        e.bytes_sent = e.bytes_sent.saturating_add(req.bytes_sent);
        e.bytes_received = e.bytes_received.saturating_add(req.bytes_received);
        e.cookies_set = e.cookies_set.saturating_add(u64::from(req.cookies_set));
        e.first_seen_ms = e.first_seen_ms.min(t);
        e.last_seen_ms = e.last_seen_ms.max(t);
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
            tracker: tracker.map(|t| t.category),
        });
        self.trim_log();
    }

    /// Counts a request that could not be used.
    pub fn record_skipped(&mut self) {
        self.skipped += 1;
    }

    fn trim_log(&mut self) {
        let cap = usize::try_from(self.log_cap).unwrap_or(usize::MAX);
        // A ring: evicting the oldest row is O(1), not a shift of the whole log.
        while self.log.len() > cap {
            self.log.pop_front();
            self.log_dropped += 1;
        }
    }

    /// Folds another report of the same Site into this one. Commutative and
    /// associative (tested with proptest), so partial reports can be combined
    /// in any order.
    pub fn merge(&mut self, other: &SiteReport) {
        debug_assert_eq!(self.site, other.site);
        self.fold_queue.clear();
        for (host, o) in &other.endpoints {
            match self.endpoints.get_mut(host) {
                None => {
                    self.endpoints.insert(host.clone(), o.clone());
                }
                Some(e) => {
                    e.ips.extend(o.ips.iter().copied());
                    e.requests = e.requests.saturating_add(o.requests);
                    e.requests_without_ip = e.requests_without_ip.saturating_add(o.requests_without_ip);
                    e.tracker_requests = e.tracker_requests.saturating_add(o.tracker_requests);
                    e.tracker = match (e.tracker.take(), &o.tracker) {
                        (Some(a), Some(b)) => Some(a.min(b.clone())),
                        (a, b) => a.or_else(|| b.clone()),
                    };
                    e.bytes_sent = e.bytes_sent.saturating_add(o.bytes_sent);
                    e.bytes_received = e.bytes_received.saturating_add(o.bytes_received);
                    e.cookies_set = e.cookies_set.saturating_add(o.cookies_set);
                    e.first_seen_ms = e.first_seen_ms.min(o.first_seen_ms);
                    e.last_seen_ms = e.last_seen_ms.max(o.last_seen_ms);
                    for (name, st) in &o.sent {
                        let s = e.sent.entry(name.clone()).or_insert(SentStats { kind: st.kind, requests: 0 });
                        s.kind = s.kind.max(st.kind);
                        s.requests = s.requests.saturating_add(st.requests);
                    }
                    trim_sent(&mut e.sent);
                }
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
        self.log_cap = self.log_cap.min(other.log_cap);
        let (f, o) = (&mut self.folded, &other.folded);
        f.hosts_overflow = f.hosts_overflow.saturating_add(o.hosts_overflow);
        f.hosts.extend(o.hosts.iter().copied());
        if !f.hosts.is_empty() {
            let listed: BTreeSet<u64> = self.endpoints.keys().map(|k| host_hash(k)).collect();
            f.hosts.retain(|h| !listed.contains(h));
        }
        while f.hosts.len() > MAX_FOLDED_HOSTS {
            f.hosts.pop_last();
            f.hosts_overflow = f.hosts_overflow.saturating_add(1);
        }
        f.requests = f.requests.saturating_add(o.requests);
        f.tracker_requests = f.tracker_requests.saturating_add(o.tracker_requests);
        f.third_party_requests = f.third_party_requests.saturating_add(o.third_party_requests);
        f.third_party_cookies = f.third_party_cookies.saturating_add(o.third_party_cookies);
        f.bytes_sent = f.bytes_sent.saturating_add(o.bytes_sent);
        f.bytes_received = f.bytes_received.saturating_add(o.bytes_received);
        while self.endpoints.len() > MAX_ENDPOINTS {
            self.fold_one();
        }
        self.log.extend(other.log.iter().cloned());
        self.log.make_contiguous().sort();
        self.trim_log();
    }

    /// Number of endpoints that received at least one tracker request.
    pub fn tracker_endpoints(&self) -> usize {
        self.endpoints.values().filter(|e| e.tracker_requests > 0).count()
    }
}

/// A URL as the log keeps it: control and direction-override characters
/// (which a capture can hold raw) percent-encoded, so no export shows them.
fn logged_url(url: &str) -> String {
    if !url.chars().any(|c| c.is_control() || crate::observe::sent::is_bidi_control(c)) {
        return url.to_string();
    }
    let mut out = String::with_capacity(url.len() + 16);
    for c in url.chars() {
        if c.is_control() || crate::observe::sent::is_bidi_control(c) {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
#[path = "../../tests/unit/aggregate_site_report.rs"]
mod tests;
