//! The IP range and ASN name table loaders on any bytes: parse and validate
//! reject or accept, and lookups on an accepted table agree with a linear scan.
//! The same bytes as a `locations.bin` data pack: refused, or located from.
#![no_main]

use borderline::locate::{Locator, NameTable, RangeTable};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(table) = RangeTable::parse(data) {
        // After parse, lookups cannot panic even on an unsorted table.
        let _ = table.lookup(u128::from(u32::MAX));
        if table.validate().is_ok() {
            let probes: Vec<u128> =
                (0..table.len()).flat_map(|i| [table.key(i), table.key(i).wrapping_sub(1), table.key(i).wrapping_add(1)]).take(64).collect();
            for addr in probes {
                let linear = (0..table.len()).rev().find(|&i| table.key(i) <= addr).map(|i| table.value(i)).filter(|&v| v != 0);
                let got = table.lookup(addr);
                assert_eq!(got, linear, "lookup of {addr} against a linear scan");
            }
        }
    }
    if let Ok(locator) = Locator::from_pack(data.to_vec()) {
        for ip in ["1.1.1.1", "8.8.8.8", "2a00::1", "::ffff:1.2.3.4"] {
            let _ = locator.locate(ip.parse().unwrap());
        }
    }
    if let Ok(names) = NameTable::parse(data) {
        if names.validate().is_ok() {
            for asn in [0, 1, 13335, u32::MAX] {
                let _ = names.name(asn);
            }
        }
    }
});
