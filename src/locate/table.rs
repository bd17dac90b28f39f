//! Zero-copy range tables over embedded bytes.
//!
//! Range table (`BLT1`): magic `b"BLT1"`, key width (1 byte: 4 for IPv4, 16 for
//! IPv6), value width (1 byte), 2 reserved bytes, count (u32 LE), then `count`
//! keys (LE, strictly increasing, the first is 0), then `count` values (LE).
//! Entry *i* covers `[key[i], key[i+1])`; value 0 means "no data".
//!
//! Name table (`BLN1`): magic, count (u32 LE), `count` sorted ASNs (u32 LE),
//! `count + 1` offsets (u32 LE) into the UTF-8 text that follows.

use std::fmt;

/// Why table bytes were rejected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableError(pub String);

impl fmt::Display for TableError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "bad data table: {}", self.0)
    }
}

impl std::error::Error for TableError {}

fn err<T>(m: &str) -> Result<T, TableError> {
    Err(TableError(m.to_string()))
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}

/// A sorted range table borrowed from bytes.
#[derive(Clone, Copy)]
pub struct RangeTable<'a> {
    keys: &'a [u8],
    values: &'a [u8],
    key_width: usize,
    value_width: usize,
    len: usize,
}

impl<'a> RangeTable<'a> {
    /// Checks the header and the sizes (constant time): after this no lookup
    /// can panic or read out of bounds. Call [`RangeTable::validate`] as well
    /// for bytes that did not come from our own build step.
    pub fn parse(bytes: &'a [u8]) -> Result<RangeTable<'a>, TableError> {
        if bytes.len() < 12 || &bytes[..4] != b"BLT1" {
            return err("not a range table (magic)");
        }
        let (key_width, value_width) = (bytes[4] as usize, bytes[5] as usize);
        if !matches!(key_width, 4 | 16) || !matches!(value_width, 1..=4) {
            return err("unsupported key or value width");
        }
        let len = u32_at(bytes, 8) as usize;
        let body = &bytes[12..];
        if len == 0 || body.len() != len.checked_mul(key_width + value_width).ok_or(TableError("size overflow".into()))? {
            return err("length does not match the header");
        }
        let (keys, values) = body.split_at(len * key_width);
        Ok(RangeTable { keys, values, key_width, value_width, len })
    }

    /// Checks the whole table (linear time): starts at 0, keys strictly
    /// increasing, so ranges are sorted and disjoint and lookups are right.
    pub fn validate(&self) -> Result<(), TableError> {
        if self.key(0) != 0 {
            return err("the first range does not start at address 0");
        }
        // Whole keys compared at once: this runs at every start of the
        // extension's worker, over about a million keys.
        let increasing = match self.key_width {
            4 => strictly_increasing(self.keys.chunks_exact(4).map(|k| u32::from_le_bytes([k[0], k[1], k[2], k[3]]))),
            _ => strictly_increasing(self.keys.chunks_exact(16).map(|k| u128::from_le_bytes(k.try_into().expect("16-byte chunk")))),
        };
        if !increasing {
            return err("keys are not strictly increasing");
        }
        Ok(())
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

    pub fn key(&self, i: usize) -> u128 {
        let mut b = [0u8; 16];
        b[..self.key_width].copy_from_slice(&self.keys[i * self.key_width..(i + 1) * self.key_width]);
        u128::from_le_bytes(b)
    }

    pub fn value(&self, i: usize) -> u32 {
        let mut b = [0u8; 4];
        b[..self.value_width].copy_from_slice(&self.values[i * self.value_width..(i + 1) * self.value_width]);
        u32::from_le_bytes(b)
    }

    /// The value covering `addr`, or `None` where the table has no data.
    pub fn lookup(&self, addr: u128) -> Option<u32> {
        // Binary search for the last key <= addr; key(0) == 0 so one exists.
        let (mut lo, mut hi) = (0usize, self.len);
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            if self.key(mid) <= addr {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        Some(self.value(lo)).filter(|&v| v != 0)
    }
}

fn strictly_increasing<T: PartialOrd + Copy>(mut keys: impl Iterator<Item = T>) -> bool {
    let Some(mut prev) = keys.next() else { return true };
    keys.all(|k| {
        let ok = k > prev;
        prev = k;
        ok
    })
}

/// ASN → organisation names, borrowed from bytes.
#[derive(Clone, Copy)]
pub struct NameTable<'a> {
    asns: &'a [u8],
    offsets: &'a [u8],
    text: &'a [u8],
    len: usize,
}

impl<'a> NameTable<'a> {
    /// Checks the header and the sizes (constant time); the text is checked
    /// name by name as it is read, or in full by [`NameTable::validate`].
    pub fn parse(bytes: &'a [u8]) -> Result<NameTable<'a>, TableError> {
        if bytes.len() < 8 || &bytes[..4] != b"BLN1" {
            return err("not a name table (magic)");
        }
        let len = u32_at(bytes, 4) as usize;
        let head = len.checked_mul(8).and_then(|n| n.checked_add(12)).ok_or(TableError("size overflow".into()))?;
        if bytes.len() < head {
            return err("name table shorter than its header says");
        }
        let asns = &bytes[8..8 + len * 4];
        let offsets = &bytes[8 + len * 4..head];
        Ok(NameTable { asns, offsets, text: &bytes[head..], len })
    }

    /// Checks offsets and order (linear time); lookups are safe without it.
    pub fn validate(&self) -> Result<(), TableError> {
        let text = std::str::from_utf8(self.text).map_err(|_| TableError("names are not UTF-8".into()))?;
        let (offsets, asns, len) = (self.offsets, self.asns, self.len);
        let mut prev = 0;
        for i in 0..=len {
            let o = u32_at(offsets, i * 4) as usize;
            if o < prev || o > text.len() || !text.is_char_boundary(o) {
                return err("name offsets out of order or out of bounds");
            }
            prev = o;
        }
        for i in 1..len {
            if u32_at(asns, i * 4) <= u32_at(asns, (i - 1) * 4) {
                return err("ASNs are not strictly increasing");
            }
        }
        Ok(())
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The organisation name of an ASN, if known.
    pub fn name(&self, asn: u32) -> Option<&'a str> {
        let (mut lo, mut hi) = (0usize, self.len);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match u32_at(self.asns, mid * 4).cmp(&asn) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => {
                    let (a, b) = (u32_at(self.offsets, mid * 4) as usize, u32_at(self.offsets, mid * 4 + 4) as usize);
                    // `get` keeps a bad offset from panicking even in an unvalidated table.
                    return self.text.get(a..b).and_then(|t| std::str::from_utf8(t).ok());
                }
            }
        }
        None
    }
}

#[cfg(test)]
#[path = "../../tests/unit/locate_table.rs"]
mod tests;
