//! Packet captures (classic PCAP in either byte order, and PCAPNG) read as a
//! stream into connections: who talked to which server, how much, when, and
//! the server's host name with how it was learned. A packet capture carries
//! no URL, path or fields: those are never invented here.
//!
//! Only per-connection state is kept (plus the DNS answers seen), so a large
//! capture is read in one pass with bounded memory per connection: at most
//! [`MAX_CLIENT_BYTES`] of a client's first bytes are held, and only until the
//! name is read from them.

mod direction;
mod flow;
pub mod link;
pub mod names;
pub mod pcapdroid_csv;
pub mod quic;

use std::collections::BTreeMap;
use std::io::Read;
use std::net::IpAddr;

use pcap_parser::nom;
use pcap_parser::pcapng::Block;
use pcap_parser::{PcapBlockOwned, PcapError};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use flow::State;

/// Most bytes of a client's stream held while looking for its name.
pub const MAX_CLIENT_BYTES: usize = 16 * 1024;
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
        self.state.connections()
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

#[cfg(test)]
#[path = "../../../tests/unit/packets.rs"]
mod tests;
