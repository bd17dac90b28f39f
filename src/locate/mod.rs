//! Locate: IP → country (with its basis) and IP → network (ASN, organisation),
//! from range tables the build step compiles out of ip-location-db and
//! writes as the `locations.bin` data pack.

pub mod encode;
mod location;
mod names;
pub mod table;

use std::borrow::Cow;
use std::net::IpAddr;

pub use location::{is_local, Basis, Location, OverlayEntry};
pub use names::NameTable;
pub use table::{RangeTable, TableError};

/// The IP tables of a `locations.bin` data pack (each owned or borrowed),
/// plus an optional overlay consulted first. A locator may start without its
/// tables ([`Locator::unloaded`]: a shell that reads the filter lists first)
/// and be given them later ([`Locator::load`]); until then it knows only the
/// overlay and which addresses are local, and says so ([`Locator::is_loaded`]).
#[derive(Clone)]
pub struct Locator {
    /// Country v4, country v6, ASN v4, ASN v6 and names.
    tables: Option<[Cow<'static, [u8]>; 5]>,
    overlay: Vec<OverlayEntry>,
}

const COUNTRY_V4: usize = 0;
const COUNTRY_V6: usize = 1;
const ASN_V4: usize = 2;
const ASN_V6: usize = 3;
const NAMES: usize = 4;

impl Locator {
    /// The tables compiled into the binary. Only the constant-time checks run
    /// here: the build step produced them and `tests/data_contract.rs`
    /// validates them in full, so start-up does not pay for it again.
    #[cfg(feature = "embedded-data")]
    pub fn embedded() -> Locator {
        let tables = crate::data::pack::borrowed_sections(crate::data::embedded::LOCATIONS, 5).expect("the embedded pack has five sections");
        Locator::from_trusted_tables(tables).expect("embedded tables have valid headers")
    }

    /// Reads a `locations.bin` data pack and validates every table in full, so
    /// bytes from outside the binary (a file, a browser's storage) that are
    /// not a pack, are truncated, or whose ranges are out of order are an
    /// error. (A changed value byte in a well-formed table is not detected:
    /// the pack carries no checksum of its own.)
    pub fn from_pack(pack: impl Into<Cow<'static, [u8]>>) -> Result<Locator, TableError> {
        let pack = pack.into();
        let ranges = crate::data::pack::sections(&pack, 5).map_err(TableError)?;
        let tables = match pack {
            Cow::Borrowed(b) => ranges.into_iter().map(|r| Cow::Borrowed(&b[r])).collect(),
            Cow::Owned(v) => ranges.into_iter().map(|r| Cow::Owned(v[r].to_vec())).collect(),
        };
        Locator::from_tables(tables)
    }

    /// The five tables of a `locations.bin` pack, in its order, each in an
    /// allocation of its own; validated in full, as by [`Locator::from_pack`].
    pub fn from_tables(tables: Vec<Cow<'static, [u8]>>) -> Result<Locator, TableError> {
        let l = Locator::from_trusted_tables(tables)?;
        l.validate()?;
        Ok(l)
    }

    /// Checks every table in full (linear time).
    pub fn validate(&self) -> Result<(), TableError> {
        for i in [COUNTRY_V4, COUNTRY_V6, ASN_V4, ASN_V6] {
            if let Some(t) = self.table(i) {
                t.validate()?;
            }
        }
        self.names().map_or(Ok(()), |n| n.validate())
    }

    /// The five tables of a `locations.bin` pack whose bytes a content hash
    /// already vouches for (the embedded pack; the wasm shells read only the
    /// copy of the pack that matches its SHA-256): each table's header is
    /// checked (constant time), so no lookup can panic, but not every row.
    pub fn from_trusted_tables(tables: Vec<Cow<'static, [u8]>>) -> Result<Locator, TableError> {
        let tables: [Cow<'static, [u8]>; 5] = tables.try_into().map_err(|_| TableError("a locations pack has five tables".into()))?;
        for (i, width) in [(COUNTRY_V4, 4), (COUNTRY_V6, 16), (ASN_V4, 4), (ASN_V6, 16)] {
            if RangeTable::parse(&tables[i])?.key_width() != width {
                return Err(TableError("table has the wrong address family".into()));
            }
        }
        NameTable::parse(&tables[NAMES])?;
        Ok(Locator { tables: Some(tables), overlay: Vec::new() })
    }

    /// A locator whose tables are not read yet: every address outside the
    /// overlay that is not local is unknown until [`Locator::load`].
    pub fn unloaded() -> Locator {
        Locator { tables: None, overlay: Vec::new() }
    }

    /// Takes the tables of another locator (read later than this one was
    /// made), keeping this one's overlay.
    pub fn load(&mut self, tables: Locator) {
        self.tables = tables.tables;
    }

    /// Whether the IP tables are read: without them no address is located.
    pub fn is_loaded(&self) -> bool {
        self.tables.is_some()
    }

    fn table(&self, i: usize) -> Option<RangeTable<'_>> {
        self.tables.as_ref().map(|t| RangeTable::parse(&t[i]).expect("headers checked when the pack was read"))
    }

    fn names(&self) -> Option<NameTable<'_>> {
        self.tables.as_ref().map(|t| NameTable::parse(&t[NAMES]).expect("headers checked when the pack was read"))
    }

    /// Adds rows consulted before the tables and before the local check (for
    /// test sites on loopback addresses; production never sets one).
    pub fn with_overlay(mut self, overlay: Vec<OverlayEntry>) -> Locator {
        self.overlay = overlay;
        self
    }

    /// Where an IP is. Never guesses: local and unknown addresses get no country.
    pub fn locate(&self, ip: IpAddr) -> Location {
        if let Some(o) = self.overlay.iter().find(|o| o.contains(ip)) {
            return Location { ip, country: o.country.clone(), basis: Basis::Overlay, asn: o.asn, network: o.organisation.clone() };
        }
        if is_local(ip) {
            return Location { ip, country: None, basis: Basis::Local, asn: None, network: None };
        }
        let ip = match ip {
            IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
            v4 => v4,
        };
        let (country, asn) = match ip {
            IpAddr::V4(v4) => {
                let a = u128::from(u32::from(v4));
                (self.table(COUNTRY_V4).and_then(|t| t.lookup(a)), self.table(ASN_V4).and_then(|t| t.lookup(a)))
            }
            IpAddr::V6(v6) => {
                let a = u128::from(v6);
                (self.table(COUNTRY_V6).and_then(|t| t.lookup(a)), self.table(ASN_V6).and_then(|t| t.lookup(a)))
            }
        };
        let country = country.map(|c| String::from_utf8_lossy(&[(c >> 8) as u8, c as u8]).into_owned());
        let basis = if country.is_some() { Basis::Registered } else { Basis::Unknown };
        let network = asn.and_then(|a| self.names().and_then(|n| n.name(a))).map(str::to_string);
        Location { ip, country, basis, asn, network }
    }

    /// Table sizes, for diagnostics and benchmarks (zeros while unloaded).
    pub fn sizes(&self) -> [usize; 5] {
        let len = |i| self.table(i).map_or(0, |t| t.len());
        [len(COUNTRY_V4), len(COUNTRY_V6), len(ASN_V4), len(ASN_V6), self.names().map_or(0, |n| n.len())]
    }
}
