use super::*;

#[test]
fn sections_come_back_as_written() {
    let pack = write(&[b"abc", b"", b"defgh"]);
    let s = sections(&pack, 3).unwrap();
    let got: Vec<&[u8]> = s.iter().map(|r| &pack[r.clone()]).collect();
    assert_eq!(got, vec![&b"abc"[..], b"", b"defgh"]);
}

#[test]
fn a_bad_pack_is_an_error_naming_the_fault() {
    let pack = write(&[b"abc", b"defgh"]);
    let fault = |bytes: &[u8], n: usize| sections(bytes, n).unwrap_err();
    assert!(fault(b"", 2).contains("magic"));
    assert!(fault(b"BLP2\x02\0\0\0", 2).contains("magic"));
    assert!(fault(&pack, 3).contains("2 sections, expected 3"));
    assert!(fault(&pack[..9], 2).contains("truncated"));
    assert!(fault(&pack[..pack.len() - 1], 2).contains("past the end"));
    let mut longer = pack.clone();
    longer.push(0);
    assert!(fault(&longer, 2).contains("after the last section"));
    // A length that would overflow the offset is caught, not wrapped.
    let mut huge = pack.clone();
    huge[8..12].copy_from_slice(&u32::MAX.to_le_bytes());
    assert!(sections(&huge, 2).is_err());
}
