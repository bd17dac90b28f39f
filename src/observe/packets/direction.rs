//! Which side of a connection is the client's when its handshake was not
//! captured, and which servers carry encrypted DNS.

use std::net::IpAddr;

/// Ports whose side of a connection is the server's, when no handshake says which.
pub(super) fn server_port(p: u16) -> bool {
    matches!(p, 53 | 80 | 123 | 443 | 853 | 5222 | 5223 | 5228 | 8080 | 8443) || p < 1024
}

/// Whether an address is on the device's side of a capture: private,
/// shared (CGNAT), link-local, loopback or unique-local. PCAPdroid's VPN
/// addresses (10.215.173.x) are private.
pub(super) fn device_side(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(a) => a.is_private() || a.is_loopback() || a.is_link_local() || (a.octets()[0] == 100 && a.octets()[1] & 0xc0 == 64),
        IpAddr::V6(a) => a.is_loopback() || (a.segments()[0] & 0xfe00) == 0xfc00 || (a.segments()[0] & 0xffc0) == 0xfe80,
    }
}

/// For a packet of a connection whose handshake was not captured: whether
/// its sender is the client. The device's side (a private address talking to
/// a public one) is the client; else the side on a server port is the
/// server; else the side on an ephemeral port (32768 and up) is the client;
/// else the first sender.
pub(super) fn client_side(src: (IpAddr, u16), dst: (IpAddr, u16)) -> bool {
    match (device_side(src.0), device_side(dst.0)) {
        (true, false) => return true,
        (false, true) => return false,
        _ => {}
    }
    match (server_port(src.1), server_port(dst.1)) {
        (true, false) => return false,
        (false, true) => return true,
        _ => {}
    }
    !matches!((src.1 >= 32768, dst.1 >= 32768), (false, true))
}

/// Well-known DNS-over-HTTPS resolvers (their addresses): a connection to one
/// on port 443 carries DNS the capture cannot read.
pub(super) fn doh_resolver(ip: IpAddr) -> bool {
    const KNOWN: [&str; 10] = [
        "1.1.1.1",
        "1.0.0.1",
        "8.8.8.8",
        "8.8.4.4",
        "9.9.9.9",
        "149.112.112.112",
        "2606:4700:4700::1111",
        "2606:4700:4700::1001",
        "2001:4860:4860::8888",
        "2001:4860:4860::8844",
    ];
    KNOWN.iter().any(|k| k.parse::<IpAddr>().is_ok_and(|a| a == ip))
}
