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
            // Around the first keys and the last ones, and addresses spread
            // over the space (from the input's own bytes, shifted).
            let n = table.len();
            let around = |i: usize| [table.key(i), table.key(i).wrapping_sub(1), table.key(i).wrapping_add(1)];
            let mut seed = [0u8; 16];
            seed.iter_mut().zip(data.iter().rev()).for_each(|(s, d)| *s = *d);
            let spread = u128::from_le_bytes(seed);
            let probes: Vec<u128> = (0..n.min(32)).chain(n.saturating_sub(32).max(32)..n).flat_map(around).chain((0..128).step_by(8).map(|s| spread >> s)).collect();
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
