//! Builds packet captures byte by byte from the published layouts (pcap,
//! pcapng, PCAPdroid's trailer and app block), with real TLS ClientHellos,
//! HTTP requests and DNS messages inside, for the reader's tests and fixtures.
#![allow(dead_code)]

use std::net::IpAddr;

use etherparse::PacketBuilder;

/// One packet: its time and its IP bytes.
#[derive(Clone)]
pub struct Pkt {
    pub ms: u64,
    pub ip: Vec<u8>,
    pub uid: Option<i32>,
}

/// An IP packet carrying TCP.
pub fn tcp(src: (IpAddr, u16), dst: (IpAddr, u16), seq: u32, flags: &str, payload: &[u8]) -> Vec<u8> {
    let b = match (src.0, dst.0) {
        (IpAddr::V4(s), IpAddr::V4(d)) => PacketBuilder::ipv4(s.octets(), d.octets(), 64),
        (IpAddr::V6(s), IpAddr::V6(d)) => PacketBuilder::ipv6(s.octets(), d.octets(), 64),
        _ => panic!("mixed families"),
    };
    let mut t = b.tcp(src.1, dst.1, seq, 65535);
    if flags.contains('S') {
        t = t.syn();
    }
    if flags.contains('A') {
        t = t.ack(1);
    }
    if flags.contains('F') {
        t = t.fin();
    }
    if flags.contains('P') {
        t = t.psh();
    }
    let mut out = Vec::new();
    t.write(&mut out, payload).unwrap();
    out
}

/// An IP packet carrying UDP.
pub fn udp(src: (IpAddr, u16), dst: (IpAddr, u16), payload: &[u8]) -> Vec<u8> {
    let b = match (src.0, dst.0) {
        (IpAddr::V4(s), IpAddr::V4(d)) => PacketBuilder::ipv4(s.octets(), d.octets(), 64),
        (IpAddr::V6(s), IpAddr::V6(d)) => PacketBuilder::ipv6(s.octets(), d.octets(), 64),
        _ => panic!("mixed families"),
    };
    let mut out = Vec::new();
    b.udp(src.1, dst.1).write(&mut out, payload).unwrap();
    out
}

/// A TLS 1.3-style ClientHello record naming `sni` (none when `None`),
/// with an Encrypted Client Hello extension when `ech`, padded by `pad`
/// bytes of a padding extension (a post-quantum hello is ~1.8 kB).
pub fn client_hello(sni: Option<&str>, ech: bool, pad: usize) -> Vec<u8> {
    let mut ext = Vec::new();
    if let Some(name) = sni {
        let n = name.as_bytes();
        let list_len = 3 + n.len();
        ext.extend_from_slice(&[0, 0]);
        ext.extend_from_slice(&((list_len + 2) as u16).to_be_bytes());
        ext.extend_from_slice(&(list_len as u16).to_be_bytes());
        ext.push(0);
        ext.extend_from_slice(&(n.len() as u16).to_be_bytes());
        ext.extend_from_slice(n);
    }
    // supported_versions: TLS 1.3
    ext.extend_from_slice(&[0x00, 0x2b, 0x00, 0x03, 0x02, 0x03, 0x04]);
    if ech {
        ext.extend_from_slice(&[0xfe, 0x0d, 0x00, 0x04, 0x00, 0x00, 0x01, 0x00]);
    }
    if pad > 0 {
        ext.extend_from_slice(&[0x00, 0x15]);
        ext.extend_from_slice(&(pad as u16).to_be_bytes());
        ext.extend(std::iter::repeat_n(0u8, pad));
    }
    let mut body = vec![0x03, 0x03];
    body.extend_from_slice(&[7u8; 32]);
    body.push(0); // session id
    body.extend_from_slice(&[0x00, 0x02, 0x13, 0x01]); // one cipher suite
    body.extend_from_slice(&[0x01, 0x00]); // null compression
    body.extend_from_slice(&(ext.len() as u16).to_be_bytes());
    body.extend_from_slice(&ext);
    let mut hs = vec![1];
    hs.extend_from_slice(&(body.len() as u32).to_be_bytes()[1..]);
    hs.extend_from_slice(&body);
    let mut rec = vec![22, 3, 1];
    rec.extend_from_slice(&(hs.len() as u16).to_be_bytes());
    rec.extend_from_slice(&hs);
    rec
}

/// A DNS response for `name` whose answers follow `chain` (CNAMEs from
/// `name` to the last entry) and give the last name the addresses `ips`.
pub fn dns_response(id: u16, chain: &[&str], ips: &[IpAddr]) -> Vec<u8> {
    use simple_dns::rdata::{RData, A, AAAA, CNAME};
    use simple_dns::{Name, Packet, Question, ResourceRecord, CLASS, QCLASS, QTYPE, TYPE};
    let mut p = Packet::new_reply(id);
    p.questions.push(Question::new(Name::new_unchecked(chain[0]), QTYPE::TYPE(TYPE::A), QCLASS::CLASS(CLASS::IN), false));
    for w in chain.windows(2) {
        p.answers.push(ResourceRecord::new(Name::new_unchecked(w[0]), CLASS::IN, 60, RData::CNAME(CNAME(Name::new_unchecked(w[1])))));
    }
    let last = chain[chain.len() - 1];
    for ip in ips {
        let rdata = match ip {
            IpAddr::V4(a) => RData::A(A { address: u32::from(*a) }),
            IpAddr::V6(a) => RData::AAAA(AAAA { address: u128::from(*a) }),
        };
        p.answers.push(ResourceRecord::new(Name::new_unchecked(last), CLASS::IN, 60, rdata));
    }
    p.build_bytes_vec().unwrap()
}

/// A whole TCP connection: handshake, the client's `request` in segments of
/// at most `mss` bytes, a response of `response_len` bytes, close.
pub fn tcp_conversation(client: (IpAddr, u16), server: (IpAddr, u16), ms: u64, request: &[u8], mss: usize, response_len: usize) -> Vec<Pkt> {
    let mut v = Vec::new();
    let p = |ms, ip| Pkt { ms, ip, uid: None };
    v.push(p(ms, tcp(client, server, 1000, "S", &[])));
    v.push(p(ms + 1, tcp(server, client, 5000, "SA", &[])));
    let mut seq = 1001u32;
    for chunk in request.chunks(mss.max(1)) {
        v.push(p(ms + 2, tcp(client, server, seq, "AP", chunk)));
        seq += chunk.len() as u32;
    }
    let resp = vec![0x17u8; response_len];
    for chunk in resp.chunks(1400) {
        v.push(p(ms + 3, tcp(server, client, 5001, "AP", chunk)));
    }
    v.push(p(ms + 4, tcp(client, server, seq, "AF", &[])));
    v
}

/// Wraps an IP packet for a link type.
pub fn frame(linktype: u32, ip: &[u8]) -> Vec<u8> {
    let v6 = ip.first().is_some_and(|b| b >> 4 == 6);
    let ethertype: u16 = if v6 { 0x86dd } else { 0x0800 };
    let mut out = Vec::new();
    match linktype {
        1 => {
            out.extend_from_slice(&[0x02, 0, 0, 0, 0, 1, 0x02, 0, 0, 0, 0, 2]);
            out.extend_from_slice(&ethertype.to_be_bytes());
        }
        101 | 228 | 229 => {}
        113 => {
            out.extend_from_slice(&[0, 4, 0, 1, 0, 6, 2, 0, 0, 0, 0, 1, 0, 0]);
            out.extend_from_slice(&ethertype.to_be_bytes());
        }
        276 => {
            out.extend_from_slice(&ethertype.to_be_bytes());
            out.extend_from_slice(&[0, 0, 0, 0, 0, 2, 0, 1, 0, 6, 2, 0, 0, 0, 0, 1, 0, 0]);
        }
        0 => out.extend_from_slice(&(if v6 { 30u32 } else { 2u32 }).to_le_bytes()),
        108 => out.extend_from_slice(&(if v6 { 30u32 } else { 2u32 }).to_be_bytes()),
        other => panic!("no builder for link type {other}"),
    }
    out.extend_from_slice(ip);
    out
}

/// PCAPdroid's "PCAP with extensions" record body: a zero-MAC Ethernet
/// header, the IP packet, padding to 4 bytes, the 32-byte trailer.
pub fn pcapdroid_frame(ip: &[u8], uid: i32, package: &str) -> Vec<u8> {
    let mut out = vec![0u8; 12];
    out.extend_from_slice(&(if ip[0] >> 4 == 6 { 0x86ddu16 } else { 0x0800u16 }).to_be_bytes());
    out.extend_from_slice(ip);
    while !out.len().is_multiple_of(4) {
        out.push(0);
    }
    out.extend_from_slice(&0x0107_2021u32.to_be_bytes());
    out.extend_from_slice(&uid.to_be_bytes());
    let mut name = [0u8; 20];
    let n = package.len().min(19);
    name[..n].copy_from_slice(&package.as_bytes()[..n]);
    out.extend_from_slice(&name);
    out.extend_from_slice(&0u32.to_be_bytes()); // FCS (not checked)
    out
}

/// A classic PCAP file: `big_endian` writes the header and records in
/// network order; `nanos` uses the nanosecond magic.
pub fn pcap(linktype: u32, big_endian: bool, nanos: bool, frames: &[(u64, Vec<u8>)]) -> Vec<u8> {
    let w32 = |v: &mut Vec<u8>, x: u32| v.extend_from_slice(&if big_endian { x.to_be_bytes() } else { x.to_le_bytes() });
    let w16 = |v: &mut Vec<u8>, x: u16| v.extend_from_slice(&if big_endian { x.to_be_bytes() } else { x.to_le_bytes() });
    let mut out = Vec::new();
    w32(&mut out, if nanos { 0xa1b2_3c4d } else { 0xa1b2_c3d4 });
    w16(&mut out, 2);
    w16(&mut out, 4);
    w32(&mut out, 0);
    w32(&mut out, 0);
    w32(&mut out, 65535);
    w32(&mut out, linktype);
    for (ms, f) in frames {
        w32(&mut out, (ms / 1000) as u32);
        w32(&mut out, if nanos { (ms % 1000) as u32 * 1_000_000 } else { (ms % 1000) as u32 * 1000 });
        w32(&mut out, f.len() as u32);
        w32(&mut out, f.len() as u32);
        out.extend_from_slice(f);
    }
    out
}

fn pad4(v: &mut Vec<u8>) {
    while !v.len().is_multiple_of(4) {
        v.push(0);
    }
}

fn option(out: &mut Vec<u8>, code: u16, value: &[u8]) {
    out.extend_from_slice(&code.to_le_bytes());
    out.extend_from_slice(&(value.len() as u16).to_le_bytes());
    out.extend_from_slice(value);
    pad4(out);
}

fn block(out: &mut Vec<u8>, kind: u32, body: &[u8]) {
    let len = 12 + body.len();
    out.extend_from_slice(&kind.to_le_bytes());
    out.extend_from_slice(&(len as u32).to_le_bytes());
    out.extend_from_slice(body);
    out.extend_from_slice(&(len as u32).to_le_bytes());
}

/// A PCAPNG section as PCAPdroid writes one (little-endian): section header
/// with device, OS and program; one raw-IP interface (microseconds); an app
/// block per `apps` entry; each packet an enhanced packet block, with the
/// `u-<uid>` comment when the packet has a uid.
pub fn pcapng(linktype: u16, device: &str, apps: &[(i32, &str, &str)], pkts: &[Pkt]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut shb = Vec::new();
    shb.extend_from_slice(&0x1a2b_3c4du32.to_le_bytes());
    shb.extend_from_slice(&1u16.to_le_bytes());
    shb.extend_from_slice(&0u16.to_le_bytes());
    shb.extend_from_slice(&(-1i64).to_le_bytes());
    option(&mut shb, 2, device.as_bytes());
    option(&mut shb, 3, b"Android 14");
    option(&mut shb, 4, b"PCAPdroid v1.9.1");
    option(&mut shb, 0, &[]);
    block(&mut out, 0x0A0D_0D0A, &shb);
    let mut idb = Vec::new();
    idb.extend_from_slice(&linktype.to_le_bytes());
    idb.extend_from_slice(&0u16.to_le_bytes());
    idb.extend_from_slice(&65535u32.to_le_bytes());
    block(&mut out, 1, &idb);
    for (uid, package, label) in apps {
        let mut cb = Vec::new();
        cb.extend_from_slice(&62652u32.to_le_bytes());
        cb.push(1); // version
        cb.push(1); // type: uid map
        cb.extend_from_slice(&[0, 0]);
        cb.extend_from_slice(&uid.to_le_bytes());
        cb.push(package.len() as u8);
        cb.push(label.len() as u8);
        cb.extend_from_slice(package.as_bytes());
        cb.extend_from_slice(label.as_bytes());
        pad4(&mut cb);
        block(&mut out, 0x0000_0BAD, &cb);
    }
    for p in pkts {
        let data = frame(u32::from(linktype), &p.ip);
        let us = p.ms * 1000;
        let mut epb = Vec::new();
        epb.extend_from_slice(&0u32.to_le_bytes());
        epb.extend_from_slice(&((us >> 32) as u32).to_le_bytes());
        epb.extend_from_slice(&(us as u32).to_le_bytes());
        epb.extend_from_slice(&(data.len() as u32).to_le_bytes());
        epb.extend_from_slice(&(data.len() as u32).to_le_bytes());
        epb.extend_from_slice(&data);
        pad4(&mut epb);
        if let Some(uid) = p.uid {
            option(&mut epb, 1, format!("u-{uid}").as_bytes());
            option(&mut epb, 0, &[]);
        }
        block(&mut out, 6, &epb);
    }
    out
}
