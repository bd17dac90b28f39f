//! ASN → organisation names, zero-copy over pack bytes (layout: `encode.rs`).

use super::table::{err, u32_at, TableError};

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
