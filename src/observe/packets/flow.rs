//! The connection table: each packet filed under its connection (direction
//! told from the handshake, else the device's address and the ports), the
//! client's first bytes read for a name, DNS answers kept for naming, and
//! the PCAPNG blocks that say which app and interface a packet came from.

use std::collections::{BTreeMap, HashMap};
use std::net::IpAddr;

use etherparse::{LaxNetSlice, TransportSlice};
use pcap_parser::pcapng::Block;
use pcap_parser::PcapBlockOwned;

use super::direction::{client_side, doh_resolver};
use super::link::{pcapdroid_app_block, ts_resolution};
use super::names::{self, HelloRead, HttpRead};
use super::{link, quic, App, Connection, Format, NameBasis, PacketCapture, Protocol, Transport, MAX_CLIENT_BYTES};

/// Most out-of-order pieces held for one stream.
const MAX_PIECES: usize = 64;
/// Most names kept per address from DNS answers; past it the address is
/// marked as answering for more (never is an older answer dropped: a
/// connection's candidates are the answers before it began).
const MAX_ANSWERS_PER_IP: usize = 8;
/// Most addresses kept from DNS answers in one capture; answers for more are
/// counted (`dns_not_kept`) and said in the report.
const MAX_DNS_ADDRESSES: usize = 100_000;
/// PCAPdroid's private enterprise number (its PCAPNG custom blocks).
const PCAPDROID_PEN: u32 = 62652;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Key {
    transport: Transport,
    client: (IpAddr, u16),
    server: (IpAddr, u16),
}

/// A connection being read.
struct Flow {
    conn: Connection,
    /// Still looking at the client's first bytes for a name.
    reading: bool,
    /// TCP: the sequence number of the client's first byte, when known.
    base_seq: Option<u32>,
    /// TCP: out-of-order pieces of the client's stream by offset.
    pieces: BTreeMap<u32, Vec<u8>>,
    /// The client's stream from its first byte, as far as contiguous.
    stream: Vec<u8>,
    quic: Option<Box<quic::InitialCrypto>>,
    /// DNS answers for the server before the connection began.
    dns_before: Option<DnsSeen>,
    /// TCP: the stream length at which to read the first bytes again.
    next_read: usize,
}

/// How long a client stream must be before reading it again is worthwhile:
/// for TLS, the whole first handshake message (type, 3-byte length) plus a
/// record header; otherwise 512 bytes more than now.
fn next_read_at(stream: &[u8]) -> usize {
    let len = stream.len();
    match stream {
        [22, 3, _, _, _, 1, a, b, c, ..] => {
            let need = 9 + (usize::from(*a) << 16 | usize::from(*b) << 8 | usize::from(*c));
            if need > len {
                need
            } else {
                len + 5
            }
        }
        _ => len + 512,
    }
    .min(MAX_CLIENT_BYTES)
}

/// What DNS answers said of one address: (time, chain) per name, and
/// whether more names than kept answered for it.
#[derive(Debug, Clone, Default)]
struct DnsSeen {
    chains: Vec<(u64, Vec<String>)>,
    more: bool,
}

/// Interface facts needed to read an enhanced packet block.
#[derive(Clone, Copy)]
struct Interface {
    linktype: u32,
    /// Units per second of its timestamps; `None`: a resolution that cannot be read (times unknown).
    resolution: Option<u64>,
    offset: i64,
}

#[derive(Default)]
pub(super) struct State {
    pub(super) capture: PacketCapture,
    linktype: u32,
    pub(super) nanos: bool,
    /// A classic PCAP's declared snap length and byte order.
    snaplen: u32,
    big_endian: bool,
    interfaces: Vec<Interface>,
    flows: HashMap<Key, Flow>,
    /// Finished flows, in order of their first packet.
    order: Vec<Key>,
    /// DNS answers by address.
    dns: HashMap<IpAddr, DnsSeen>,
}

impl State {
    /// Connections seen so far.
    pub(super) fn connections(&self) -> usize {
        self.flows.len()
    }

    /// Whether the 16-byte classic PCAP record header at the start of `data`
    /// can be one: a fraction of a second below one second, a captured length
    /// within the snap length (or 256 KB) and no larger than the original.
    pub(super) fn plausible_record(&self, data: &[u8]) -> bool {
        let word = |o: usize| {
            let b = [data[o], data[o + 1], data[o + 2], data[o + 3]];
            if self.big_endian {
                u32::from_be_bytes(b)
            } else {
                u32::from_le_bytes(b)
            }
        };
        let (frac, caplen, origlen) = (word(4), word(8), word(12));
        let max_frac = if self.nanos { 1_000_000_000 } else { 1_000_000 };
        frac < max_frac && caplen <= self.snaplen.max(262_144) && caplen <= origlen
    }

    pub(super) fn block(&mut self, block: PcapBlockOwned<'_>) {
        match block {
            PcapBlockOwned::LegacyHeader(h) => {
                self.capture.format = Some(Format::Pcap);
                self.linktype = h.network.0 as u32;
                self.nanos = h.is_nanosecond_precision();
                self.snaplen = h.snaplen;
                self.big_endian = h.is_bigendian();
                self.note_linktype(self.linktype);
            }
            PcapBlockOwned::Legacy(b) => {
                let frac = if self.nanos { u64::from(b.ts_usec) / 1_000_000 } else { u64::from(b.ts_usec) / 1_000 };
                let ms = u64::from(b.ts_sec) * 1000 + frac;
                self.frame(self.linktype, b.data, Some(ms), None);
            }
            PcapBlockOwned::NG(block) => self.ng_block(block),
        }
    }

    fn note_linktype(&mut self, linktype: u32) {
        if !link::supported(linktype) && !self.capture.unknown_linktypes.contains(&linktype) {
            self.capture.unknown_linktypes.push(linktype);
        }
    }

    pub(super) fn ng_block(&mut self, block: Block<'_>) {
        match block {
            Block::SectionHeader(shb) => {
                self.capture.format = Some(Format::Pcapng);
                self.interfaces.clear();
                let text = |o: Option<Result<&str, _>>| o.and_then(Result::ok).map(|s: &str| s.chars().filter(|c| !c.is_control()).collect::<String>());
                self.capture.device = text(shb.shb_hardware()).or(self.capture.device.take());
                self.capture.os = text(shb.shb_os()).or(self.capture.os.take());
                self.capture.recorder = text(shb.shb_userappl()).or(self.capture.recorder.take());
            }
            Block::InterfaceDescription(idb) => {
                let linktype = idb.linktype.0 as u32;
                self.note_linktype(linktype);
                self.interfaces.push(Interface { linktype, resolution: ts_resolution(&idb), offset: idb.ts_offset() });
            }
            Block::EnhancedPacket(epb) => {
                let Some(iface) = self.interfaces.get(epb.if_id as usize).copied() else {
                    self.capture.packets += 1;
                    self.capture.packets_not_ip += 1;
                    return;
                };
                let units = (u64::from(epb.ts_high) << 32) | u64::from(epb.ts_low);
                let ms = iface.resolution.filter(|r| *r > 0).map(|r| {
                    let ms = (u128::from(units) * 1000 / u128::from(r)).min(i64::MAX as u128) as i64;
                    ms.saturating_add(iface.offset.saturating_mul(1000)).max(0) as u64
                });
                let uid = epb.options.iter().find(|o| o.code.0 == 1).and_then(|o| {
                    let s = std::str::from_utf8(o.value()).ok()?;
                    s.trim_end_matches('\0').strip_prefix("u-")?.parse::<i32>().ok()
                });
                let len = (epb.caplen as usize).min(epb.data.len());
                self.frame(iface.linktype, &epb.data[..len], ms, uid);
            }
            Block::SimplePacket(spb) => {
                let linktype = self.interfaces.first().map_or(link::linktype::RAW, |i| i.linktype);
                let len = (spb.origlen as usize).min(spb.data.len());
                // A simple packet block carries no time.
                self.frame(linktype, &spb.data[..len], None, None);
            }
            Block::Custom(cb) if cb.pen == PCAPDROID_PEN => {
                if let Some(app) = pcapdroid_app_block(cb.data) {
                    self.capture.apps.insert(app.uid, app);
                }
            }
            _ => {}
        }
    }

    fn frame(&mut self, linktype: u32, data: &[u8], ms: Option<u64>, mut uid: Option<i32>) {
        self.capture.packets += 1;
        let mut data = data;
        if linktype == link::linktype::ETHERNET {
            if let Some((rest, app)) = link::pcapdroid_trailer(data) {
                data = rest;
                uid = Some(app.uid);
                self.capture.apps.entry(app.uid).or_insert(App { uid: app.uid, package: app.name.clone(), label: None, cut: app.name.len() >= 19 });
            }
        }
        let Some(packet) = link::slice(linktype, data) else {
            self.capture.packets_not_ip += 1;
            return;
        };
        let (src, dst, ip_len) = match &packet.net {
            Some(LaxNetSlice::Ipv4(v4)) => {
                let h = v4.header();
                (IpAddr::V4(h.source_addr()), IpAddr::V4(h.destination_addr()), u64::from(h.total_len()))
            }
            Some(LaxNetSlice::Ipv6(v6)) => {
                let h = v6.header();
                (IpAddr::V6(h.source_addr()), IpAddr::V6(h.destination_addr()), 40 + u64::from(h.payload_length()))
            }
            _ => {
                self.capture.packets_not_ip += 1;
                return;
            }
        };
        match &packet.transport {
            Some(TransportSlice::Tcp(tcp)) => {
                let (sp, dp) = (tcp.source_port(), tcp.destination_port());
                let syn = tcp.syn() && !tcp.ack();
                let syn_ack = tcp.syn() && tcp.ack();
                let (key, from_client) = self.key(
                    Transport::Tcp,
                    (src, sp),
                    (dst, dp),
                    if syn {
                        Some(true)
                    } else if syn_ack {
                        Some(false)
                    } else {
                        None
                    },
                );
                let flow = self.flow(key, ms, uid, !syn);
                flow.count(from_client, ip_len, ms);
                if from_client {
                    if syn {
                        flow.base_seq = Some(tcp.sequence_number().wrapping_add(1));
                        flow.conn.mid_stream = false;
                    }
                    let payload = tcp.payload();
                    if flow.reading && !payload.is_empty() {
                        let base = *flow.base_seq.get_or_insert(tcp.sequence_number());
                        // Data on a SYN (TCP Fast Open) starts the stream: its sequence number is the SYN's.
                        let offset = if syn { 0 } else { tcp.sequence_number().wrapping_sub(base) };
                        flow.tcp_piece(offset, payload);
                        flow.read_tcp(false);
                    }
                }
            }
            Some(TransportSlice::Udp(udp)) => {
                let (sp, dp) = (udp.source_port(), udp.destination_port());
                let (key, from_client) = self.key(Transport::Udp, (src, sp), (dst, dp), None);
                let payload = udp.payload();
                if key.server.1 == 53 && !from_client {
                    if let Some(answers) = names::dns_answers(payload) {
                        self.capture.dns_responses += 1;
                        for a in answers {
                            if !self.dns.contains_key(&a.ip) && self.dns.len() >= MAX_DNS_ADDRESSES {
                                self.capture.dns_not_kept += 1;
                                continue;
                            }
                            let v = self.dns.entry(a.ip).or_default();
                            if !v.chains.iter().any(|(_, c)| *c == a.chain) {
                                if v.chains.len() >= MAX_ANSWERS_PER_IP {
                                    v.more = true;
                                } else {
                                    v.chains.push((ms.unwrap_or(0), a.chain));
                                }
                            }
                        }
                    }
                }
                let flow = self.flow(key, ms, uid, false);
                flow.count(from_client, ip_len, ms);
                if key.server.1 == 53 {
                    flow.conn.protocol = Protocol::Dns;
                    flow.reading = false;
                } else if from_client && flow.reading {
                    flow.read_quic(payload);
                }
            }
            _ => {
                // ICMP, other protocols, and fragments of a datagram past the first.
                self.capture.packets_other_ip += 1;
            }
        }
    }

    /// The connection's key and whether this packet is the client's.
    /// `syn_from_src`: a TCP handshake packet says which side is the client.
    fn key(&self, transport: Transport, src: (IpAddr, u16), dst: (IpAddr, u16), syn_from_src: Option<bool>) -> (Key, bool) {
        let fwd = Key { transport, client: src, server: dst };
        let rev = Key { transport, client: dst, server: src };
        if self.flows.contains_key(&fwd) {
            return (fwd, true);
        }
        if self.flows.contains_key(&rev) {
            return (rev, false);
        }
        let src_is_client = match syn_from_src {
            Some(s) => s,
            None => client_side(src, dst),
        };
        if src_is_client {
            (fwd, true)
        } else {
            (rev, false)
        }
    }

    fn flow(&mut self, key: Key, ms: Option<u64>, uid: Option<i32>, mid_stream: bool) -> &mut Flow {
        // The DNS answers for the server seen before the connection began: its only candidates.
        let dns_before = if self.flows.contains_key(&key) {
            None
        } else {
            self.dns
                .get(&key.server.0)
                .map(|d| DnsSeen { chains: d.chains.iter().filter(|(t, _)| ms.is_none_or(|m| *t <= m)).cloned().collect(), more: d.more })
        };
        let order = &mut self.order;
        let encrypted_dns = &mut self.capture.encrypted_dns;
        let flow = self.flows.entry(key).or_insert_with(|| {
            order.push(key);
            let dot = key.server.1 == 853;
            let doh = key.transport == Transport::Tcp && key.server.1 == 443 && doh_resolver(key.server.0)
                || key.transport == Transport::Udp && key.server.1 == 443 && doh_resolver(key.server.0);
            if dot || doh {
                *encrypted_dns += 1;
            }
            Flow {
                conn: Connection {
                    transport: key.transport,
                    protocol: Protocol::Other,
                    client: key.client.0,
                    client_port: key.client.1,
                    server: key.server.0,
                    server_port: key.server.1,
                    bytes_sent: 0,
                    bytes_received: 0,
                    packets_sent: 0,
                    packets_received: 0,
                    // Unknown until a packet with a time is seen.
                    first_ms: ms.unwrap_or(u64::MAX),
                    last_ms: ms.unwrap_or(0),
                    name: None,
                    basis: NameBasis::None,
                    dns_names: Vec::new(),
                    app: uid,
                    ech: false,
                    mid_stream: key.transport == Transport::Tcp && mid_stream,
                    quic_version: None,
                },
                reading: true,
                base_seq: None,
                pieces: BTreeMap::new(),
                stream: Vec::new(),
                quic: None,
                dns_before,
                next_read: 0,
            }
        });
        if flow.conn.app.is_none() {
            flow.conn.app = uid;
        }
        flow
    }

    pub(super) fn finish(mut self) -> PacketCapture {
        let mut out = std::mem::take(&mut self.capture);
        out.connections.reserve(self.order.len());
        for key in std::mem::take(&mut self.order) {
            let Some(mut flow) = self.flows.remove(&key) else { continue };
            if flow.reading && !flow.stream.is_empty() {
                // The last bytes seen, read once more whatever their length.
                flow.read_tcp(true);
            }
            if let Some(seen) = flow.dns_before.take() {
                name_from_dns(&mut flow.conn, &seen);
            }
            if flow.conn.first_ms == u64::MAX {
                // No packet of it had a time: unknown (0), never a guess.
                (flow.conn.first_ms, flow.conn.last_ms) = (0, 0);
            }
            out.connections.push(flow.conn);
        }
        out
    }
}

/// Names a connection from the DNS answers for its server's address seen
/// before it began: one name only when they agree on one; several (or more
/// than were kept) leave it unnamed, every name listed.
fn name_from_dns(c: &mut Connection, seen: &DnsSeen) {
    let mut asked: Vec<String> = seen.chains.iter().map(|(_, chain)| chain[0].clone()).collect();
    asked.sort();
    asked.dedup();
    match (&c.name, asked.len()) {
        (Some(name), _) => {
            // Named by SNI or Host: say when DNS gave the address other names too.
            if asked.iter().any(|a| a != name) || seen.more {
                c.dns_names = asked;
            }
        }
        (None, 0) => {}
        (None, 1) if !seen.more => {
            c.name = Some(asked[0].clone());
            c.basis = NameBasis::Dns;
            c.dns_names = seen.chains.iter().find(|(_, chain)| chain[0] == asked[0]).map(|(_, chain)| chain.clone()).unwrap_or_default();
        }
        (None, _) => {
            c.basis = NameBasis::DnsAmbiguous;
            c.dns_names = asked;
        }
    }
}

impl Flow {
    fn count(&mut self, from_client: bool, ip_len: u64, ms: Option<u64>) {
        if from_client {
            self.conn.bytes_sent = self.conn.bytes_sent.saturating_add(ip_len);
            self.conn.packets_sent += 1;
        } else {
            self.conn.bytes_received = self.conn.bytes_received.saturating_add(ip_len);
            self.conn.packets_received += 1;
        }
        if let Some(ms) = ms {
            self.conn.first_ms = self.conn.first_ms.min(ms);
            self.conn.last_ms = self.conn.last_ms.max(ms);
        }
    }

    /// Adds a piece of the client's TCP stream at `offset` from its first byte.
    fn tcp_piece(&mut self, offset: u32, payload: &[u8]) {
        let offset = offset as usize;
        if offset >= MAX_CLIENT_BYTES || offset > u32::MAX as usize / 2 {
            return;
        }
        let end = (offset + payload.len()).min(MAX_CLIENT_BYTES);
        if offset <= self.stream.len() {
            // Joins the stream now, however many pieces wait.
            let skip = self.stream.len() - offset;
            if skip < end - offset {
                self.stream.extend_from_slice(&payload[skip..end - offset]);
            }
        } else {
            if self.pieces.len() >= MAX_PIECES {
                // Keep the pieces nearest the stream's end: drop the farthest.
                self.pieces.pop_last();
            }
            self.pieces.insert(offset as u32, payload[..end - offset].to_vec());
        }
        // Join what is now contiguous.
        while let Some((&at, _)) = self.pieces.first_key_value() {
            let at = at as usize;
            if at > self.stream.len() {
                break;
            }
            let piece = self.pieces.pop_first().map(|(_, p)| p).unwrap_or_default();
            let skip = self.stream.len() - at;
            if skip < piece.len() {
                self.stream.extend_from_slice(&piece[skip..]);
            }
        }
    }

    /// Reads the name from the client's first bytes once enough of them are
    /// there: re-reading only when the stream has grown to what the last read
    /// said it needs (so a stream of tiny segments costs a bounded number of
    /// reads); `force` reads whatever there is (at the end of the capture).
    fn read_tcp(&mut self, force: bool) {
        let len = self.stream.len();
        if len == 0 || (!force && len < self.next_read && len < MAX_CLIENT_BYTES) {
            return;
        }
        self.next_read = next_read_at(&self.stream);
        match names::tls_stream_hello(&self.stream) {
            HelloRead::Hello(h) => {
                self.conn.protocol = Protocol::Tls;
                self.conn.ech = h.ech;
                if let Some(sni) = h.sni {
                    self.conn.name = Some(sni);
                    self.conn.basis = NameBasis::TlsSni;
                }
                return self.done();
            }
            HelloRead::Incomplete if len < MAX_CLIENT_BYTES && !force => return,
            HelloRead::Incomplete => return self.done(),
            HelloRead::NotHello => {}
        }
        match names::http_host(&self.stream) {
            HttpRead::Host(host) => {
                self.conn.protocol = Protocol::Http;
                if let Some(h) = host {
                    self.conn.name = Some(h);
                    self.conn.basis = NameBasis::HttpHost;
                }
                self.done();
            }
            HttpRead::Incomplete if len < MAX_CLIENT_BYTES && !force => {}
            _ => self.done(),
        }
    }

    fn read_quic(&mut self, datagram: &[u8]) {
        let q = self.quic.get_or_insert_with(Default::default);
        match q.push(datagram) {
            quic::Push::Added { version } => {
                self.conn.protocol = Protocol::Quic;
                self.conn.quic_version = Some(version);
                match names::handshake_hello(q.crypto()) {
                    HelloRead::Hello(h) => {
                        self.conn.ech = h.ech;
                        if let Some(sni) = h.sni {
                            self.conn.name = Some(sni);
                            self.conn.basis = NameBasis::QuicSni;
                        }
                        self.done();
                    }
                    HelloRead::Incomplete => {}
                    HelloRead::NotHello => self.done(),
                }
            }
            quic::Push::Undecryptable { version } | quic::Push::Unknown { version } => {
                self.conn.protocol = Protocol::Quic;
                self.conn.quic_version = Some(version);
                if self.conn.packets_sent > 8 {
                    self.done();
                }
            }
            quic::Push::NotInitial => {
                if self.conn.packets_sent > 8 {
                    self.done();
                }
            }
            quic::Push::NotQuic => self.done(),
        }
    }

    fn done(&mut self) {
        self.reading = false;
        self.pieces = BTreeMap::new();
        self.stream = Vec::new();
        self.quic = None;
    }
}
