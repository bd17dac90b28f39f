//! Data packs: the compiled data the core needs at run time, as the build
//! step writes them (`lists.bin`: the filter engines; `locations.bin`: the IP
//! tables). Native builds embed them; the wasm shells load them beside the
//! module, so the module stays small and the browser reads the data the
//! fastest way it can.
//!
//! Layout: magic `b"BLP1"`, section count (u32 LE), the sections' lengths
//! (u32 LE each), then the sections back to back.

use std::borrow::Cow;
use std::ops::Range;

/// The sections of a pack, as byte ranges into it.
pub fn sections(bytes: &[u8], expected: usize) -> Result<Vec<Range<usize>>, String> {
    layout(bytes, bytes.len(), expected)
}

/// The sections of a pack of `total` bytes, as byte ranges, from its first
/// bytes (`head`: at least the header, or the whole pack).
pub fn layout(head: &[u8], total: usize, expected: usize) -> Result<Vec<Range<usize>>, String> {
    let word = |at: usize| head.get(at..at + 4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize);
    if head.get(..4) != Some(b"BLP1") {
        return Err("not a Borderline data pack (magic)".into());
    }
    let count = word(4).ok_or("data pack: truncated header")?;
    if count != expected {
        return Err(format!("data pack: {count} sections, expected {expected}"));
    }
    let mut at = 8 + count * 4;
    let mut out = Vec::with_capacity(count);
    for i in 0..count {
        let len = word(8 + i * 4).ok_or("data pack: truncated header")?;
        let end = at.checked_add(len).filter(|&e| e <= total).ok_or("data pack: a section runs past the end")?;
        out.push(at..end);
        at = end;
    }
    if at != total {
        return Err("data pack: bytes after the last section".into());
    }
    Ok(out)
}

/// Where a pack's bytes are read from, a part at a time: memory, or (in the
/// wasm binding) a buffer outside the module that is copied in piece by piece.
pub trait PackSource {
    fn len(&self) -> usize;
    /// A copy of the bytes in `range` (within `0..len()`).
    fn copy(&self, range: Range<usize>) -> Vec<u8>;
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl PackSource for [u8] {
    fn len(&self) -> usize {
        <[u8]>::len(self)
    }

    fn copy(&self, range: Range<usize>) -> Vec<u8> {
        self[range].to_vec()
    }
}

/// Each of a pack's `expected` sections, copied out of `source` into an
/// allocation of its own.
pub fn copy_sections<S: PackSource + ?Sized>(source: &S, expected: usize) -> Result<Vec<Vec<u8>>, String> {
    let head = source.copy(0..source.len().min(8 + 4 * expected));
    let ranges = layout(&head, source.len(), expected)?;
    Ok(ranges.into_iter().map(|r| source.copy(r)).collect())
}

/// Each of a pack's `expected` sections, borrowed from bytes that live as
/// long as the program (the packs embedded in the binary).
pub fn borrowed_sections(bytes: &'static [u8], expected: usize) -> Result<Vec<Cow<'static, [u8]>>, String> {
    Ok(sections(bytes, expected)?.into_iter().map(|r| Cow::Borrowed(&bytes[r])).collect())
}

/// Packs sections (the build step's writer; also for tests).
pub fn write(sections: &[&[u8]]) -> Vec<u8> {
    let mut out = Vec::with_capacity(8 + sections.len() * 4 + sections.iter().map(|s| s.len()).sum::<usize>());
    out.extend_from_slice(b"BLP1");
    out.extend_from_slice(&(sections.len() as u32).to_le_bytes());
    for s in sections {
        out.extend_from_slice(&(s.len() as u32).to_le_bytes());
    }
    for s in sections {
        out.extend_from_slice(s);
    }
    out
}

#[cfg(test)]
#[path = "../../tests/unit/data_pack.rs"]
mod tests;
