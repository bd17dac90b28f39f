//! Location: what the tables say about one IP — country with how it is known,
//! and the network (ASN and organisation) that announces it.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use serde::{Deserialize, Serialize};

/// How a country is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Basis {
    /// From regional internet registry (whois) records: where the address
    /// block is registered, which is not always where the server stands.
    Registered,
    /// A loopback, private or reserved address: on this machine or network, no country.
    Local,
    /// From a user- or test-supplied overlay table.
    Overlay,
    /// No IP known (cache hit, capture without `serverIPAddress`), or no data for it.
    Unknown,
}

impl Basis {
    pub fn label(self) -> &'static str {
        match self {
            Basis::Registered => "registered",
            Basis::Local => "local",
            Basis::Overlay => "overlay",
            Basis::Unknown => "unknown",
        }
    }
}

/// Where one IP is, as far as the tables know.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Location {
    #[schemars(with = "String")]
    pub ip: IpAddr,
    /// ISO 3166-1 alpha-2, or null when local or unknown.
    pub country: Option<String>,
    pub basis: Basis,
    /// The autonomous system announcing the address.
    pub asn: Option<u32>,
    /// The organisation behind that AS, e.g. "ORACLE-BMC-31898".
    pub network: Option<String>,
}

/// An overlay row: a network (address and prefix length) with the facts to report for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OverlayEntry {
    pub network: IpAddr,
    pub prefix: u8,
    pub country: Option<String>,
    pub asn: Option<u32>,
    pub organisation: Option<String>,
}

impl OverlayEntry {
    pub(crate) fn contains(&self, ip: IpAddr) -> bool {
        match (self.network, ip) {
            (IpAddr::V4(n), IpAddr::V4(a)) => prefix_match(u128::from(u32::from(n)), u128::from(u32::from(a)), self.prefix, 32),
            (IpAddr::V6(n), IpAddr::V6(a)) => prefix_match(u128::from(n), u128::from(a), self.prefix, 128),
            _ => false,
        }
    }
}

fn prefix_match(net: u128, addr: u128, prefix: u8, bits: u32) -> bool {
    let prefix = u32::from(prefix).min(bits);
    if prefix == 0 {
        return true;
    }
    let shift = bits - prefix;
    (net >> shift) == (addr >> shift)
}

/// Loopback, private, link-local, shared (CGNAT), documentation, benchmarking,
/// multicast and reserved ranges (RFC 6890 and friends): never given a country.
pub fn is_local(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_local_v4(v4),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => is_local_v4(v4),
            None => is_local_v6(v6),
        },
    }
}

fn is_local_v4(ip: Ipv4Addr) -> bool {
    let o = ip.octets();
    ip.is_unspecified()
        || ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local()
        || ip.is_multicast()
        || ip.is_broadcast()
        || ip.is_documentation()
        || o[0] == 0
        || o[0] >= 240
        || (o[0] == 100 && (o[1] & 0xc0) == 64) // 100.64.0.0/10 shared address space
        || (o[0] == 198 && (o[1] & 0xfe) == 18) // 198.18.0.0/15 benchmarking
        || (o[0] == 192 && o[1] == 0 && o[2] == 0) // 192.0.0.0/24 IETF protocol assignments
}

fn is_local_v6(ip: Ipv6Addr) -> bool {
    let s = ip.segments();
    ip.is_unspecified()
        || ip.is_loopback()
        || ip.is_multicast()
        || (s[0] & 0xfe00) == 0xfc00 // fc00::/7 unique local
        || (s[0] & 0xffc0) == 0xfe80 // fe80::/10 link-local
        || (s[0] == 0x2001 && s[1] == 0x0db8) // 2001:db8::/32 documentation
        || (s[0] == 0x0100 && s[1] == 0 && s[2] == 0 && s[3] == 0) // 100::/64 discard
}

#[cfg(test)]
#[path = "../../tests/unit/locate_location.rs"]
mod tests;
