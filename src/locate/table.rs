//! Zero-copy range tables over pack bytes (layout: `encode.rs`).
//!
//! IPv4 keys are stored as their low bits under a bucket index of their top
//! 16 (or 8, or 0) bits,
//! IPv6 keys as their high 64 bits, delta-coded in blocks of 16, with the few
//! non-zero low halves aside, values in 1 to 4 bytes or as indexes into a
//! dictionary: the shipped tables take 50% of the plain layout's bytes, with
//! lookups that touch a bucket of a few entries (IPv4) or one binary search
//! over the blocks' first keys and a block's deltas (IPv6).

use std::fmt;

use super::encode::HEADER;

/// Why table bytes were rejected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableError(pub String);

impl fmt::Display for TableError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "bad data table: {}", self.0)
    }
}

impl std::error::Error for TableError {}

pub(super) fn err<T>(m: &str) -> Result<T, TableError> {
    Err(TableError(m.to_string()))
}

pub(super) fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}

/// Little-endian integer `i` of a packed array of `width`-byte integers (1 to
/// 4 bytes): fixed-size reads, no copy loop, as this runs in every lookup and
/// over every entry when a table is checked.
#[inline]
fn item(b: &[u8], i: usize, width: usize) -> u32 {
    match width {
        1 => u32::from(b[i]),
        2 => u32::from(u16::from_le_bytes([b[i * 2], b[i * 2 + 1]])),
        3 => u32::from_le_bytes([b[i * 3], b[i * 3 + 1], b[i * 3 + 2], 0]),
        _ => u32_at(b, i * 4),
    }
}

/// The items of a packed array of `width`-byte integers, in order (one match
/// on the width, then fixed-size reads).
fn each_item(b: &[u8], width: usize, f: impl FnMut(u32) -> bool) -> bool {
    fn run<const W: usize>(b: &[u8], mut f: impl FnMut(u32) -> bool) -> bool {
        b.chunks_exact(W).all(|c| {
            let mut x = [0u8; 4];
            x[..W].copy_from_slice(c);
            f(u32::from_le_bytes(x))
        })
    }
    match width {
        1 => run::<1>(b, f),
        2 => run::<2>(b, f),
        3 => run::<3>(b, f),
        _ => run::<4>(b, f),
    }
}

fn u64_at(b: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(b[at..at + 8].try_into().expect("8 bytes"))
}

/// A sorted range table borrowed from bytes.
#[derive(Clone, Copy)]
pub struct RangeTable<'a> {
    dict: &'a [u8],
    /// IPv4: the bucket starts; IPv6: each block's first high half.
    index: &'a [u8],
    /// IPv6: where each block's deltas start in `deltas`, and its end.
    offsets: &'a [u8],
    /// IPv6: the high halves' deltas within their blocks (LEB128).
    deltas: &'a [u8],
    /// IPv4: each key's bits under its bucket; IPv6: the entry indexes of
    /// non-zero low halves.
    keys: &'a [u8],
    /// IPv6: the non-zero low halves; IPv4: empty.
    lows: &'a [u8],
    values: &'a [u8],
    key_width: usize,
    value_width: usize,
    len: usize,
    low_len: usize,
    /// IPv4: the bits of a key that name its bucket, and the bytes of the rest.
    bucket_bits: u32,
    low_width: usize,
    /// IPv6: entries per block, as a power of two.
    block_bits: u32,
}

/// Reads a LEB128 integer at `*pos`, never past `s` (a truncated one ends
/// where the bytes do) and never panicking (bits past 64 are dropped).
#[inline]
fn read_leb(s: &[u8], pos: &mut usize) -> u64 {
    let (mut x, mut shift) = (0u64, 0u32);
    while let Some(&b) = s.get(*pos) {
        *pos += 1;
        if shift < 64 {
            x |= u64::from(b & 0x7f) << shift;
        }
        shift += 7;
        if b < 0x80 {
            break;
        }
    }
    x
}

impl<'a> RangeTable<'a> {
    /// Checks the header and the sizes (constant time): after this no lookup
    /// can panic or read out of bounds. Call [`RangeTable::validate`] as well
    /// for bytes that did not come from our own build step.
    pub fn parse(bytes: &'a [u8]) -> Result<RangeTable<'a>, TableError> {
        if bytes.len() < HEADER || &bytes[..4] != b"BLT2" {
            return err("not a range table (magic)");
        }
        let (key_width, value_width) = (bytes[4] as usize, bytes[5] as usize);
        if !matches!(key_width, 4 | 16) || !matches!(value_width, 1..=4) {
            return err("unsupported key or value width");
        }
        let (len, dict_len, low_len) = (u32_at(bytes, 8) as usize, u32_at(bytes, 12) as usize, u32_at(bytes, 16) as usize);
        let (bucket_bits, block_bits) = (u32::from(bytes[6]), u32::from(bytes[7]));
        let v4 = key_width == 4;
        if (v4 && (low_len != 0 || !matches!(bucket_bits, 0 | 8 | 16) || block_bits != 0)) || (!v4 && (bucket_bits != 0 || !(1..=8).contains(&block_bits))) {
            return err("an IPv4 table with IPv6 parts, or unsupported bucket or block bits");
        }
        let low_width = 4 - bucket_bits as usize / 8;
        // Each part's size; u32 counts cannot overflow u64 arithmetic, and
        // usize is at least 32 bits: compute in u64 and compare.
        let (n, d, l) = (len as u64, dict_len as u64, low_len as u64);
        let blocks = n.div_ceil(1 << block_bits);
        let index = if v4 { ((1 << bucket_bits) + 1) * 4 } else { blocks * 8 };
        let offsets = if v4 { 0 } else { (blocks + 1) * 4 };
        // The delta stream's length is the last offset: read it once the
        // bytes are known to reach it.
        let last = HEADER as u64 + d * 4 + index + offsets;
        let deltas = match v4 {
            true => 0,
            false if len > 0 && last <= bytes.len() as u64 => u64::from(u32_at(bytes, last as usize - 4)),
            false => return err("length does not match the header"),
        };
        let keys = if v4 { n * low_width as u64 } else { l * 4 };
        let parts = [d * 4, index, offsets, deltas, keys, l * 8, n * value_width as u64];
        if len == 0 || (bytes.len() - HEADER) as u64 != parts.iter().sum::<u64>() {
            return err("length does not match the header");
        }
        let mut rest = &bytes[HEADER..];
        let mut take = |size: u64| {
            let (part, tail) = rest.split_at(size as usize);
            rest = tail;
            part
        };
        let [dict, index, offsets, deltas, keys, lows, values] = parts.map(&mut take);
        Ok(RangeTable { dict, index, offsets, deltas, keys, lows, values, key_width, value_width, len, low_len, bucket_bits, low_width, block_bits })
    }

    /// Checks the whole table (linear time): keys start at 0 and strictly
    /// increase, so ranges are sorted and disjoint and lookups are right;
    /// every stored value is in the dictionary, when there is one.
    pub fn validate(&self) -> Result<(), TableError> {
        let increasing = if self.key_width == 4 { self.v4_increasing() } else { self.v6_increasing() };
        if !increasing {
            return err("keys are not strictly increasing");
        }
        if self.key(0) != 0 {
            return err("the first range does not start at address 0");
        }
        let dict_len = self.dict.len() / 4;
        if dict_len > 0 && !each_item(self.values, self.value_width, |v| (v as usize) < dict_len) {
            return err("a value outside the table's dictionary");
        }
        Ok(())
    }

    /// Bucket starts run from 0 to `len` without going back, and within a
    /// bucket the low bits strictly increase.
    fn v4_increasing(&self) -> bool {
        let starts = || self.index.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]) as usize);
        if starts().next() != Some(0) || starts().next_back() != Some(self.len) || !starts().is_sorted() {
            return false;
        }
        // Bucket by bucket, whole keys compared: within a bucket the low bits
        // strictly increase.
        let mut start = 0;
        let w = self.low_width;
        starts().skip(1).all(|end| {
            let mut prev: Option<u32> = None;
            let ok = each_item(&self.keys[start * w..end * w], w, |k| {
                let ok = prev.is_none_or(|p| k > p);
                prev = Some(k);
                ok
            });
            start = end;
            ok
        })
    }

    /// Whole 128-bit keys, the low halves merged in as they come; each
    /// block's deltas fill its part of the stream exactly, without overflow.
    fn v6_increasing(&self) -> bool {
        // The entry indexes of the low halves, read in place.
        let entry = |j: usize| u32_at(self.keys, j * 4) as usize;
        if (1..self.low_len).any(|j| entry(j - 1) >= entry(j)) || (self.low_len > 0 && entry(self.low_len - 1) >= self.len) {
            return false;
        }
        let mut next = 0;
        let mut prev: Option<u128> = None;
        (0..self.blocks()).all(|b| {
            let (start, end) = (u32_at(self.offsets, b * 4) as usize, u32_at(self.offsets, b * 4 + 4) as usize);
            if start > end || end > self.deltas.len() {
                return false;
            }
            let stream = &self.deltas[start..end];
            let (mut pos, mut high) = (0, u64_at(self.index, b * 8));
            self.block_entries(b).all(|i| {
                if i > self.block_first(b) {
                    let at = pos;
                    let delta = read_leb(stream, &mut pos);
                    // A whole LEB128 of at most 10 bytes, ending in the stream.
                    if pos == at || pos - at > 10 || stream[pos - 1] >= 0x80 || pos - at == 10 && stream[pos - 1] > 1 {
                        return false;
                    }
                    let Some(h) = high.checked_add(delta) else { return false };
                    high = h;
                }
                let mut key = u128::from(high) << 64;
                if next < self.low_len && entry(next) == i {
                    key |= u128::from(u64_at(self.lows, next * 8));
                    next += 1;
                }
                let ok = prev.is_none_or(|p| key > p);
                prev = Some(key);
                ok
            }) && pos == stream.len()
        })
    }

    /// IPv6: the number of blocks of keys.
    fn blocks(&self) -> usize {
        self.len.div_ceil(1 << self.block_bits)
    }

    /// IPv6: the first entry of block `b`.
    fn block_first(&self, b: usize) -> usize {
        b << self.block_bits
    }

    /// IPv6: the entries of block `b`.
    fn block_entries(&self, b: usize) -> std::ops::Range<usize> {
        self.block_first(b)..(self.block_first(b + 1)).min(self.len)
    }

    /// IPv6: block `b`'s deltas (clamped into the stream, so an unchecked
    /// table gives wrong keys, never a panic).
    fn block_deltas(&self, b: usize) -> &'a [u8] {
        let end = (u32_at(self.offsets, b * 4 + 4) as usize).min(self.deltas.len());
        let start = (u32_at(self.offsets, b * 4) as usize).min(end);
        &self.deltas[start..end]
    }

    /// IPv6: the high half of entry `i` (`i < len`).
    fn high(&self, i: usize) -> u64 {
        let b = i >> self.block_bits;
        let (stream, mut pos) = (self.block_deltas(b), 0);
        (self.block_first(b)..i).fold(u64_at(self.index, b * 8), |h, _| h.wrapping_add(read_leb(stream, &mut pos)))
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Key width in bytes: 4 for IPv4 tables, 16 for IPv6.
    pub fn key_width(&self) -> usize {
        self.key_width
    }

    /// IPv4: the number of buckets (the index holds one more start, the end).
    fn buckets(&self) -> usize {
        1 << self.bucket_bits
    }

    fn bucket_start(&self, b: usize) -> usize {
        (u32_at(self.index, b * 4) as usize).min(self.len)
    }

    /// IPv4: the bits of key `i` under its bucket.
    fn low(&self, i: usize) -> u32 {
        item(self.keys, i, self.low_width)
    }

    /// IPv4: an address's bucket, and its bits under the bucket.
    fn split(&self, addr: u32) -> (usize, u32) {
        let low_bits = 32 - self.bucket_bits;
        ((u64::from(addr) >> low_bits) as usize, (u64::from(addr) & ((1 << low_bits) - 1)) as u32)
    }

    /// The low half of IPv6 entry `i` (0 unless listed aside).
    fn low64(&self, i: usize) -> u64 {
        let (mut lo, mut hi) = (0, self.low_len);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match (u32_at(self.keys, mid * 4) as usize).cmp(&i) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return u64_at(self.lows, mid * 8),
            }
        }
        0
    }

    /// The start of entry `i` (`i < len`).
    pub fn key(&self, i: usize) -> u128 {
        if self.key_width == 16 {
            return u128::from(self.high(i)) << 64 | u128::from(self.low64(i));
        }
        // The bucket holding entry i: the last whose start is <= i.
        let (mut lo, mut hi) = (0, self.buckets());
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            if self.bucket_start(mid) <= i {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        (lo as u128) << (32 - self.bucket_bits) | u128::from(self.low(i))
    }

    fn stored(&self, i: usize) -> u32 {
        item(self.values, i, self.value_width)
    }

    /// The value of entry `i` (`i < len`); 0 for an index outside the dictionary.
    pub fn value(&self, i: usize) -> u32 {
        let v = self.stored(i);
        if self.dict.is_empty() {
            return v;
        }
        // Compared as an index, never as a byte offset: `v * 4` could wrap
        // on a 32-bit target.
        if (v as usize) < self.dict.len() / 4 {
            u32_at(self.dict, v as usize * 4)
        } else {
            0
        }
    }

    /// The entry covering `addr`: the last whose key is <= addr (entry 0,
    /// which starts at 0, when none is).
    fn entry(&self, addr: u128) -> usize {
        if self.key_width == 4 {
            let addr = addr.min(u128::from(u32::MAX)) as u32;
            let (bucket, low) = self.split(addr);
            let (start, end) = (self.bucket_start(bucket), self.bucket_start(bucket + 1));
            // Within the bucket, the number of keys <= addr's low bits.
            let (mut lo, mut hi) = (start, end.max(start));
            while lo < hi {
                let mid = lo + (hi - lo) / 2;
                if self.low(mid) <= low {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo.saturating_sub(1);
        }
        // The last block whose first key is <= addr (block 0, which starts
        // at 0, when none is), then its entries in order.
        // High halves first: a block's low half (a search of its own) is
        // read only when the high halves are equal.
        let (high, low) = ((addr >> 64) as u64, addr as u64);
        let (mut lo, mut hi) = (1, self.blocks());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let first = u64_at(self.index, mid * 8);
            if first < high || (first == high && self.low64(self.block_first(mid)) <= low) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        let b = lo - 1;
        let (stream, mut pos) = (self.block_deltas(b), 0);
        let mut h = u64_at(self.index, b * 8);
        let mut found = self.block_first(b);
        for i in self.block_entries(b).skip(1) {
            h = h.wrapping_add(read_leb(stream, &mut pos));
            // Only a key whose high half equals addr's needs its low half.
            if h > high || (h == high && self.low64(i) > low) {
                break;
            }
            found = i;
        }
        found
    }

    /// The value covering `addr`, or `None` where the table has no data.
    pub fn lookup(&self, addr: u128) -> Option<u32> {
        Some(self.value(self.entry(addr))).filter(|&v| v != 0)
    }
}

#[cfg(test)]
#[path = "../../tests/unit/locate_table.rs"]
mod tests;
