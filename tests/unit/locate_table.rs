use super::*;
use crate::locate::encode::{name_table, range_table, range_table_split, HEADER};
use crate::locate::NameTable;

/// A range table with keys `width` bytes wide.
fn table_of(width: usize, keys: &[u128], values: &[u32]) -> Vec<u8> {
    range_table(&keys.iter().copied().zip(values.iter().copied()).collect::<Vec<_>>(), width)
}

fn table(keys: &[u32], values: &[u32]) -> Vec<u8> {
    table_of(4, &keys.iter().map(|&k| u128::from(k)).collect::<Vec<_>>(), values)
}

/// Where entry `i`'s key sits in a small IPv4 table (no buckets, no dictionary).
fn key_at(i: usize) -> usize {
    HEADER + 2 * 4 + i * 4
}

#[test]
fn lookup_finds_the_covering_range() {
    let bytes = table(&[0, 10, 20, 30], &[0, 7, 0, 9]);
    let t = RangeTable::parse(&bytes).unwrap();
    t.validate().unwrap();
    assert_eq!(t.lookup(0), None);
    assert_eq!(t.lookup(9), None);
    assert_eq!(t.lookup(10), Some(7));
    assert_eq!(t.lookup(19), Some(7));
    assert_eq!(t.lookup(20), None);
    assert_eq!(t.lookup(30), Some(9));
    assert_eq!(t.lookup(u128::from(u32::MAX)), Some(9));
}

#[test]
fn ipv4_ranges_across_buckets_and_ipv6_low_halves() {
    // Keys in several buckets, with empty buckets between: an address in an
    // empty bucket belongs to the last range before it. Every split answers alike.
    let keys = [0, 0x0001_0000, 0x0001_0005, 0x0005_ff00, 0x7f00_0000, 0xffff_0001];
    let entries: Vec<(u128, u32)> = keys.iter().enumerate().map(|(i, &k)| (u128::from(k), i as u32)).collect();
    for bits in [0, 8, 16] {
        let bytes = range_table_split(&entries, 4, bits);
        assert_eq!(bytes.len(), HEADER + ((1 << bits) + 1) * 4 + keys.len() * (4 - bits / 8) + keys.len(), "{bits} bits");
        let t = RangeTable::parse(&bytes).unwrap();
        t.validate().unwrap();
        for (addr, want) in [
            (0xffffu32, None),
            (0x1_0000, Some(1)),
            (0x1_0004, Some(1)),
            (0x1_0005, Some(2)),
            (0x4_1234, Some(2)),
            (0x5_fe00, Some(2)),
            (0x5_ff00, Some(3)),
            (0x7eff_ffff, Some(3)),
            (0x7f00_0000, Some(4)),
            (0xffff_0000, Some(4)),
            (0xffff_0001, Some(5)),
            (u32::MAX, Some(5)),
        ] {
            assert_eq!(t.lookup(u128::from(addr)), want, "{addr:#x}, {bits} bits");
        }
        assert_eq!((0..t.len()).map(|i| t.key(i) as u32).collect::<Vec<_>>(), keys, "{bits} bits");
    }
    // A large table takes the 16-bit split.
    let many: Vec<(u128, u32)> = (0..400_000u32).map(|i| (u128::from(i) * 10_000, i % 7)).collect();
    assert_eq!(range_table(&many, 4)[6], 16);

    // IPv6: most keys end in 64 zero bits; the others keep their low half aside.
    let keys = [0, 0x2a00 << 112, (0x2a00 << 112) | 0x8000, (0x2a00 << 112) | (1 << 64), u128::MAX - 1];
    let bytes = table_of(16, &keys, &[0, 5, 6, 7, 8]);
    let t = RangeTable::parse(&bytes).unwrap();
    t.validate().unwrap();
    assert_eq!((0..t.len()).map(|i| t.key(i)).collect::<Vec<_>>(), keys);
    for (addr, want) in [
        (keys[1] - 1, None),
        (keys[1], Some(5)),
        (keys[2] - 1, Some(5)),
        (keys[2], Some(6)),
        (keys[3] - 1, Some(6)),
        (keys[3], Some(7)),
        (u128::MAX - 2, Some(7)),
        (u128::MAX, Some(8)),
    ] {
        assert_eq!(t.lookup(addr), want, "{addr:#x}");
    }
}

#[test]
fn ipv6_keys_in_delta_coded_blocks() {
    // 40 keys: three blocks (16, 16, 8), deltas of 1 to 10 bytes, runs of one
    // high half told apart by their low halves, a block starting inside one.
    let mut keys: Vec<u128> = vec![0];
    let mut high: u64 = 0x2001_0db8_0000_0000;
    for i in 1..40u64 {
        high += match i % 5 {
            0 => 1,
            1 => 1 << 16,
            2 => 1 << 40,
            3 => 0, // same high half, a larger low half
            _ => 3,
        };
        keys.push((u128::from(high) << 64) | (u128::from(i % 5 == 3) * u128::from(i)));
    }
    keys.push(u128::from(u64::MAX) << 64); // a 10-byte delta
    let values: Vec<u32> = (0..keys.len() as u32).map(|i| i % 4).collect();
    let bytes = table_of(16, &keys, &values);
    assert_eq!(bytes[7], crate::locate::encode::V6_BLOCK_BITS as u8);
    let t = RangeTable::parse(&bytes).unwrap();
    t.validate().unwrap();
    assert_eq!((0..t.len()).map(|i| t.key(i)).collect::<Vec<_>>(), keys);
    for (i, &k) in keys.iter().enumerate() {
        let want = |j: usize| Some(values[j]).filter(|&v| v != 0);
        assert_eq!(t.lookup(k), want(i), "key {i}");
        if i > 0 {
            assert_eq!(t.lookup(k - 1), want(i - 1), "before key {i}");
        }
    }
    assert_eq!(t.lookup(u128::MAX), Some(values[40]).filter(|&v| v != 0));
    // Far smaller than whole 8-byte high halves.
    assert!(bytes.len() < HEADER + keys.len() * 8, "{} bytes", bytes.len());

    // The stream as the header places it: after the blocks' first high halves
    // and their offsets.
    let blocks = keys.len().div_ceil(16);
    let offsets = HEADER + blocks * 8;
    let stream = offsets + (blocks + 1) * 4;
    let corrupt = |f: &dyn Fn(&mut Vec<u8>)| {
        let mut b = bytes.clone();
        f(&mut b);
        b
    };
    // Offsets out of order, a delta that runs on past its block, a block's
    // first key before the last key of the block before, a wrong block bits.
    let swapped = corrupt(&|b| b[offsets + 4..offsets + 8].copy_from_slice(&100u32.to_le_bytes()));
    let block_end = u32::from_le_bytes(bytes[offsets + 4..offsets + 8].try_into().unwrap()) as usize;
    let unended = corrupt(&|b| b[stream + block_end - 1] |= 0x80);
    let backwards = corrupt(&|b| b[HEADER + 8..HEADER + 16].copy_from_slice(&1u64.to_le_bytes()));
    for (bad, why) in [(&swapped, "offsets"), (&unended, "an unended delta"), (&backwards, "keys going back")] {
        let t = RangeTable::parse(bad).unwrap();
        assert!(t.validate().is_err(), "{why}");
        // Unchecked, it may answer wrongly but never panics.
        for &k in &keys {
            let _ = (t.lookup(k), t.lookup(k.wrapping_sub(1)));
        }
        for i in 0..t.len() {
            let _ = (t.key(i), t.value(i));
        }
    }
    for bits in [0u8, 9] {
        assert!(RangeTable::parse(&corrupt(&|b| b[7] = bits)).is_err(), "block bits {bits}");
    }
    let long = corrupt(&|b| b[offsets + blocks * 4..offsets + blocks * 4 + 4].copy_from_slice(&u32::MAX.to_le_bytes()));
    assert!(RangeTable::parse(&long).is_err(), "a stream longer than the bytes");
}

#[test]
fn values_take_the_fewest_bytes() {
    // Many entries over two distinct 4-byte values: a 1-byte index into a dictionary.
    let keys: Vec<u32> = (0..1000).map(|i| i * 7).collect();
    let values: Vec<u32> = (0..1000).map(|i| if i % 2 == 0 { 0 } else { 4_200_000_000 }).collect();
    let bytes = table(&keys, &values);
    assert_eq!(bytes[5], 1, "value width");
    let t = RangeTable::parse(&bytes).unwrap();
    t.validate().unwrap();
    assert_eq!(t.lookup(7), Some(4_200_000_000));
    assert_eq!(t.lookup(14), None);
    // Small values are stored as they are, in as few bytes as they need.
    let plain = table(&[0, 10], &[0, 300]);
    assert_eq!((plain[5], u32::from_le_bytes(plain[12..16].try_into().unwrap())), (2, 0), "2-byte values, no dictionary");
}

#[test]
fn rejects_malformed_tables() {
    assert!(RangeTable::parse(b"").is_err());
    let mut magic = table(&[0], &[1]);
    magic[..4].copy_from_slice(b"BLT1");
    assert!(RangeTable::parse(&magic).is_err(), "the old layout");
    let mut short = table(&[0, 10], &[1, 2]);
    short.pop();
    assert!(RangeTable::parse(&short).is_err(), "truncated");
    let mut unsorted = table(&[0, 10, 11], &[1, 2, 3]);
    unsorted[key_at(2)..key_at(2) + 4].copy_from_slice(&10u32.to_le_bytes());
    assert!(RangeTable::parse(&unsorted).unwrap().validate().is_err(), "not increasing");
    let mut late = table(&[0, 10], &[1, 2]);
    late[key_at(0)..key_at(0) + 4].copy_from_slice(&5u32.to_le_bytes());
    assert!(RangeTable::parse(&late).unwrap().validate().is_err(), "does not start at 0");
    let mut buckets = range_table_split(&[(0, 1), (0x100_0000, 2)], 4, 8);
    buckets[HEADER + 4..HEADER + 8].copy_from_slice(&2u32.to_le_bytes());
    assert!(RangeTable::parse(&buckets).unwrap().validate().is_err(), "bucket starts out of order");
    let mut v6 = table_of(16, &[0, 1, 2], &[1, 2, 3]);
    let entries = v6.len() - 3 - 2 * 8 - 2 * 4;
    v6[entries..entries + 4].copy_from_slice(&2u32.to_le_bytes());
    assert!(RangeTable::parse(&v6).unwrap().validate().is_err(), "IPv6 low halves out of order");
    let keys: Vec<u32> = (0..100).collect();
    let mut dict = table(&keys, &(0..100).map(|i| (1 << 20) | (i % 3)).collect::<Vec<_>>());
    assert_ne!(dict[12], 0, "a dictionary");
    *dict.last_mut().unwrap() = 9;
    assert!(RangeTable::parse(&dict).unwrap().validate().is_err(), "a value outside the dictionary");
    // Unvalidated tables may answer wrongly but never panic.
    for bad in [&unsorted, &late, &buckets, &v6, &dict] {
        let t = RangeTable::parse(bad).unwrap();
        for a in [0, 7, 10, 1 << 16, u128::from(u32::MAX), u128::MAX] {
            let _ = t.lookup(a);
        }
        for i in 0..t.len() {
            let _ = (t.key(i), t.value(i));
        }
    }
    let mut huge = table(&[0], &[1]);
    huge[8..12].copy_from_slice(&u32::MAX.to_le_bytes());
    assert!(RangeTable::parse(&huge).is_err(), "count past the end");
    let mut width = table(&[0], &[1]);
    width[4] = 7;
    assert!(RangeTable::parse(&width).is_err(), "odd key width");
}

fn names(entries: &[(u32, &str)]) -> Vec<u8> {
    name_table(entries)
}

#[test]
fn name_table_lookup_and_validation() {
    let bytes = names(&[(13335, "Cloudflare, Inc."), (31898, "Oracle Corporation"), (138699, "字节跳动")]);
    let t = NameTable::parse(&bytes).unwrap();
    assert_eq!(t.name(31898), Some("Oracle Corporation"));
    assert_eq!(t.name(138699), Some("字节跳动"));
    assert_eq!(t.name(1), None);
    assert_eq!(t.len(), 3);
    t.validate().unwrap();
    let mut bad = bytes.clone();
    bad[bytes.len() - 1] = 0xff;
    let bad_t = NameTable::parse(&bad).unwrap();
    assert!(bad_t.validate().is_err(), "not UTF-8");
    assert_eq!(bad_t.name(138699), None, "a name that is not UTF-8 is no name");
    assert_eq!(bad_t.name(31898), Some("Oracle Corporation"), "its neighbours still read");
    let mut unsorted = names(&[(1, "a"), (2, "b")]);
    unsorted[8..16].copy_from_slice(&[2, 0, 0, 0, 1, 0, 0, 0]);
    assert!(NameTable::parse(&unsorted).unwrap().validate().is_err());
    let mut wild = names(&[(1, "a"), (2, "b")]);
    wild[16..20].copy_from_slice(&999u32.to_le_bytes()); // first end offset past the text
    let wild_t = NameTable::parse(&wild).unwrap();
    assert!(wild_t.validate().is_err());
    assert_eq!(wild_t.name(1), None, "a bad offset is no name, not a panic");
    assert!(NameTable::parse(&bytes[..10]).is_err());
}

#[test]
fn a_locations_pack_is_read_and_checked_in_full() {
    use crate::data::pack;
    use crate::locate::Locator;
    let cc = |c: &str| u32::from(c.as_bytes()[0]) << 8 | u32::from(c.as_bytes()[1]);
    let (v4, v6) = (table(&[0, 0x0100_0000, 0x0200_0000], &[0, cc("SG"), 0]), table_of(16, &[0, 0x2a00 << 112], &[0, cc("DE")]));
    let asn = |keys: &[u32], v: u32| table(keys, &(0..keys.len()).map(|i| if i == 1 { v } else { 0 }).collect::<Vec<_>>());
    let asn_v6 = table_of(16, &[0], &[0]);
    let (a4, n) = (asn(&[0, 0x0100_0000, 0x0200_0000], 45102), names(&[(45102, "Alibaba")]));
    let good = pack::write(&[&v4, &v6, &a4, &asn_v6, &n]);
    let l = Locator::from_pack(good.clone()).unwrap();
    let here = l.locate("1.1.2.3".parse().unwrap());
    assert_eq!((here.country.as_deref(), here.asn, here.network.as_deref()), (Some("SG"), Some(45102), Some("Alibaba")));
    assert_eq!(l.locate("2a00::1".parse().unwrap()).country.as_deref(), Some("DE"));

    // Wrong family, wrong count, and a table whose keys go backwards: each an error, never a wrong answer.
    assert!(Locator::from_pack(pack::write(&[&v6, &v4, &a4, &asn_v6, &n])).is_err());
    assert!(Locator::from_pack(pack::write(&[&v4, &v6, &a4, &asn_v6])).is_err());
    let mut backwards = v4.clone();
    backwards[key_at(1)..key_at(1) + 4].copy_from_slice(&0x0300_0000u32.to_le_bytes());
    let err = Locator::from_pack(pack::write(&[&backwards, &v6, &a4, &asn_v6, &n])).err().unwrap();
    assert!(err.to_string().contains("not strictly increasing"), "{err}");
    assert!(Locator::from_pack(good[..good.len() - 3].to_vec()).is_err(), "truncated");
}
