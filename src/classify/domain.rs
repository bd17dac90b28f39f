//! Host → registrable Domain (eTLD+1) through the Public Suffix List vendored
//! in data/psl, compiled by the build step (build/psl.rs) into sorted tables:
//! no text parsing at start-up; the tables are put in hash sets on first use
//! (about half a millisecond) so each lookup is a few hash probes. The same list
//! serves the filter engine (see `filters.rs`), so both agree on what
//! "third-party" means. `tests/unit/classify_domain.rs` checks it against the
//! official test vectors and against the `publicsuffix` crate on every rule.

use std::net::IpAddr;
use std::sync::OnceLock;

use rustc_hash::FxHashSet;

include!(concat!(env!("OUT_DIR"), "/psl.rs"));

/// Rules, wildcard bases and exceptions, as hash sets.
struct Sets {
    rules: FxHashSet<&'static str>,
    wildcards: FxHashSet<&'static str>,
    exceptions: FxHashSet<&'static str>,
}

fn sets() -> &'static Sets {
    static SETS: OnceLock<Sets> = OnceLock::new();
    SETS.get_or_init(|| Sets {
        rules: RULES.iter().copied().collect(),
        wildcards: WILDCARDS.iter().copied().collect(),
        exceptions: EXCEPTIONS.iter().copied().collect(),
    })
}

/// Builds the lookup sets now rather than on the first request.
pub fn warm_up() {
    sets();
}

/// Length in bytes of the public suffix at the end of `host` (lower-case
/// ASCII, no trailing dot), by the PSL algorithm: the longest matching rule
/// prevails, exception rules beat wildcards, and an unlisted TLD is a suffix.
fn suffix_len(host: &str) -> usize {
    let Sets { rules, wildcards, exceptions } = sets();
    // Candidate suffixes from the longest (the whole host) to the last label.
    // Hosts are short: a byte loop finds dots faster than a searcher's set-up.
    let bytes = host.as_bytes();
    let mut start = 0;
    loop {
        let candidate = &host[start..];
        let dot = bytes[start..].iter().position(|&b| b == b'.');
        if exceptions.contains(candidate) {
            // "!www.ck": the suffix is what follows the exception's first label.
            return dot.map_or(0, |d| candidate.len() - d - 1);
        }
        if rules.contains(candidate) {
            return candidate.len();
        }
        match dot {
            Some(d) => {
                if wildcards.contains(&candidate[d + 1..]) {
                    return candidate.len();
                }
                start += d + 1;
            }
            None => return candidate.len(), // the implicit "*" rule
        }
    }
}

/// The registrable domain of `host` (lower-case ASCII, punycode for IDNs).
///
/// IP literals are their own domain. A host that is itself a public suffix
/// (e.g. `co.uk`) or a single label has no registrable domain: the host is
/// returned so that every request still has a Domain to group under.
pub fn registrable_domain(host: &str) -> &str {
    let host = host.strip_suffix('.').unwrap_or(host);
    if host.is_empty() || host.starts_with('.') || host.as_bytes().windows(2).any(|w| w == b"..") || is_ip_literal(host) {
        return host;
    }
    let suffix = suffix_len(host);
    if suffix >= host.len() {
        return host;
    }
    // One more label to the left of the suffix.
    let head = &host[..host.len() - suffix - 1];
    let label_start = head.bytes().rposition(|b| b == b'.').map_or(0, |i| i + 1);
    &host[label_start..]
}

/// True when `host` is itself a public suffix (or a bare TLD).
pub fn is_public_suffix(host: &str) -> bool {
    let host = host.strip_suffix('.').unwrap_or(host);
    !host.is_empty() && suffix_len(host) >= host.len()
}

/// True for a host that is an IPv4 or (bracketed) IPv6 literal.
pub fn is_ip_literal(host: &str) -> bool {
    // An IPv4 address ends in a digit and an IPv6 one has colons: most hosts
    // are neither, and skip the parse.
    if !host.ends_with(|c: char| c.is_ascii_digit()) && !host.contains(':') {
        return false;
    }
    let inner = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')).unwrap_or(host);
    inner.parse::<IpAddr>().is_ok()
}

/// The three tables, for tests that compare them with other implementations.
#[doc(hidden)]
pub fn tables() -> [&'static [&'static str]; 3] {
    [RULES, WILDCARDS, EXCEPTIONS]
}

#[cfg(test)]
#[path = "../../tests/unit/classify_domain.rs"]
mod tests;
