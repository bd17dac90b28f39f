//! Packet captures (classic PCAP in either byte order, and PCAPNG) read as a
//! stream into connections: who talked to which server, how much, when, and
//! the server's host name with how it was learned. A packet capture carries
//! no URL, path or fields: those are never invented here.
//!
//! Only per-connection state is kept (plus the DNS answers seen), so a large
//! capture is read in one pass with bounded memory per connection: at most
//! [`MAX_CLIENT_BYTES`] of a client's first bytes are held, and only until the
//! name is read from them.

pub mod link;
pub mod names;
pub mod pcapdroid_csv;
pub mod quic;

use std::collections::{BTreeMap, HashMap};
use std::io::Read;
use std::net::IpAddr;

use etherparse::{LaxNetSlice, TransportSlice};
use pcap_parser::nom;
use pcap_parser::pcapng::Block;
use pcap_parser::{PcapBlockOwned, PcapError};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use names::{HelloRead, HttpRead};

/// Most bytes of a client's stream held while looking for its name.
pub const MAX_CLIENT_BYTES: usize = 16 * 1024;
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
/// Largest block the reader grows its buffer to.
const MAX_BLOCK: usize = 16 << 20;

/// The container format of a packet capture.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Pcap,
    Pcapng,
    /// PCAPdroid's connections export (one row per connection).
    #[serde(rename = "pcapdroid-csv")]
    PcapdroidCsv,
}

impl Format {
    /// The format from a file's first bytes (never from its name: PCAPdroid
    /// writes classic PCAP into files called `.pcapng` too).
    pub fn sniff(head: &[u8]) -> Option<Format> {
        let m = head.get(..4)?;
        match m {
            [0xa1, 0xb2, 0xc3, 0xd4] | [0xd4, 0xc3, 0xb2, 0xa1] | [0xa1, 0xb2, 0x3c, 0x4d] | [0x4d, 0x3c, 0xb2, 0xa1] => Some(Format::Pcap),
            [0x0a, 0x0d, 0x0d, 0x0a] => Some(Format::Pcapng),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Transport {
    Tcp,
    Udp,
}

/// What a connection carried, as far as its first bytes tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Protocol {
    Tls,
    Quic,
    Http,
    Dns,
    Other,
}

/// How a connection's host name was learned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum NameBasis {
    /// The server name in the TLS ClientHello (over TCP).
    TlsSni,
    /// The server name in the ClientHello inside the QUIC Initial packets.
    QuicSni,
    /// The Host header of a plain HTTP request.
    HttpHost,
    /// A DNS answer seen earlier in the capture gave this server's address for the name.
    Dns,
    /// Several names had this address in the DNS answers: which one the
    /// connection was for is not known (they are listed, none is chosen).
    DnsAmbiguous,
    /// The capture tool's own record of the host (PCAPdroid's `Info`
    /// column, which it reads from DNS, TLS or HTTP without saying which).
    Recorder,
    /// Nothing in the capture names the server.
    None,
}

impl NameBasis {
    pub fn label(self) -> &'static str {
        match self {
            NameBasis::TlsSni => "TLS server name (SNI)",
            NameBasis::QuicSni => "QUIC server name (SNI)",
            NameBasis::HttpHost => "HTTP Host header",
            NameBasis::Dns => "DNS answer",
            NameBasis::DnsAmbiguous => "DNS answers name several hosts for this address",
            NameBasis::Recorder => "the capture tool's record (PCAPdroid)",
            NameBasis::None => "no name in the capture",
        }
    }

    /// The short code used in CSV and JSON.
    pub fn code(self) -> &'static str {
        match self {
            NameBasis::TlsSni => "tls_sni",
            NameBasis::QuicSni => "quic_sni",
            NameBasis::HttpHost => "http_host",
            NameBasis::Dns => "dns",
            NameBasis::DnsAmbiguous => "dns_ambiguous",
            NameBasis::Recorder => "recorder",
            NameBasis::None => "none",
        }
    }
}

/// One connection (a TCP connection or a UDP flow) seen in a packet capture.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Connection {
    pub transport: Transport,
    pub protocol: Protocol,
    pub client: IpAddr,
    pub client_port: u16,
    pub server: IpAddr,
    pub server_port: u16,
    /// IP bytes (headers included) the client sent and received, as the IP
    /// headers state them (so a capture cut to a short snap length still counts them).
    pub bytes_sent: u64,
    pub bytes_received: u64,
    pub packets_sent: u64,
    pub packets_received: u64,
    /// Milliseconds since the Unix epoch, from the capture's clock.
    pub first_ms: u64,
    pub last_ms: u64,
    /// The host name, when the capture says it (see `basis`).
    pub name: Option<String>,
    pub basis: NameBasis,
    /// For a name from DNS: the chain from the name asked to this address
    /// (CNAMEs in between). For `DnsAmbiguous`: every name the answers gave
    /// this address. Otherwise the names DNS gave the address, when they differ
    /// from `name` (one address serving several names, as on a CDN).
    pub dns_names: Vec<String>,
    /// The app the capture says made the connection (PCAPdroid's uid).
    pub app: Option<i32>,
    /// The ClientHello carried an Encrypted Client Hello extension: real (then
    /// `name` is the outer, public name) or GREASE (sent by Chrome-based
    /// clients that encrypt nothing; then `name` is the real one). The
    /// capture cannot tell which.
    pub ech: bool,
    /// The connection began before the capture did (no TCP handshake seen).
    pub mid_stream: bool,
    /// The QUIC version of the Initial packets read, if any.
    pub quic_version: Option<u32>,
}

/// What a report keeps of a connection beside its host, server and bytes:
/// one row's facts in the CSV.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ConnectionFacts {
    pub transport: Transport,
    pub protocol: Protocol,
    pub server_port: u16,
    pub basis: NameBasis,
    /// See [`Connection::dns_names`].
    pub dns_names: Vec<String>,
    pub ech: bool,
    pub mid_stream: bool,
}

impl Connection {
    pub fn facts(&self) -> ConnectionFacts {
        ConnectionFacts {
            transport: self.transport,
            protocol: self.protocol,
            server_port: self.server_port,
            basis: self.basis,
            dns_names: self.dns_names.clone(),
            ech: self.ech,
            mid_stream: self.mid_stream,
        }
    }
}

/// An app that a PCAPdroid capture names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct App {
    pub uid: i32,
    /// The package name (cut to 19 bytes when it came from a PCAP trailer).
    pub package: String,
    /// The app's label, from a PCAPNG app block.
    pub label: Option<String>,
    /// Whether `package` may be cut short (from a trailer's 20-byte field).
    pub cut: bool,
}

/// Everything read from one packet capture.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PacketCapture {
    pub format: Option<Format>,
    pub connections: Vec<Connection>,
    /// Apps named by the capture, by uid.
    pub apps: BTreeMap<i32, App>,
    /// The device, its OS and the capturing program, from a PCAPNG section header.
    pub device: Option<String>,
    pub os: Option<String>,
    pub recorder: Option<String>,
    pub packets: u64,
    /// Packets with no IP in them, or of a link type the reader does not know.
    pub packets_not_ip: u64,
    /// IP packets that are neither TCP nor UDP (ICMP, …) or later fragments of
    /// a datagram: counted here, in no connection.
    pub packets_other_ip: u64,
    /// Link types met that the reader does not know.
    pub unknown_linktypes: Vec<u32>,
    /// Connections to DNS-over-TLS (port 853) or to known DNS-over-HTTPS
    /// servers: DNS answers the capture cannot read.
    pub encrypted_dns: u64,
    pub dns_responses: u64,
    /// DNS answers not kept: past the capture's bound on addresses.
    pub dns_not_kept: u64,
    /// Why reading stopped before the end, when it did: what was read before is kept.
    pub stopped: Option<String>,
    /// Other things the reader could not use, in sentences (rows of a connections CSV).
    pub notes: Vec<String>,
    /// SHA-256 (lower-case hex) and size of the bytes read.
    pub sha256: String,
    pub bytes: u64,
}

/// A whole file could not be read as a packet capture at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PacketError(pub String);

impl std::fmt::Display for PacketError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Reads a packet capture from `input`, calling `progress(bytes_read)` now
/// and then. A file that is cut short or damaged part-way keeps the
/// connections read before the damage (`stopped` says why it stopped); only a
/// file that is not a packet capture at all is an error.
pub fn read_packets<R: Read>(mut input: R, mut progress: impl FnMut(u64)) -> Result<PacketCapture, PacketError> {
    let mut reader = PacketReader::new();
    let mut chunk = vec![0u8; 1 << 20];
    loop {
        let n = match input.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => {
                reader.stop(format!("the file could not be read past {} bytes: {e}", reader.bytes()));
                break;
            }
        };
        reader.push(&chunk[..n])?;
        progress(reader.bytes());
    }
    reader.finish()
}

/// A packet capture read as it arrives, chunk by chunk (the CLI reads a file
/// into it; www/ feeds it slices of a file from a Web Worker). Only the bytes
/// of one unfinished block are held between chunks.
pub struct PacketReader {
    state: State,
    mode: Mode,
    /// Bytes received and not yet parsed (at most one block and a chunk).
    pending: Vec<u8>,
    hasher: Sha256,
    bytes: u64,
    /// Bytes parsed (consumed) so far.
    parsed: u64,
}

/// pcap-parser's reader of one classic PCAP record (byte order and format chosen by the header).
type RecordParser = fn(&[u8]) -> nom::IResult<&[u8], pcap_parser::LegacyPcapBlock<'_>, PcapError<&[u8]>>;

#[derive(Clone, Copy)]
enum Mode {
    Start,
    Legacy(RecordParser),
    Ng { big_endian: bool },
    Stopped,
}

impl Default for PacketReader {
    fn default() -> Self {
        PacketReader::new()
    }
}

impl PacketReader {
    pub fn new() -> PacketReader {
        PacketReader { state: State::default(), mode: Mode::Start, pending: Vec::new(), hasher: Sha256::new(), bytes: 0, parsed: 0 }
    }

    /// Bytes received so far.
    pub fn bytes(&self) -> u64 {
        self.bytes
    }

    /// Connections seen so far (they are reported on `finish`).
    pub fn connections(&self) -> usize {
        self.state.flows.len()
    }

    fn stop(&mut self, why: String) {
        if !matches!(self.mode, Mode::Stopped) {
            self.state.capture.stopped = Some(why);
            self.mode = Mode::Stopped;
            self.pending = Vec::new();
        }
    }

    /// Feeds the next bytes of the file. The only error is a file that is
    /// not a packet capture at all (known from its first bytes); damage later
    /// stops the reading, and what was read stays (see `finish`).
    pub fn push(&mut self, chunk: &[u8]) -> Result<(), PacketError> {
        self.hasher.update(chunk);
        self.bytes += chunk.len() as u64;
        if matches!(self.mode, Mode::Stopped) {
            return Ok(());
        }
        self.pending.extend_from_slice(chunk);
        let mut at = 0usize;
        loop {
            let data = &self.pending[at..];
            match self.mode {
                Mode::Stopped => return Ok(()),
                Mode::Start => {
                    match Format::sniff(data) {
                        None if data.len() < 4 => break,
                        None => return Err(PacketError("not a packet capture: the file starts with neither a PCAP nor a PCAPNG header".into())),
                        Some(Format::PcapdroidCsv) => return Err(PacketError("a connections CSV, not a packet capture".into())),
                        Some(Format::Pcapng) if data.len() < 12 => break,
                        Some(Format::Pcapng) => {
                            // The byte-order magic says the section header is one.
                            if !matches!(data[8..12], [0x4d, 0x3c, 0x2b, 0x1a] | [0x1a, 0x2b, 0x3c, 0x4d]) {
                                return Err(PacketError("not a packet capture: its PCAPNG section header is damaged".into()));
                            }
                            self.mode = Mode::Ng { big_endian: false }
                        }
                        Some(Format::Pcap) => match pcap_parser::parse_pcap_header(data) {
                            Ok((rest, header)) => {
                                let used = data.len() - rest.len();
                                self.mode = Mode::Legacy(if header.is_modified_format() {
                                    pcap_parser::parse_pcap_frame_modified
                                } else if header.is_bigendian() {
                                    pcap_parser::parse_pcap_frame_be
                                } else {
                                    pcap_parser::parse_pcap_frame
                                });
                                self.state.block(PcapBlockOwned::LegacyHeader(header));
                                at += used;
                            }
                            Err(nom::Err::Incomplete(_)) => break,
                            Err(_) => return Err(PacketError("not a packet capture: its PCAP header is damaged".into())),
                        },
                    }
                }
                Mode::Legacy(parse) => match parse(data) {
                    _ if data.len() >= 16 && !self.state.plausible_record(data) => {
                        // A record header that cannot be one (a damaged file read from a
                        // misaligned place): stop, rather than read bytes as packets.
                        let why = format!("damaged after {} bytes: a packet record header is not one", self.parsed + at as u64);
                        self.stop(why);
                        return Ok(());
                    }
                    Ok((rest, block)) => {
                        let used = data.len() - rest.len();
                        self.state.block(PcapBlockOwned::Legacy(block));
                        at += used;
                    }
                    Err(nom::Err::Incomplete(_)) => break,
                    Err(_) => {
                        let why = format!("damaged after {} bytes: a packet record does not parse", self.parsed + at as u64);
                        self.stop(why);
                        return Ok(());
                    }
                },
                Mode::Ng { big_endian } => {
                    let parsed = if big_endian { pcap_parser::pcapng::parse_block_be(data) } else { pcap_parser::pcapng::parse_block_le(data) };
                    match parsed {
                        Ok((rest, block)) => {
                            let used = data.len() - rest.len();
                            if let Block::SectionHeader(shb) = &block {
                                self.mode = Mode::Ng { big_endian: shb.big_endian() };
                            }
                            self.state.ng_block(block);
                            at += used;
                        }
                        Err(nom::Err::Incomplete(_)) => break,
                        Err(_) if self.parsed == 0 && at == 0 => return Err(PacketError("not a packet capture: its PCAPNG section header is damaged".into())),
                        Err(_) => {
                            let why = format!("damaged after {} bytes: a PCAPNG block does not parse", self.parsed + at as u64);
                            self.stop(why);
                            return Ok(());
                        }
                    }
                }
            }
        }
        self.pending.drain(..at);
        self.parsed += at as u64;
        if self.pending.len() > MAX_BLOCK {
            let why = format!("a block larger than {} MB after {} bytes: reading stopped there", MAX_BLOCK >> 20, self.parsed);
            self.stop(why);
        }
        Ok(())
    }

    /// Everything read. A file that ends inside a block is reported up to
    /// that block, and says so.
    pub fn finish(mut self) -> Result<PacketCapture, PacketError> {
        match self.mode {
            Mode::Start if self.bytes == 0 => return Err(PacketError("the file is empty".into())),
            Mode::Start if Format::sniff(&self.pending).is_some() || self.pending.len() < 4 => {
                return Err(PacketError("cut short: the file ends inside its packet-capture header".into()))
            }
            Mode::Start => return Err(PacketError("not a packet capture: the file starts with neither a PCAP nor a PCAPNG header".into())),
            Mode::Ng { .. } if self.parsed == 0 => return Err(PacketError("cut short: the file ends inside its packet-capture header".into())),
            Mode::Legacy(_) | Mode::Ng { .. } if !self.pending.is_empty() => {
                let why = format!("the file ends in the middle of a packet after {} bytes (cut short?)", self.parsed);
                self.stop(why);
            }
            _ => {}
        }
        let mut capture = std::mem::take(&mut self.state).finish();
        capture.sha256 = self.hasher.finalize().iter().map(|b| format!("{b:02x}")).collect();
        capture.bytes = self.bytes;
        Ok(capture)
    }
}

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
struct State {
    capture: PacketCapture,
    linktype: u32,
    nanos: bool,
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

/// Ports whose side of a connection is the server's, when no handshake says which.
fn server_port(p: u16) -> bool {
    matches!(p, 53 | 80 | 123 | 443 | 853 | 5222 | 5223 | 5228 | 8080 | 8443) || p < 1024
}

/// An interface's timestamp resolution (units per second) from its
/// `if_tsresol` option: 10^n, or 2^n when the top bit is set; 10^6 when
/// absent. `None` when it names a resolution no clock has.
fn ts_resolution(idb: &pcap_parser::pcapng::InterfaceDescriptionBlock<'_>) -> Option<u64> {
    let Some(opt) = idb.options.iter().find(|o| o.code.0 == 9) else { return Some(1_000_000) };
    let r = *opt.value().first()?;
    if r & 0x80 != 0 {
        1u64.checked_shl(u32::from(r & 0x7f)).filter(|_| r & 0x7f < 64)
    } else {
        10u64.checked_pow(u32::from(r))
    }
}

/// Whether an address is on the device's side of a capture: private,
/// shared (CGNAT), link-local, loopback or unique-local. PCAPdroid's VPN
/// addresses (10.215.173.x) are private.
fn device_side(ip: IpAddr) -> bool {
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
fn client_side(src: (IpAddr, u16), dst: (IpAddr, u16)) -> bool {
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
fn doh_resolver(ip: IpAddr) -> bool {
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

impl State {
    /// Whether the 16-byte classic PCAP record header at the start of `data`
    /// can be one: a fraction of a second below one second, a captured length
    /// within the snap length (or 256 KB) and no larger than the original.
    fn plausible_record(&self, data: &[u8]) -> bool {
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

    fn block(&mut self, block: PcapBlockOwned<'_>) {
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

    fn ng_block(&mut self, block: Block<'_>) {
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

    fn finish(mut self) -> PacketCapture {
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

/// Reads PCAPdroid's PCAPNG app block (custom block, enterprise number
/// 62652): version and type bytes, then the app's uid (little-endian) and the
/// lengths of its package name and label, then the two names. Builds differ
/// in whether two reserved bytes follow the type, so both layouts are tried
/// and a layout is taken only when its names read as a package name.
fn pcapdroid_app_block(data: &[u8]) -> Option<App> {
    let (&version, &kind) = (data.first()?, data.get(1)?);
    if version != 1 || kind != 1 {
        return None;
    }
    for start in [4usize, 2] {
        let Some(h) = data.get(start..start + 6) else { continue };
        let uid = i32::from_le_bytes([h[0], h[1], h[2], h[3]]);
        let (plen, alen) = (usize::from(h[4]), usize::from(h[5]));
        let names_at = start + 6;
        let Some(package) = data.get(names_at..names_at + plen) else { continue };
        let Some(label) = data.get(names_at + plen..names_at + plen + alen) else { continue };
        let package_ok = !package.is_empty() && package.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'.' || *b == b'_');
        if !package_ok {
            continue;
        }
        let label = String::from_utf8_lossy(label).chars().filter(|c| !c.is_control()).collect::<String>();
        return Some(App { uid, package: String::from_utf8_lossy(package).into_owned(), label: (!label.is_empty()).then_some(label), cut: false });
    }
    None
}

#[cfg(test)]
#[path = "../../../tests/unit/packets.rs"]
mod tests;
