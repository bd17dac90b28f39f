//! Host → registrable Domain (eTLD+1) through the Public Suffix List vendored
//! in data/psl. The same list serves the filter engine (see `filters.rs`), so
//! both agree on what "third-party" means.

use std::net::IpAddr;
use std::sync::OnceLock;

use publicsuffix::{List, Psl};

static PSL_TEXT: &str = include_str!("../../data/psl/public_suffix_list.dat");
static PSL: OnceLock<List> = OnceLock::new();

/// The parsed list; parsed once, on first use.
fn list() -> &'static List {
    PSL.get_or_init(|| PSL_TEXT.parse().expect("the vendored Public Suffix List parses (checked by tests/data_contract.rs)"))
}

/// Parses the list now rather than on the first request.
pub fn warm_up() {
    list();
}

/// The registrable domain of `host` (lower-case ASCII, punycode for IDNs).
///
/// IP literals are their own domain. A host that is itself a public suffix
/// (e.g. `co.uk`) or a single label has no registrable domain: the host is
/// returned so that every request still has a Domain to group under.
pub fn registrable_domain(host: &str) -> &str {
    let host = host.strip_suffix('.').unwrap_or(host);
    if host.is_empty() || is_ip_literal(host) {
        return host;
    }
    match list().domain(host.as_bytes()) {
        Some(d) => {
            let len = d.as_bytes().len();
            &host[host.len() - len..]
        }
        None => host,
    }
}

/// True for a host that is an IPv4 or (bracketed) IPv6 literal.
pub fn is_ip_literal(host: &str) -> bool {
    let inner = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')).unwrap_or(host);
    inner.parse::<IpAddr>().is_ok()
}

/// Points the adblock engine's URL parser at our list. Idempotent; called by
/// every entry point that parses URLs, so no call order can trip the engine's
/// "no resolver" panic.
pub(crate) fn install_resolver() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let _ = adblock::url_parser::set_domain_resolver(Box::new(Resolver));
    });
}

/// Adapter so the adblock engine resolves domains through our list.
pub(crate) struct Resolver;

impl adblock::url_parser::ResolvesDomain for Resolver {
    fn get_host_domain(&self, host: &str) -> (usize, usize) {
        let domain = registrable_domain(host);
        (host.len().saturating_sub(domain.len()), host.len())
    }
}

#[cfg(test)]
#[path = "../../tests/unit/classify_domain.rs"]
mod tests;
