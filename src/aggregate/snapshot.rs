//! Versioned binary snapshots of reports, for the extension to persist across
//! service-worker restarts. Layout: magic `b"BLSR"`, format version (u16 LE),
//! then the postcard encoding of the value.

use std::fmt;

use serde::{de::DeserializeOwned, Serialize};

/// Bumped whenever the stored shape changes; `tests/unit/aggregate_snapshot.rs`
/// pins a fingerprint of the layout so a change without a bump fails.
pub const SNAPSHOT_VERSION: u16 = 5;
const MAGIC: &[u8; 4] = b"BLSR";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SnapshotError {
    NotASnapshot,
    Version(u16),
    Corrupt(String),
}

impl fmt::Display for SnapshotError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SnapshotError::NotASnapshot => f.write_str("not a Borderline snapshot"),
            SnapshotError::Version(v) => write!(f, "snapshot format {v} is not supported (this build reads {SNAPSHOT_VERSION})"),
            SnapshotError::Corrupt(m) => write!(f, "corrupt snapshot: {m}"),
        }
    }
}

impl std::error::Error for SnapshotError {}

/// Encodes any snapshot-able value (a `SiteReport`, or a list of them).
pub fn encode<T: Serialize>(value: &T) -> Vec<u8> {
    let mut out = Vec::with_capacity(256);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&SNAPSHOT_VERSION.to_le_bytes());
    // Serialising plain data into a Vec cannot fail.
    postcard::to_extend(value, out).expect("postcard encodes plain data")
}

/// Decodes bytes written by [`encode`], rejecting anything else with a reason.
pub fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, SnapshotError> {
    if bytes.len() < 6 || &bytes[..4] != MAGIC {
        return Err(SnapshotError::NotASnapshot);
    }
    let version = u16::from_le_bytes([bytes[4], bytes[5]]);
    if version != SNAPSHOT_VERSION {
        return Err(SnapshotError::Version(version));
    }
    let (value, rest) = postcard::take_from_bytes(&bytes[6..]).map_err(|e| SnapshotError::Corrupt(e.to_string()))?;
    if !rest.is_empty() {
        return Err(SnapshotError::Corrupt(format!("{} trailing bytes", rest.len())));
    }
    Ok(value)
}

#[cfg(test)]
#[path = "../../tests/unit/aggregate_snapshot.rs"]
mod tests;
