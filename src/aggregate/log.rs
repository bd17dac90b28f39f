//! The per-request log: one row per request with its own facts, as the CSV
//! export writes them, and the hand-off of rows the extension's bounded ring
//! evicts (kept in IndexedDB by the shell and put back on export).

use std::collections::{BTreeMap, VecDeque};
use std::net::IpAddr;

use serde::{Deserialize, Serialize};

use super::site_report::{SiteReport, Verdict};
use crate::observe::{ResourceType, SentKind};

/// Longest URL kept in the request log; longer ones are cut and marked.
pub const MAX_LOGGED_URL: usize = 4096;

/// One request as kept for the CSV export: its own facts, not its host's.
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
    /// This request's tracker verdict (category, list, line, rule).
    pub verdict: Option<Verdict>,
    /// Flagged fields this request sent (names and kinds, never values).
    pub sent: Vec<(String, SentKind)>,
    /// Size of a binary body this request sent (not read for fields).
    pub binary_body: Option<u64>,
    /// For a connection from a packet capture: its protocol, port and how its name was learned.
    pub connection: Option<crate::observe::packets::ConnectionFacts>,
    /// The request's place in its Site's report (0, 1, 2, …): rows spilled
    /// out of the ring and read back are put in order and counted once by it.
    pub seq: u64,
}

/// Rows evicted from the log's ring since the shell last took them (the
/// extension keeps them in IndexedDB, so its CSV has every request). A
/// hand-off buffer, never stored or compared; a ring, so dropping the oldest
/// row when it is full is O(1) (it was a shift of up to 8,192 rows).
#[derive(Debug, Clone, Default)]
pub struct Evicted(pub VecDeque<RequestRow>);

/// Most evicted rows held for the shell; past it the oldest go (counted in `log_dropped`).
pub const MAX_EVICTED: usize = 8_192;

impl PartialEq for Evicted {
    fn eq(&self, _: &Evicted) -> bool {
        true
    }
}
impl Eq for Evicted {}

impl SiteReport {
    /// Takes the rows evicted from the ring since the last call, oldest first.
    pub fn take_evicted(&mut self) -> Vec<RequestRow> {
        Vec::from(std::mem::take(&mut self.evicted.0))
    }

    /// The log with rows read back from the shell's spill store put in
    /// place: every row once (by `seq`), in the order recorded. Returns the
    /// rows and how many of the visit's requests are in neither.
    pub fn log_with(&self, spilled: Vec<RequestRow>) -> (Vec<RequestRow>, u64) {
        // A row from before this visit (left behind if the shell stopped
        // between a navigation and deleting what it kept) is older than the
        // visit's first request: never taken for one of this visit's.
        let mut rows: BTreeMap<u64, RequestRow> =
            spilled.into_iter().filter(|r| r.seq < self.next_seq && r.time_ms >= self.first_seen_ms).map(|r| (r.seq, r)).collect();
        // Rows evicted but not yet taken by the shell (say, evicted while a
        // journal was replayed) are the visit's too.
        for r in self.evicted.0.iter().chain(&self.log) {
            rows.insert(r.seq, r.clone());
        }
        let missing = self.requests.saturating_sub(rows.len() as u64);
        (rows.into_values().collect(), missing)
    }
}

/// A URL as the log keeps it: control and direction-override characters
/// (which a capture can hold raw) percent-encoded, so no export shows them.
pub(super) fn logged_url(url: &str) -> String {
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
