//! Recovers the TLS ClientHello that a QUIC client sends in its Initial packets.
//!
//! Initial packets are encrypted with keys anyone can derive from the packet's
//! Destination Connection ID (RFC 9001 §5.2), so a passive observer can read the
//! CRYPTO stream and, from it, the server name the client asked for. This module
//! only reassembles the CRYPTO bytes; parsing the ClientHello is left to the caller.
//!
//! Hostile input is expected: every length is bounds-checked, nothing panics, and
//! buffered data is capped at [`MAX_CRYPTO`] bytes in at most [`MAX_PIECES`] pieces.

#![forbid(unsafe_code)]
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::unwrap_used, clippy::expect_used, clippy::panic))]

use aes::cipher::{BlockEncrypt, KeyInit};
use aes::Aes128;
use aes_gcm::aead::AeadInPlace;
use aes_gcm::Aes128Gcm;
use hkdf::Hkdf;
use sha2::Sha256;

/// Most CRYPTO bytes kept per connection (contiguous plus out-of-order pieces).
pub const MAX_CRYPTO: usize = 64 * 1024;
/// Most out-of-order CRYPTO pieces kept waiting for the gap before them.
pub const MAX_PIECES: usize = 256;
/// Most distinct Destination Connection IDs remembered as key sources.
const MAX_DCIDS: usize = 4;
/// Most coalesced long-header packets read from one datagram.
const MAX_COALESCED: usize = 4;

type Salt = [u8; 20];

// Initial salts. Each was checked against the text named beside it.
/// QUIC v1. RFC 9001 §5.2, <https://www.rfc-editor.org/rfc/rfc9001#section-5.2>.
const SALT_V1: Salt = [0x38, 0x76, 0x2c, 0xf7, 0xf5, 0x59, 0x34, 0xb3, 0x4d, 0x17, 0x9a, 0xe6, 0xa4, 0xc8, 0x0c, 0xad, 0xcc, 0xbb, 0x7f, 0x0a];
/// QUIC v2. RFC 9369 §3.3.1, <https://www.rfc-editor.org/rfc/rfc9369#section-3.3.1>.
const SALT_V2: Salt = [0x0d, 0xed, 0xe3, 0xde, 0xf7, 0x00, 0xa6, 0xdb, 0x81, 0x93, 0x81, 0xbe, 0x6e, 0x26, 0x9d, 0xcb, 0xf9, 0xbd, 0x2e, 0xd9];
/// Drafts 29-32. draft-ietf-quic-tls-29 §5.2 (same in -32),
/// <https://datatracker.ietf.org/doc/html/draft-ietf-quic-tls-29#section-5.2>;
/// also mvfst `kQuicDraft29Salt` (quic/handshake/HandshakeLayer.h).
const SALT_DRAFT29: Salt = [0xaf, 0xbf, 0xec, 0x28, 0x99, 0x93, 0xd2, 0x4c, 0x9e, 0x97, 0x86, 0xf1, 0x9c, 0x61, 0x11, 0xe0, 0x43, 0x90, 0xa8, 0x99];
/// Drafts 23-28. draft-ietf-quic-tls-23 §5.2 (same in -28),
/// <https://datatracker.ietf.org/doc/html/draft-ietf-quic-tls-23#section-5.2>;
/// also mvfst `kQuicDraft23Salt`, which mvfst uses for `MVFST` (0xfaceb002) and as
/// its default for every version it does not list.
const SALT_DRAFT23: Salt = [0xc3, 0xee, 0xf7, 0x12, 0xc7, 0x2e, 0xbb, 0x5a, 0x11, 0xa7, 0xd2, 0x43, 0x2b, 0xb4, 0x63, 0x65, 0xbe, 0xf9, 0xf5, 0x02];
/// Draft 22. draft-ietf-quic-tls-22 §5.2; mvfst `kQuicDraft22Salt`, used for
/// `MVFST_D24` (0xfaceb001) until mvfst commit 5e2f5719 (July 2021) removed it.
const SALT_DRAFT22: Salt = [0x7f, 0xbc, 0xdb, 0x0e, 0x7c, 0x66, 0xbb, 0xe9, 0x19, 0x3a, 0x96, 0xcd, 0x21, 0x51, 0x9e, 0xbd, 0x7a, 0x02, 0x64, 0x4a];
/// mvfst `kQuicExperimentalSalt` for `MVFST_EXPERIMENTAL4`/`5` (0xfaceb014/0xfaceb015),
/// added in mvfst commit 1fa1a2ad (Sept 2024), quic/handshake/HandshakeLayer.h,
/// <https://github.com/facebook/mvfst/blob/main/quic/handshake/HandshakeLayer.h>.
const SALT_MVFST_EXP: Salt = [0xca, 0x6b, 0x74, 0xa5, 0xce, 0x82, 0xfc, 0x04, 0x43, 0x6b, 0xf2, 0xea, 0x75, 0xe7, 0x8c, 0x56, 0xc8, 0xc0, 0x8d, 0x24];

// mvfst versions: mvfst's `getQuicVersionSalt` picks the first salt of each list; the
// rest are tried after it because Meta's apps may run older or newer mvfst builds than
// the source we read. A wrong salt cannot pass the 16-byte AEAD tag.
const MVFST_D23: &[&Salt] = &[&SALT_DRAFT23, &SALT_V1, &SALT_MVFST_EXP, &SALT_DRAFT29, &SALT_DRAFT22];
const MVFST_V1: &[&Salt] = &[&SALT_V1, &SALT_DRAFT23, &SALT_MVFST_EXP, &SALT_DRAFT29, &SALT_DRAFT22];
const MVFST_EXP: &[&Salt] = &[&SALT_MVFST_EXP, &SALT_DRAFT23, &SALT_V1, &SALT_DRAFT29, &SALT_DRAFT22];
const MVFST_D22: &[&Salt] = &[&SALT_DRAFT22, &SALT_DRAFT23, &SALT_V1, &SALT_MVFST_EXP, &SALT_DRAFT29];

const V1: u32 = 0x0000_0001;
const V2: u32 = 0x6b33_43cf;

/// Candidate salts for a version and whether it uses QUIC v2's labels and type bits.
fn version_params(version: u32) -> Option<(&'static [&'static Salt], bool)> {
    Some(match version {
        V1 => (&[&SALT_V1], false),
        V2 => (&[&SALT_V2], true),
        0xff00_001d..=0xff00_0020 => (&[&SALT_DRAFT29], false),
        0xff00_0017..=0xff00_001c => (&[&SALT_DRAFT23], false),
        // mvfst QuicVersion enum, quic/QuicConstants.h: MVFST_D24 (removed 2021).
        0xface_b001 => (MVFST_D22, false),
        // QUIC_V1_ALIAS, QUIC_V1_ALIAS2, MVFST_PRIMING: kQuicV1Salt.
        0xface_b003 | 0xface_b004 | 0xface_feed => (MVFST_V1, false),
        // MVFST_EXPERIMENTAL4, MVFST_EXPERIMENTAL5: kQuicExperimentalSalt.
        0xface_b014 | 0xface_b015 => (MVFST_EXP, false),
        // MVFST (b002), MVFST_EXPERIMENTAL (b00e), MVFST_ALIAS (b010),
        // MVFST_EXPERIMENTAL2/3 (b011/b013), MVFST_ALIAS2 (b012, 2022) and any other
        // 0xfaceb0xx: mvfst's default branch, kQuicDraft23Salt.
        v if v & 0xffff_ff00 == 0xface_b000 => (MVFST_D23, false),
        _ => return None,
    })
}

/// What one datagram was to the accumulator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Push {
    /// Not a long-header QUIC packet (short header, empty, or malformed header).
    NotQuic,
    /// A long header whose version this module cannot decrypt.
    Unknown {
        /// The version field of the first packet in the datagram.
        version: u32,
    },
    /// Long-header packets of a known version, none of them an Initial.
    NotInitial,
    /// An Initial that failed the AEAD tag with every candidate salt, or was truncated.
    Undecryptable {
        /// The Initial's version field.
        version: u32,
    },
    /// At least one Initial decrypted; its frames were read.
    Added {
        /// The version field of the last Initial that decrypted.
        version: u32,
    },
}

impl Push {
    /// How informative an outcome is, to report the best one of a datagram.
    fn rank(self) -> u8 {
        match self {
            Push::NotQuic => 0,
            Push::Unknown { .. } => 1,
            Push::NotInitial => 2,
            Push::Undecryptable { .. } => 3,
            Push::Added { .. } => 4,
        }
    }
}

/// One connection's client Initial packets, joined.
#[derive(Default)]
pub struct InitialCrypto {
    version: Option<u32>,
    /// CRYPTO stream bytes contiguous from offset 0.
    contig: Vec<u8>,
    /// Pieces that start past the end of `contig`, as (offset, bytes).
    pending: Vec<(usize, Vec<u8>)>,
    /// Total bytes held in `pending`.
    pending_bytes: usize,
    /// DCIDs whose keys opened an Initial: the client's first DCID in particular,
    /// whose keys stay in use after the client switches to the server's DCID.
    dcids: Vec<Vec<u8>>,
    largest_pn: Option<u64>,
}

impl InitialCrypto {
    /// An empty accumulator for one connection.
    pub fn new() -> Self {
        Self::default()
    }

    /// Feeds one UDP payload sent by the client. Every coalesced long-header packet in
    /// it is looked at; the most informative outcome is returned.
    pub fn push(&mut self, datagram: &[u8]) -> Push {
        let mut best = Push::NotQuic;
        let mut rest = datagram;
        // Real stacks coalesce two or three packets; hostile input may hold
        // thousands, each costing key derivations: read the first few only.
        let mut packets = 0;
        while rest.first().is_some_and(|b| b & 0x80 != 0) && packets < MAX_COALESCED {
            packets += 1;
            let outcome = match parse_long(rest) {
                None => break,
                Some(Header::Unknown(version)) => {
                    // Coalesced packets share one version; an unknown one ends the walk.
                    if best == Push::NotQuic {
                        best = Push::Unknown { version };
                    }
                    break;
                }
                Some(Header::Retry) => {
                    // A Retry has no Length field and is never coalesced before others.
                    if best.rank() < Push::NotInitial.rank() {
                        best = Push::NotInitial;
                    }
                    break;
                }
                Some(Header::Packet(p)) => {
                    let outcome = if !p.initial {
                        Push::NotInitial
                    } else if let Some(plain) = p.packet.and_then(|pkt| self.open(&p, pkt)) {
                        self.version.get_or_insert(p.version);
                        self.read_frames(&plain);
                        Push::Added { version: p.version }
                    } else {
                        Push::Undecryptable { version: p.version }
                    };
                    match rest.get(p.end..) {
                        Some(next) if p.packet.is_some() => rest = next,
                        _ => rest = &[],
                    }
                    outcome
                }
            };
            if outcome.rank() >= best.rank() {
                best = outcome;
            }
        }
        best
    }

    /// The client's CRYPTO stream bytes contiguous from offset 0: the TLS handshake,
    /// a ClientHello (type 1, 3-byte length, body). Empty until offset 0 arrived.
    pub fn crypto(&self) -> &[u8] {
        &self.contig
    }

    /// Whether the contiguous bytes hold a whole handshake message (4 + declared length).
    pub fn complete(&self) -> bool {
        match self.contig.get(1..4) {
            Some(&[a, b, c]) => {
                let len = (usize::from(a) << 16) | (usize::from(b) << 8) | usize::from(c);
                self.contig.len() >= len + 4
            }
            _ => false,
        }
    }

    /// The version of the first Initial that decrypted, if any did.
    pub fn version(&self) -> Option<u32> {
        self.version
    }

    /// Removes protection from one Initial, trying its own DCID and then the DCIDs
    /// that worked before, each with every candidate salt. Returns the plaintext.
    fn open(&mut self, p: &Long<'_>, packet: &[u8]) -> Option<Vec<u8>> {
        let (salts, v2) = version_params(p.version)?;
        let mut found = None;
        let known = self.dcids.iter().map(Vec::as_slice).filter(|d| *d != p.dcid);
        'outer: for dcid in core::iter::once(p.dcid).chain(known) {
            for salt in salts {
                if let Some(res) = unprotect(packet, p.pn_offset, salt, dcid, v2, self.largest_pn) {
                    found = Some((dcid.to_vec(), res));
                    break 'outer;
                }
            }
        }
        let (dcid, (pn, plain)) = found?;
        if !self.dcids.contains(&dcid) && self.dcids.len() < MAX_DCIDS {
            self.dcids.push(dcid);
        }
        self.largest_pn = Some(self.largest_pn.map_or(pn, |l| l.max(pn)));
        Some(plain)
    }

    /// Walks decrypted frames, keeping CRYPTO data; stops at the first unknown or
    /// malformed frame.
    fn read_frames(&mut self, payload: &[u8]) {
        let mut r = Reader::new(payload);
        while let Some(ty) = r.varint() {
            let ok = match ty {
                0x00 | 0x01 => Some(()), // PADDING, PING
                0x02 | 0x03 => skip_ack(&mut r, ty == 0x03),
                0x06 => r.varint().and_then(|offset| {
                    let data = r.varint().and_then(|n| r.take_u64(n))?;
                    self.add_crypto(offset, data);
                    Some(())
                }),
                // CONNECTION_CLOSE (transport, then application variant).
                0x1c | 0x1d => (|| {
                    r.varint()?;
                    if ty == 0x1c {
                        r.varint()?;
                    }
                    let n = r.varint()?;
                    r.take_u64(n).map(|_| ())
                })(),
                _ => None,
            };
            if ok.is_none() {
                break;
            }
        }
    }

    /// Stores one CRYPTO frame's data, within the caps, and grows the contiguous prefix.
    fn add_crypto(&mut self, offset: u64, data: &[u8]) {
        let Ok(start) = usize::try_from(offset) else {
            return;
        };
        let Some(end) = start.checked_add(data.len()) else {
            return;
        };
        let have = self.contig.len();
        if end > MAX_CRYPTO || end <= have {
            return; // beyond the cap, or nothing new
        }
        if start <= have {
            if let Some(tail) = data.get(have - start..) {
                self.contig.extend_from_slice(tail);
            }
            self.drain_pending();
        } else if self.pending.len() < MAX_PIECES && have + self.pending_bytes + data.len() <= MAX_CRYPTO {
            self.pending.push((start, data.to_vec()));
            self.pending_bytes += data.len();
        }
    }

    /// Moves pending pieces that now touch the contiguous prefix into it.
    fn drain_pending(&mut self) {
        let contig = &mut self.contig;
        loop {
            let mut grew = false;
            self.pending.retain(|(start, data)| {
                let have = contig.len();
                if *start > have {
                    return true;
                }
                if let Some(tail) = data.get(have - start..) {
                    grew |= !tail.is_empty();
                    contig.extend_from_slice(tail);
                }
                false
            });
            if !grew {
                break;
            }
        }
        self.pending_bytes = self.pending.iter().map(|(_, d)| d.len()).sum();
    }
}

/// A parsed long header of a known version.
struct Long<'a> {
    version: u32,
    initial: bool,
    dcid: &'a [u8],
    pn_offset: usize,
    /// The whole packet (header through tag), or `None` if the datagram is shorter
    /// than the Length field says.
    packet: Option<&'a [u8]>,
    /// Where the next coalesced packet starts.
    end: usize,
}

enum Header<'a> {
    Unknown(u32),
    Retry,
    Packet(Long<'a>),
}

/// Parses the long header at the start of `d` (RFC 9000 §17.2).
fn parse_long(d: &[u8]) -> Option<Header<'_>> {
    let mut r = Reader::new(d);
    let first = r.u8()?;
    let version = r.u32()?;
    let Some((_, v2)) = version_params(version) else {
        return Some(Header::Unknown(version));
    };
    let dcid = r.cid()?;
    r.cid()?; // SCID
    let ty = (first >> 4) & 0x03;
    // v1 types: Initial 0, 0-RTT 1, Handshake 2, Retry 3; v2 (RFC 9369 §3.2) is +1 mod 4.
    let ty = if v2 { (ty + 3) & 0x03 } else { ty };
    match ty {
        3 => return Some(Header::Retry),
        0 => {
            let token_len = r.varint()?;
            r.take_u64(token_len)?;
        }
        _ => {}
    }
    let len = usize::try_from(r.varint()?).ok()?;
    let pn_offset = r.pos;
    let end = pn_offset.checked_add(len)?;
    Some(Header::Packet(Long { version, initial: ty == 0, dcid, pn_offset, packet: d.get(..end), end }))
}

/// Initial packet protection keys for one direction (RFC 9001 §5.1-5.2).
struct Keys {
    key: [u8; 16],
    iv: [u8; 12],
    hp: [u8; 16],
}

impl Keys {
    /// Derives the client's Initial keys from a salt and the client's DCID.
    fn client(salt: &Salt, dcid: &[u8], v2: bool) -> Option<Keys> {
        let initial = Hkdf::<Sha256>::new(Some(salt), dcid);
        let mut secret = [0u8; 32];
        expand_label(&initial, b"client in", &mut secret)?;
        let hk = Hkdf::<Sha256>::from_prk(&secret).ok()?;
        let (k, iv, hp): (&[u8], &[u8], &[u8]) = if v2 { (b"quicv2 key", b"quicv2 iv", b"quicv2 hp") } else { (b"quic key", b"quic iv", b"quic hp") };
        let mut keys = Keys { key: [0; 16], iv: [0; 12], hp: [0; 16] };
        expand_label(&hk, k, &mut keys.key)?;
        expand_label(&hk, iv, &mut keys.iv)?;
        expand_label(&hk, hp, &mut keys.hp)?;
        Some(keys)
    }

    /// AES-ECB of the 16-byte sample: the header protection mask (RFC 9001 §5.4.3).
    fn mask(&self, sample: &[u8]) -> Option<[u8; 16]> {
        let mut block = <[u8; 16]>::try_from(sample).ok()?.into();
        Aes128::new(&self.hp.into()).encrypt_block(&mut block);
        Some(block.into())
    }

    /// The AEAD nonce: the IV with the packet number XORed into its low bytes.
    fn nonce(&self, pn: u64) -> [u8; 12] {
        let mut nonce = self.iv;
        for (n, p) in nonce.iter_mut().skip(4).zip(pn.to_be_bytes()) {
            *n ^= p;
        }
        nonce
    }
}

/// TLS 1.3 HKDF-Expand-Label with an empty context (RFC 8446 §7.1).
fn expand_label(hk: &Hkdf<Sha256>, label: &[u8], out: &mut [u8]) -> Option<()> {
    let mut info = Vec::with_capacity(10 + label.len());
    info.extend_from_slice(&u16::try_from(out.len()).ok()?.to_be_bytes());
    info.push(u8::try_from(6 + label.len()).ok()?);
    info.extend_from_slice(b"tls13 ");
    info.extend_from_slice(label);
    info.push(0);
    hk.expand(&info, out).ok()
}

/// Removes header protection and decrypts one Initial; `None` if the tag fails.
/// Returns the full packet number and the plaintext frames.
fn unprotect(packet: &[u8], pn_offset: usize, salt: &Salt, dcid: &[u8], v2: bool, largest: Option<u64>) -> Option<(u64, Vec<u8>)> {
    let keys = Keys::client(salt, dcid, v2)?;
    let sample = packet.get(pn_offset.checked_add(4)?..pn_offset.checked_add(20)?)?;
    let mask = keys.mask(sample)?;
    let mut header = packet.get(..pn_offset.checked_add(4)?)?.to_vec();
    let first = header.first_mut()?;
    *first ^= mask.first()? & 0x0f;
    let pn_len = usize::from(*first & 0x03) + 1;
    header.truncate(pn_offset + pn_len);
    let mut truncated = 0u64;
    for (b, m) in header.iter_mut().skip(pn_offset).zip(mask.iter().skip(1)) {
        *b ^= m;
        truncated = (truncated << 8) | u64::from(*b);
    }
    let pn = decode_pn(truncated, pn_len * 8, largest);
    let body = packet.get(header.len()..)?;
    let split = body.len().checked_sub(16)?;
    let (ct, tag) = (body.get(..split)?, body.get(split..)?);
    let tag = <[u8; 16]>::try_from(tag).ok()?;
    let mut plain = ct.to_vec();
    Aes128Gcm::new(&keys.key.into()).decrypt_in_place_detached(&keys.nonce(pn).into(), &header, &mut plain, &tag.into()).ok()?;
    Some((pn, plain))
}

/// Recovers a full packet number from its truncated encoding (RFC 9000 §A.3).
fn decode_pn(truncated: u64, bits: usize, largest: Option<u64>) -> u64 {
    let expected = largest.map_or(0, |l| l.saturating_add(1));
    let win = 1u64 << bits.min(32);
    let hwin = win / 2;
    let candidate = (expected & !(win - 1)) | truncated;
    if candidate.saturating_add(hwin) <= expected && candidate < (1 << 62) - win {
        candidate + win
    } else if candidate > expected.saturating_add(hwin) && candidate >= win {
        candidate - win
    } else {
        candidate
    }
}

/// Skips an ACK frame's fields after its type (RFC 9000 §19.3).
fn skip_ack(r: &mut Reader<'_>, ecn: bool) -> Option<()> {
    r.varint()?; // largest acknowledged
    r.varint()?; // ack delay
    let ranges = r.varint()?;
    r.varint()?; // first range
                 // Each range is at least two bytes, so a huge count ends with the data.
    for _ in 0..ranges {
        r.varint()?;
        r.varint()?;
    }
    if ecn {
        for _ in 0..3 {
            r.varint()?;
        }
    }
    Some(())
}

/// A bounds-checked cursor over bytes.
struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn new(buf: &'a [u8]) -> Self {
        Reader { buf, pos: 0 }
    }

    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.pos.checked_add(n)?;
        let s = self.buf.get(self.pos..end)?;
        self.pos = end;
        Some(s)
    }

    fn take_u64(&mut self, n: u64) -> Option<&'a [u8]> {
        self.take(usize::try_from(n).ok()?)
    }

    fn u8(&mut self) -> Option<u8> {
        self.take(1)?.first().copied()
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_be_bytes(self.take(4)?.try_into().ok()?))
    }

    /// A connection ID: one length byte (at most 20) and the bytes.
    fn cid(&mut self) -> Option<&'a [u8]> {
        let len = self.u8()?;
        if len > 20 {
            return None;
        }
        self.take(usize::from(len))
    }

    /// A QUIC variable-length integer (RFC 9000 §16).
    fn varint(&mut self) -> Option<u64> {
        let first = self.u8()?;
        let rest = self.take((1usize << (first >> 6)) - 1)?;
        Some(rest.iter().fold(u64::from(first & 0x3f), |v, &b| (v << 8) | u64::from(b)))
    }
}

#[cfg(test)]
#[path = "../../../tests/unit/packets_quic.rs"]
pub(crate) mod tests;
