//! Where a connection's host name comes from: the TLS ClientHello's server
//! name (over TCP, or inside a QUIC Initial), an HTTP request's Host header,
//! or a DNS answer that gave the server's address.

use std::net::IpAddr;

use tls_parser::{parse_tls_client_hello_extensions, parse_tls_message_handshake, TlsExtension, TlsMessage, TlsMessageHandshake};

/// The TLS extension number of Encrypted Client Hello (draft-ietf-tls-esni).
const ECH_EXTENSION: u16 = 0xfe0d;

/// What a ClientHello says about the server it is for.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Hello {
    /// The server name, lower-cased; `None` when the hello names none.
    pub sni: Option<String>,
    /// The hello carries an Encrypted Client Hello extension (real, and then
    /// the name above is the outer, public one; or GREASE).
    pub ech: bool,
}

/// What the bytes at the start of a client's TLS stream are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelloRead {
    Hello(Hello),
    /// More bytes are needed (a ClientHello spread over several segments).
    Incomplete,
    /// Not a ClientHello (another protocol, or a stream joined mid-way).
    NotHello,
}

/// Reads a ClientHello from the start of a TLS stream (records, as sent over TCP).
pub fn tls_stream_hello(stream: &[u8]) -> HelloRead {
    // Record header: content type 22 (handshake), version 3.x, length.
    if stream.len() < 5 {
        return if stream.first().is_none_or(|b| *b == 22) { HelloRead::Incomplete } else { HelloRead::NotHello };
    }
    if stream[0] != 22 || stream[1] != 3 {
        return HelloRead::NotHello;
    }
    // A hello may span several records: join their payloads.
    let mut handshake = Vec::new();
    let mut rest = stream;
    while rest.len() >= 5 && rest[0] == 22 {
        let len = usize::from(u16::from_be_bytes([rest[3], rest[4]]));
        let Some(body) = rest.get(5..5 + len) else {
            handshake.extend_from_slice(&rest[5..]);
            break;
        };
        handshake.extend_from_slice(body);
        rest = &rest[5 + len..];
        if handshake_complete(&handshake) {
            break;
        }
    }
    handshake_hello(&handshake)
}

/// Whether `h` holds a whole handshake message (type, 3-byte length, body).
fn handshake_complete(h: &[u8]) -> bool {
    h.len() >= 4 && h.len() >= 4 + (usize::from(h[1]) << 16 | usize::from(h[2]) << 8 | usize::from(h[3]))
}

/// Reads a ClientHello handshake message (as a QUIC Initial's CRYPTO frames carry it).
pub fn handshake_hello(h: &[u8]) -> HelloRead {
    match h.first() {
        None => return HelloRead::Incomplete,
        Some(1) => {}
        Some(_) => return HelloRead::NotHello,
    }
    if !handshake_complete(h) {
        return HelloRead::Incomplete;
    }
    let Ok((_, TlsMessage::Handshake(TlsMessageHandshake::ClientHello(hello)))) = parse_tls_message_handshake(h) else {
        return HelloRead::NotHello;
    };
    let mut out = Hello::default();
    if let Some(ext) = hello.ext {
        if let Ok((_, exts)) = parse_tls_client_hello_extensions(ext) {
            for e in exts {
                match e {
                    TlsExtension::SNI(names) => {
                        out.sni = names.iter().find(|(t, _)| t.0 == 0).and_then(|(_, n)| host_name(n));
                    }
                    TlsExtension::Unknown(t, _) if t.0 == ECH_EXTENSION => out.ech = true,
                    _ => {}
                }
            }
        }
    }
    HelloRead::Hello(out)
}

/// A host name as sent on the wire, if it is one: ASCII letters, digits,
/// `-`, `_` and dots, lower-cased. Anything else is hostile or garbage.
pub fn host_name(raw: &[u8]) -> Option<String> {
    let s = std::str::from_utf8(raw).ok()?.trim_end_matches('.');
    let ok = !s.is_empty() && s.len() <= 253 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.' || b == b'_');
    ok.then(|| s.to_ascii_lowercase())
}

/// What the start of a client's plain-text stream says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HttpRead {
    /// An HTTP/1 request with this Host (`None` when it sent none).
    Host(Option<String>),
    Incomplete,
    NotHttp,
}

const METHODS: [&str; 9] = ["GET ", "POST ", "HEAD ", "PUT ", "DELETE ", "OPTIONS ", "PATCH ", "CONNECT ", "TRACE "];

/// Reads the Host header of an HTTP/1 request at the start of a stream.
pub fn http_host(stream: &[u8]) -> HttpRead {
    let starts = METHODS.iter().any(|m| {
        let n = m.len().min(stream.len());
        stream[..n] == m.as_bytes()[..n]
    });
    if !starts {
        return HttpRead::NotHttp;
    }
    let Some(end) = stream.windows(4).position(|w| w == b"\r\n\r\n") else {
        return if stream.len() >= super::MAX_CLIENT_BYTES { HttpRead::Host(None) } else { HttpRead::Incomplete };
    };
    let head = &stream[..end];
    let host = head.split(|b| *b == b'\n').skip(1).find_map(|line| {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        let colon = line.iter().position(|b| *b == b':')?;
        if !line[..colon].eq_ignore_ascii_case(b"host") {
            return None;
        }
        let value = std::str::from_utf8(&line[colon + 1..]).ok()?.trim();
        // Host may carry a port.
        let name = match value.rsplit_once(':') {
            Some((h, p)) if p.bytes().all(|b| b.is_ascii_digit()) && !h.contains(':') => h,
            _ => value,
        };
        host_name(name.as_bytes())
    });
    HttpRead::Host(host)
}

/// One address a DNS answer gave for a name, with the chain of names
/// (the name asked, then each CNAME) that led to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DnsAnswer {
    pub ip: IpAddr,
    /// The name the client asked for first, then the aliases in order.
    pub chain: Vec<String>,
}

/// Most addresses read from one DNS response (real answers carry a handful).
const MAX_ADDRESSES_PER_ANSWER: usize = 64;
/// Longest CNAME chain followed.
const MAX_CHAIN: usize = 16;

/// The addresses a DNS response message gives, each with its CNAME chain
/// (at most `MAX_ADDRESSES_PER_ANSWER` of them).
/// `None` when the bytes are not a DNS response.
pub fn dns_answers(message: &[u8]) -> Option<Vec<DnsAnswer>> {
    use simple_dns::rdata::RData;
    let packet = simple_dns::Packet::parse(message).ok()?;
    if !packet.has_flags(simple_dns::PacketFlag::RESPONSE) {
        return None;
    }
    let asked: Vec<String> = packet.questions.iter().filter_map(|q| host_name(q.qname.to_string().as_bytes())).collect();
    // CNAME edges by target (the first answer for a target wins), and the addresses.
    let mut alias_of: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    let mut addrs: Vec<(String, IpAddr)> = Vec::new();
    for rr in &packet.answers {
        let Some(owner) = host_name(rr.name.to_string().as_bytes()) else { continue };
        match &rr.rdata {
            RData::CNAME(c) => {
                if let Some(target) = host_name(c.0.to_string().as_bytes()) {
                    alias_of.entry(target).or_insert(owner);
                }
            }
            RData::A(a) if addrs.len() < MAX_ADDRESSES_PER_ANSWER => addrs.push((owner, IpAddr::V4(std::net::Ipv4Addr::from(a.address)))),
            RData::AAAA(a) if addrs.len() < MAX_ADDRESSES_PER_ANSWER => addrs.push((owner, IpAddr::V6(std::net::Ipv6Addr::from(a.address)))),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for (owner, ip) in addrs {
        // Walk back from the address's owner to a name the client asked.
        let mut chain = vec![owner.clone()];
        let mut cur = owner;
        while chain.len() < MAX_CHAIN {
            match alias_of.get(&cur) {
                Some(from) if !chain.contains(from) => {
                    chain.push(from.clone());
                    cur = from.clone();
                }
                _ => break,
            }
        }
        chain.reverse();
        if !asked.is_empty() && !asked.contains(&chain[0]) {
            // An answer for a name nobody asked about in this message: not evidence.
            continue;
        }
        out.push(DnsAnswer { ip, chain });
    }
    Some(out)
}
