//! Folding: how a report stays bounded however many hosts a page contacts.
//! Past [`MAX_ENDPOINTS`], the least telling endpoint is folded into
//! [`Folded`]. Choosing it used to scan every endpoint per fold; [`FoldQueue`]
//! keeps the next candidates in order, so a page that contacts thousands of
//! new hosts costs O(log n) per host, not O(n).

use std::collections::{BTreeMap, BTreeSet};
use std::net::IpAddr;

use serde::{Deserialize, Serialize};

use super::site_report::{EndpointStats, ServerTally};
use crate::classify::Party;

/// Most endpoints a report keeps in detail. Past it, the least telling one (a
/// non-tracker before a tracker, then the longest unseen) is folded into
/// [`Folded`]: its counts stay in the totals, its details go. This bounds a
/// visit's memory and snapshot (well inside `storage.session`'s 10 MB) however
/// many hosts a page contacts.
pub const MAX_ENDPOINTS: usize = 4096;

/// What folded endpoints contributed, so totals stay complete.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Folded {
    /// Hashes (FNV-1a) of the hosts folded and not listed again since, so
    /// distinct endpoints are counted once however often a host comes back.
    pub hosts: BTreeSet<u64>,
    /// Folded hosts past `MAX_FOLDED_HOSTS` (16,384), counted without being kept.
    pub hosts_overflow: u64,
    pub requests: u64,
    pub tracker_requests: u64,
    pub third_party_requests: u64,
    pub third_party_cookies: u64,
    pub bytes_sent: u64,
    pub bytes_received: u64,
    /// Their requests per server IP, so countries and networks still count
    /// them (at most `MAX_FOLDED_IPS`, 4,096, the IPs sorting last counted in `ips_overflow`).
    pub by_ip: BTreeMap<IpAddr, ServerTally>,
    pub without_ip: ServerTally,
    pub ips_overflow: ServerTally,
}

/// Most folded-host hashes kept (8 bytes each).
pub const MAX_FOLDED_HOSTS: usize = 16_384;
/// Most server IPs of folded endpoints kept with their counts.
pub const MAX_FOLDED_IPS: usize = 4_096;

/// A hash that never changes between builds: snapshots keep it.
pub(super) fn host_hash(host: &str) -> u64 {
    host.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

impl Folded {
    /// Distinct endpoints folded away and not listed.
    pub fn endpoints(&self) -> u64 {
        (self.hosts.len() as u64).saturating_add(self.hosts_overflow)
    }

    /// Takes in an endpoint's counts as it is folded away.
    pub(super) fn add(&mut self, e: &EndpointStats) {
        self.note_host(host_hash(&e.host));
        self.requests = self.requests.saturating_add(e.requests());
        self.tracker_requests = self.tracker_requests.saturating_add(e.tracker_requests());
        if e.party == Party::ThirdParty {
            self.third_party_requests = self.third_party_requests.saturating_add(e.requests());
            self.third_party_cookies = self.third_party_cookies.saturating_add(e.cookies_set);
        }
        self.bytes_sent = self.bytes_sent.saturating_add(e.total.bytes_sent);
        self.bytes_received = self.bytes_received.saturating_add(e.total.bytes_received);
        for (ip, t) in &e.by_ip {
            self.by_ip.entry(*ip).or_default().add(t);
        }
        self.without_ip.add(&e.without_ip);
        self.ips_overflow.add(&e.ips_overflow);
        self.trim_ips();
    }

    fn trim_ips(&mut self) {
        while self.by_ip.len() > MAX_FOLDED_IPS {
            if let Some((_, t)) = self.by_ip.pop_last() {
                self.ips_overflow.add(&t);
            }
        }
    }

    /// Keeps at most [`MAX_FOLDED_HOSTS`] hashes, counting the rest.
    pub(super) fn trim_hosts(&mut self) {
        while self.hosts.len() > MAX_FOLDED_HOSTS {
            self.hosts.pop_last();
            self.hosts_overflow = self.hosts_overflow.saturating_add(1);
        }
    }

    /// Adds another report's folded counts (commutative and associative);
    /// the caller drops the hashes of hosts listed again, then trims.
    pub(super) fn merge(&mut self, o: &Folded) {
        self.hosts_overflow = self.hosts_overflow.saturating_add(o.hosts_overflow);
        self.hosts.extend(o.hosts.iter().copied());
        self.requests = self.requests.saturating_add(o.requests);
        self.tracker_requests = self.tracker_requests.saturating_add(o.tracker_requests);
        self.third_party_requests = self.third_party_requests.saturating_add(o.third_party_requests);
        self.third_party_cookies = self.third_party_cookies.saturating_add(o.third_party_cookies);
        self.bytes_sent = self.bytes_sent.saturating_add(o.bytes_sent);
        self.bytes_received = self.bytes_received.saturating_add(o.bytes_received);
        for (ip, t) in &o.by_ip {
            self.by_ip.entry(*ip).or_default().add(t);
        }
        self.without_ip.add(&o.without_ip);
        self.ips_overflow.add(&o.ips_overflow);
        self.trim_ips();
    }

    /// Keeps the hash as `trim_hosts` would after inserting it: the set
    /// holds the smallest hashes ever folded and not listed again, so
    /// recording and merging keep the same ones. (`hosts_overflow` counts
    /// hashes dropped, so a host folded again after its hash was dropped is
    /// counted again: past 16,384 folded hosts the count is an upper bound.)
    fn note_host(&mut self, hash: u64) {
        self.hosts.insert(hash);
        self.trim_hosts();
    }
}

/// How telling an endpoint is, least first: a non-tracker before a tracker,
/// then the longest unseen, then by host (so the choice is deterministic).
/// Keys only grow as requests arrive (a tracker stays one, the last-seen time
/// only moves on), which is what lets [`FoldQueue`] be lazy.
type FoldKey = (bool, u64, String);

fn fold_key(e: &EndpointStats) -> FoldKey {
    (!e.by_kind.is_empty(), e.last_seen_ms, e.host.clone())
}

/// How many candidates one scan of the endpoints yields.
const BATCH: usize = 256;

/// The next endpoints to fold, least telling first. Invariant: every endpoint
/// whose key is at most `bound` has an entry in `keys`, under its current key
/// or an older (smaller) one. So the first entry that is still current is the
/// least telling endpoint of all, and one scan serves [`BATCH`] folds.
#[derive(Debug, Clone, Default)]
pub(super) struct FoldQueue {
    keys: BTreeSet<FoldKey>,
    bound: Option<FoldKey>,
}

/// A cache: two reports with the same endpoints are equal whatever it holds.
impl PartialEq for FoldQueue {
    fn eq(&self, _: &FoldQueue) -> bool {
        true
    }
}
impl Eq for FoldQueue {}

impl FoldQueue {
    /// The host of the least telling endpoint, or `None` when there is none.
    pub(super) fn next_victim(&mut self, endpoints: &BTreeMap<String, EndpointStats>) -> Option<String> {
        loop {
            if self.keys.is_empty() {
                self.refill(endpoints);
            }
            let key = self.keys.pop_first()?;
            let Some(e) = endpoints.get(&key.2) else { continue };
            let now = fold_key(e);
            if now == key {
                return Some(key.2);
            }
            // Seen again since: back in line under its current key, if still a candidate.
            if self.bound.as_ref().is_some_and(|b| now <= *b) {
                self.keys.insert(now);
            }
        }
    }

    /// A new endpoint (or one whose key just changed) is a candidate if it
    /// sorts before the bound; call with its key after the request is counted.
    pub(super) fn note(&mut self, e: &EndpointStats) {
        if self.bound.is_some() {
            let key = fold_key(e);
            if self.bound.as_ref().is_some_and(|b| key <= *b) {
                self.keys.insert(key);
            }
        }
    }

    /// Forgets everything (endpoints were replaced wholesale, as by a merge).
    pub(super) fn clear(&mut self) {
        self.keys.clear();
        self.bound = None;
    }

    /// The [`BATCH`] least telling endpoints, from one scan.
    fn refill(&mut self, endpoints: &BTreeMap<String, EndpointStats>) {
        let mut all: Vec<(bool, u64, &str)> = endpoints.values().map(|e| (!e.by_kind.is_empty(), e.last_seen_ms, e.host.as_str())).collect();
        if all.len() > BATCH {
            all.select_nth_unstable(BATCH - 1);
            all.truncate(BATCH);
        }
        self.keys = all.iter().map(|&(t, s, h)| (t, s, h.to_string())).collect();
        self.bound = self.keys.last().cloned();
    }
}
