//! Writes the table layouts that `table.rs` and `names.rs` read. Plain `std`:
//! the build step includes this file to write the `locations.bin` data pack,
//! and the tests and fuzz seeds use it to make tables of their own.
//!
//! Range table (`BLT2`), all integers little-endian:
//!
//! ```text
//! 0   b"BLT2"
//! 4   key width (u8): 4 for IPv4, 16 for IPv6
//! 5   value width (u8): 1 to 4 bytes per stored value
//! 6   bucket bits (u8): IPv4 only, 0, 8 or 16 (0 for IPv6)
//! 7   block bits (u8): IPv6 only, 1 to 8: its keys come in blocks of
//!     2^bits entries (0 for IPv4)
//! 8   count (u32): entries, at least 1
//! 12  dictionary size (u32): 0 when values are stored as they are
//! 16  low count (u32): IPv6 keys with a non-zero low half (0 for IPv4)
//! 20  dictionary: u32 × dictionary size (stored values index into it)
//!     keys, IPv4: 2^bits + 1 bucket starts (u32; bucket b holds the entries
//!                 whose key's top `bits` bits are b, the last is count), then
//!                 count × the other bits, in (32 - bits) / 8 bytes each
//!     keys, IPv6: the high halves in blocks: blocks × u64 (each block's
//!                 first high half), blocks + 1 × u32 (where each block's
//!                 deltas start in the stream; the last is its length), the
//!                 stream (each later entry's high half minus the one before,
//!                 LEB128), then low count × u32 (entry indexes, increasing)
//!                 and low count × u64 (their low halves)
//!     values: count × value width
//! ```
//!
//! Entry *i* covers `[key[i], key[i+1])`; keys strictly increase from 0, and
//! value 0 means "no data". A country is its two ASCII letters as a u16
//! (`b'S' << 8 | b'G'`); an ASN is its number.
//!
//! Name table (`BLN1`): magic, count (u32), `count` sorted ASNs (u32),
//! `count + 1` offsets (u32) into the UTF-8 text that follows.

/// Header bytes before the dictionary.
pub const HEADER: usize = 20;

/// IPv6 keys come in blocks of 2^this many entries: a lookup binary-searches
/// the blocks' first keys, then reads at most 15 deltas. Neighbouring keys
/// share most of their high half, so a delta takes 1 to 3 bytes where a
/// whole high half took 8 (the shipped IPv6 tables: 3.6 → 1.9 MB of keys).
pub const V6_BLOCK_BITS: usize = 4;

/// Appends `x` as LEB128: 7 bits a byte, low bits first.
fn leb128(out: &mut Vec<u8>, mut x: u64) {
    while x >= 0x80 {
        out.push(x as u8 | 0x80);
        x >>= 7;
    }
    out.push(x as u8);
}

fn width_of(max: u32) -> usize {
    (4 - max.leading_zeros() as usize / 8).max(1)
}

/// A range table from `(start, value)` entries: starts strictly increasing
/// from 0 and fitting `key_width` bytes (4 or 16). IPv4 keys take the bucket
/// split that makes the table smallest; values the fewest bytes, through a
/// dictionary when that is smaller.
pub fn range_table(entries: &[(u128, u32)], key_width: usize) -> Vec<u8> {
    let size = |bits: usize| ((1usize << bits) + 1) * 4 + entries.len() * (4 - bits / 8);
    let bits = if key_width == 4 { [0, 8, 16].into_iter().min_by_key(|&b| size(b)).expect("three splits") } else { 0 };
    range_table_split(entries, key_width, bits)
}

/// [`range_table`] with the IPv4 bucket bits chosen: 0, 8 or 16.
pub fn range_table_split(entries: &[(u128, u32)], key_width: usize, bits: usize) -> Vec<u8> {
    assert!(matches!(bits, 0 | 8 | 16) && (key_width == 4 || bits == 0), "bucket bits 0, 8 or 16, for IPv4 only");
    assert!(matches!(key_width, 4 | 16), "key width 4 or 16");
    assert!(entries.first().map(|e| e.0) == Some(0), "a range table starts at address 0");
    assert!(entries.windows(2).all(|w| w[0].0 < w[1].0), "range starts strictly increase");
    assert!(key_width == 16 || entries.iter().all(|e| e.0 <= u128::from(u32::MAX)), "IPv4 keys fit 32 bits");

    let mut distinct: Vec<u32> = entries.iter().map(|e| e.1).collect();
    distinct.sort_unstable();
    distinct.dedup();
    let raw_width = width_of(*distinct.last().expect("at least one entry"));
    let dict_width = width_of(distinct.len() as u32 - 1);
    let use_dict = entries.len() * dict_width + distinct.len() * 4 < entries.len() * raw_width;
    let (value_width, dict) = if use_dict { (dict_width, distinct) } else { (raw_width, Vec::new()) };
    let lows: Vec<(u32, u64)> =
        if key_width == 16 { entries.iter().enumerate().filter(|(_, e)| e.0 as u64 != 0).map(|(i, e)| (i as u32, e.0 as u64)).collect() } else { Vec::new() };

    let mut out = b"BLT2".to_vec();
    let block_bits = if key_width == 16 { V6_BLOCK_BITS } else { 0 };
    out.extend_from_slice(&[key_width as u8, value_width as u8, bits as u8, block_bits as u8]);
    for n in [entries.len(), dict.len(), lows.len()] {
        out.extend_from_slice(&(n as u32).to_le_bytes());
    }
    dict.iter().for_each(|v| out.extend_from_slice(&v.to_le_bytes()));
    if key_width == 4 {
        let mut next = 0;
        for bucket in 0..=1u128 << bits {
            while next < entries.len() && entries[next].0 >> (32 - bits) < bucket {
                next += 1;
            }
            out.extend_from_slice(&(next as u32).to_le_bytes());
        }
        let low_width = 4 - bits / 8;
        entries.iter().for_each(|e| out.extend_from_slice(&(e.0 as u32).to_le_bytes()[..low_width]));
    } else {
        let highs: Vec<u64> = entries.iter().map(|e| (e.0 >> 64) as u64).collect();
        let blocks: Vec<&[u64]> = highs.chunks(1 << block_bits).collect();
        blocks.iter().for_each(|b| out.extend_from_slice(&b[0].to_le_bytes()));
        let mut stream = Vec::new();
        for block in &blocks {
            out.extend_from_slice(&(stream.len() as u32).to_le_bytes());
            block.windows(2).for_each(|w| leb128(&mut stream, w[1] - w[0]));
        }
        out.extend_from_slice(&(stream.len() as u32).to_le_bytes());
        out.extend_from_slice(&stream);
        lows.iter().for_each(|l| out.extend_from_slice(&l.0.to_le_bytes()));
        lows.iter().for_each(|l| out.extend_from_slice(&l.1.to_le_bytes()));
    }
    for e in entries {
        let stored = if use_dict { dict.binary_search(&e.1).expect("value in its dictionary") as u32 } else { e.1 };
        out.extend_from_slice(&stored.to_le_bytes()[..value_width]);
    }
    out
}

/// A name table from `(asn, name)` pairs sorted by ASN, no ASN twice.
pub fn name_table(sorted: &[(u32, &str)]) -> Vec<u8> {
    assert!(sorted.windows(2).all(|w| w[0].0 < w[1].0), "ASNs strictly increase");
    let mut out = b"BLN1".to_vec();
    out.extend_from_slice(&(sorted.len() as u32).to_le_bytes());
    sorted.iter().for_each(|(asn, _)| out.extend_from_slice(&asn.to_le_bytes()));
    let mut offset = 0u32;
    out.extend_from_slice(&offset.to_le_bytes());
    for (_, name) in sorted {
        offset += name.len() as u32;
        out.extend_from_slice(&offset.to_le_bytes());
    }
    sorted.iter().for_each(|(_, name)| out.extend_from_slice(name.as_bytes()));
    out
}
