//! Locate: IP → country (with its basis) and IP → network (ASN, organisation),
//! from range tables the build step compiles out of ip-location-db.

mod location;
pub mod table;

use std::net::IpAddr;

pub use location::{is_local, Basis, Location, OverlayEntry};
pub use table::{NameTable, RangeTable, TableError};

static COUNTRY_V4: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/country_v4.bin"));
static COUNTRY_V6: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/country_v6.bin"));
static ASN_V4: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/asn_v4.bin"));
static ASN_V6: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/asn_v6.bin"));
static ASN_NAMES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/asn_names.bin"));

/// The tables, borrowed, plus an optional overlay consulted first.
#[derive(Clone)]
pub struct Locator<'a> {
    country_v4: RangeTable<'a>,
    country_v6: RangeTable<'a>,
    asn_v4: RangeTable<'a>,
    asn_v6: RangeTable<'a>,
    names: NameTable<'a>,
    overlay: Vec<OverlayEntry>,
}

impl Locator<'static> {
    /// The tables compiled into the binary. Only the constant-time checks run
    /// here: the build step produced them and `tests/data_contract.rs`
    /// validates them in full, so start-up does not pay for it again.
    pub fn embedded() -> Locator<'static> {
        Locator::from_tables_unvalidated(COUNTRY_V4, COUNTRY_V6, ASN_V4, ASN_V6, ASN_NAMES).expect("embedded tables have valid headers")
    }
}

impl<'a> Locator<'a> {
    /// Validates five tables in full and borrows them.
    pub fn from_tables(country_v4: &'a [u8], country_v6: &'a [u8], asn_v4: &'a [u8], asn_v6: &'a [u8], names: &'a [u8]) -> Result<Locator<'a>, TableError> {
        let l = Locator::from_tables_unvalidated(country_v4, country_v6, asn_v4, asn_v6, names)?;
        l.validate()?;
        Ok(l)
    }

    /// Checks every table in full (linear time).
    pub fn validate(&self) -> Result<(), TableError> {
        for t in [&self.country_v4, &self.country_v6, &self.asn_v4, &self.asn_v6] {
            t.validate()?;
        }
        self.names.validate()
    }

    /// Borrows five tables after the constant-time header checks only.
    fn from_tables_unvalidated(
        country_v4: &'a [u8],
        country_v6: &'a [u8],
        asn_v4: &'a [u8],
        asn_v6: &'a [u8],
        names: &'a [u8],
    ) -> Result<Locator<'a>, TableError> {
        let table = |b: &'a [u8], width: usize| -> Result<RangeTable<'a>, TableError> {
            let t = RangeTable::parse(b)?;
            if t.key_width() != width {
                return Err(TableError("table has the wrong address family".into()));
            }
            Ok(t)
        };
        Ok(Locator {
            country_v4: table(country_v4, 4)?,
            country_v6: table(country_v6, 16)?,
            asn_v4: table(asn_v4, 4)?,
            asn_v6: table(asn_v6, 16)?,
            names: NameTable::parse(names)?,
            overlay: Vec::new(),
        })
    }

    /// Adds rows consulted before the tables and before the local check (for
    /// test sites on loopback addresses; production never sets one).
    pub fn with_overlay(mut self, overlay: Vec<OverlayEntry>) -> Locator<'a> {
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
                (self.country_v4.lookup(a), self.asn_v4.lookup(a))
            }
            IpAddr::V6(v6) => {
                let a = u128::from(v6);
                (self.country_v6.lookup(a), self.asn_v6.lookup(a))
            }
        };
        let country = country.map(|c| String::from_utf8_lossy(&[(c >> 8) as u8, c as u8]).into_owned());
        let basis = if country.is_some() { Basis::Registered } else { Basis::Unknown };
        Location { ip, country, basis, asn, network: asn.and_then(|a| self.names.name(a)).map(str::to_string) }
    }

    /// Table sizes, for diagnostics and benchmarks.
    pub fn sizes(&self) -> [usize; 5] {
        [self.country_v4.len(), self.country_v6.len(), self.asn_v4.len(), self.asn_v6.len(), self.names.len()]
    }
}
