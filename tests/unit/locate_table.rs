use super::*;

/// A range table with keys `width` bytes wide and 2-byte values.
fn table_of(width: usize, keys: &[u128], values: &[u16]) -> Vec<u8> {
    let mut b = b"BLT1".to_vec();
    b.extend_from_slice(&[width as u8, 2, 0, 0]);
    b.extend_from_slice(&(keys.len() as u32).to_le_bytes());
    keys.iter().for_each(|k| b.extend_from_slice(&k.to_le_bytes()[..width]));
    values.iter().for_each(|v| b.extend_from_slice(&v.to_le_bytes()));
    b
}

fn table(keys: &[u32], values: &[u16]) -> Vec<u8> {
    table_of(4, &keys.iter().map(|&k| u128::from(k)).collect::<Vec<_>>(), values)
}

#[test]
fn lookup_finds_the_covering_range() {
    let bytes = table(&[0, 10, 20, 30], &[0, 7, 0, 9]);
    let t = RangeTable::parse(&bytes).unwrap();
    assert_eq!(t.lookup(0), None);
    assert_eq!(t.lookup(9), None);
    assert_eq!(t.lookup(10), Some(7));
    assert_eq!(t.lookup(19), Some(7));
    assert_eq!(t.lookup(20), None);
    assert_eq!(t.lookup(30), Some(9));
    assert_eq!(t.lookup(u128::from(u32::MAX)), Some(9));
}

#[test]
fn rejects_malformed_tables() {
    assert!(RangeTable::parse(b"").is_err());
    assert!(RangeTable::parse(b"XXXX\x04\x02\0\0\x01\0\0\0").is_err());
    let mut short = table(&[0, 10], &[1, 2]);
    short.pop();
    assert!(RangeTable::parse(&short).is_err(), "truncated");
    let unsorted = table(&[0, 10, 10], &[1, 2, 3]);
    assert!(RangeTable::parse(&unsorted).unwrap().validate().is_err(), "not increasing");
    let late = table(&[5, 10], &[1, 2]);
    assert!(RangeTable::parse(&late).unwrap().validate().is_err(), "does not start at 0");
    // Unvalidated tables may answer wrongly but never panic.
    let _ = RangeTable::parse(&unsorted).unwrap().lookup(7);
    let mut huge = table(&[0], &[1]);
    huge[8..12].copy_from_slice(&u32::MAX.to_le_bytes());
    assert!(RangeTable::parse(&huge).is_err(), "count past the end");
    let mut width = table(&[0], &[1]);
    width[4] = 7;
    assert!(RangeTable::parse(&width).is_err(), "odd key width");
}

fn names(entries: &[(u32, &str)]) -> Vec<u8> {
    let mut b = b"BLN1".to_vec();
    b.extend_from_slice(&(entries.len() as u32).to_le_bytes());
    entries.iter().for_each(|(a, _)| b.extend_from_slice(&a.to_le_bytes()));
    let mut off = 0u32;
    b.extend_from_slice(&off.to_le_bytes());
    for (_, n) in entries {
        off += n.len() as u32;
        b.extend_from_slice(&off.to_le_bytes());
    }
    entries.iter().for_each(|(_, n)| b.extend_from_slice(n.as_bytes()));
    b
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
    let unsorted = names(&[(2, "b"), (1, "a")]);
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
    let cc = |c: &str| u16::from(c.as_bytes()[0]) << 8 | u16::from(c.as_bytes()[1]);
    let (v4, v6) = (table(&[0, 0x0100_0000, 0x0200_0000], &[0, cc("SG"), 0]), table_of(16, &[0, 0x2a00 << 112], &[0, cc("DE")]));
    let asn = |keys: &[u32], v: u32| {
        let mut b = b"BLT1".to_vec();
        b.extend_from_slice(&[4, 4, 0, 0]);
        b.extend_from_slice(&(keys.len() as u32).to_le_bytes());
        keys.iter().for_each(|k| b.extend_from_slice(&k.to_le_bytes()));
        keys.iter().enumerate().for_each(|(i, _)| b.extend_from_slice(&(if i == 1 { v } else { 0 }).to_le_bytes()));
        b
    };
    let asn_v6 = {
        let mut b = table_of(16, &[0], &[0]);
        b[5] = 4; // value width 4: one zero value
        b.truncate(12 + 16);
        b.extend_from_slice(&0u32.to_le_bytes());
        b
    };
    let (a4, n) = (asn(&[0, 0x0100_0000, 0x0200_0000], 45102), names(&[(45102, "Alibaba")]));
    let good = pack::write(&[&v4, &v6, &a4, &asn_v6, &n]);
    let l = Locator::from_pack(good.clone()).unwrap();
    let here = l.locate("1.1.2.3".parse().unwrap());
    assert_eq!((here.country.as_deref(), here.asn, here.network.as_deref()), (Some("SG"), Some(45102), Some("Alibaba")));
    assert_eq!(l.locate("2a00::1".parse().unwrap()).country.as_deref(), Some("DE"));

    // Wrong family, wrong count, and a table whose keys go backwards: each an error, never a wrong answer.
    assert!(Locator::from_pack(pack::write(&[&v6, &v4, &a4, &asn_v6, &n])).is_err());
    assert!(Locator::from_pack(pack::write(&[&v4, &v6, &a4, &asn_v6])).is_err());
    let backwards = table(&[0, 0x0200_0000, 0x0100_0000], &[0, cc("SG"), 0]);
    let err = Locator::from_pack(pack::write(&[&backwards, &v6, &a4, &asn_v6, &n])).err().unwrap();
    assert!(err.to_string().contains("not strictly increasing"), "{err}");
    assert!(Locator::from_pack(good[..good.len() - 3].to_vec()).is_err(), "truncated");
}
