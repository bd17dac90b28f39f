//! From a captured frame to its IP packet: the link layers captures of phones
//! and computers use, PCAPdroid's per-packet trailer and app block (the app
//! that sent or received a packet), and PCAPNG interface time resolutions.

use etherparse::{EtherType, LaxSlicedPacket};

use super::App;

/// Link types (the `LINKTYPE_*` numbers of the pcap and pcapng formats).
pub mod linktype {
    pub const NULL: u32 = 0;
    pub const ETHERNET: u32 = 1;
    /// OpenBSD's DLT_RAW values and LINKTYPE_RAW.
    pub const RAW_12: u32 = 12;
    pub const RAW_14: u32 = 14;
    pub const RAW: u32 = 101;
    pub const LOOP: u32 = 108;
    pub const LINUX_SLL: u32 = 113;
    pub const IPV4: u32 = 228;
    pub const IPV6: u32 = 229;
    pub const LINUX_SLL2: u32 = 276;
}

/// Whether the reader knows a link type.
pub fn supported(linktype: u32) -> bool {
    use linktype::*;
    matches!(linktype, NULL | ETHERNET | RAW_12 | RAW_14 | RAW | LOOP | LINUX_SLL | IPV4 | IPV6 | LINUX_SLL2)
}

/// PCAPdroid's trailer: magic, then the app's uid and its package name cut to 19 bytes.
const TRAILER_MAGIC: u32 = 0x0107_2021;
const TRAILER_LEN: usize = 32;

/// The app PCAPdroid's trailer names for one packet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrailerApp {
    pub uid: i32,
    /// The package name as the trailer holds it: at most 19 bytes, so long names are cut.
    pub name: String,
}

/// Splits PCAPdroid's trailer off an Ethernet frame it wrote (both MAC
/// addresses zero), returning the frame without it and the app it names.
pub fn pcapdroid_trailer(frame: &[u8]) -> Option<(&[u8], TrailerApp)> {
    if frame.len() < 14 + TRAILER_LEN || frame[..12].iter().any(|b| *b != 0) {
        return None;
    }
    let t = &frame[frame.len() - TRAILER_LEN..];
    if u32::from_be_bytes([t[0], t[1], t[2], t[3]]) != TRAILER_MAGIC {
        return None;
    }
    // The trailer lies past the end the IP header declares: bytes inside the
    // packet (a payload that happens to hold the magic) are never one.
    let ip_len = match frame[14] >> 4 {
        4 => usize::from(u16::from_be_bytes([frame[16], frame[17]])),
        6 => 40 + usize::from(u16::from_be_bytes([frame[18], frame[19]])),
        _ => return None,
    };
    if 14 + ip_len > frame.len() - TRAILER_LEN {
        return None;
    }
    let uid = i32::from_be_bytes([t[4], t[5], t[6], t[7]]);
    let raw = &t[8..28];
    let end = raw.iter().position(|b| *b == 0).unwrap_or(raw.len());
    let name = String::from_utf8_lossy(&raw[..end]).into_owned();
    Some((&frame[..frame.len() - TRAILER_LEN], TrailerApp { uid, name }))
}

/// The frame's headers from the IP layer down, or `None` when the link layer
/// carries no IP (ARP, other protocols) or is cut short.
pub fn slice(linktype: u32, frame: &[u8]) -> Option<LaxSlicedPacket<'_>> {
    use linktype::*;
    let packet = match linktype {
        ETHERNET => LaxSlicedPacket::from_ethernet(frame).ok()?,
        RAW | RAW_12 | RAW_14 | IPV4 | IPV6 => LaxSlicedPacket::from_ip(frame).ok()?,
        LINUX_SLL => {
            // 16 bytes; the protocol (an EtherType) in the last two.
            let proto = u16::from_be_bytes([*frame.get(14)?, *frame.get(15)?]);
            LaxSlicedPacket::from_ether_type(EtherType(proto), frame.get(16..)?)
        }
        LINUX_SLL2 => {
            // 20 bytes; the protocol first.
            let proto = u16::from_be_bytes([*frame.first()?, *frame.get(1)?]);
            LaxSlicedPacket::from_ether_type(EtherType(proto), frame.get(20..)?)
        }
        NULL | LOOP => {
            // A 4-byte address family: host byte order for NULL, network for LOOP.
            let b = [*frame.first()?, *frame.get(1)?, *frame.get(2)?, *frame.get(3)?];
            let family = if linktype == LOOP { u32::from_be_bytes(b) } else { u32::from_le_bytes(b).min(u32::from_be_bytes(b)) };
            match family {
                2 | 24 | 28 | 30 => LaxSlicedPacket::from_ip(frame.get(4..)?).ok()?,
                _ => return None,
            }
        }
        _ => return None,
    };
    packet.net.as_ref()?;
    Some(packet)
}

/// An interface's timestamp resolution (units per second) from its
/// `if_tsresol` option: 10^n, or 2^n when the top bit is set; 10^6 when
/// absent. `None` when it names a resolution no clock has.
pub(super) fn ts_resolution(idb: &pcap_parser::pcapng::InterfaceDescriptionBlock<'_>) -> Option<u64> {
    let Some(opt) = idb.options.iter().find(|o| o.code.0 == 9) else { return Some(1_000_000) };
    let r = *opt.value().first()?;
    if r & 0x80 != 0 {
        1u64.checked_shl(u32::from(r & 0x7f)).filter(|_| r & 0x7f < 64)
    } else {
        10u64.checked_pow(u32::from(r))
    }
}

/// Reads PCAPdroid's PCAPNG app block (custom block, enterprise number
/// 62652): version and type bytes, then the app's uid (little-endian) and the
/// lengths of its package name and label, then the two names. Builds differ
/// in whether two reserved bytes follow the type, so both layouts are tried
/// and a layout is taken only when its names read as a package name.
pub(super) fn pcapdroid_app_block(data: &[u8]) -> Option<App> {
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
