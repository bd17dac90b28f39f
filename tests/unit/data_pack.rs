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

/// A source that remembers what was copied out of it.
struct Recording<'a>(&'a [u8], std::cell::RefCell<Vec<Range<usize>>>);

impl PackSource for Recording<'_> {
    fn len(&self) -> usize {
        self.0.len()
    }

    fn copy(&self, range: Range<usize>) -> Vec<u8> {
        self.1.borrow_mut().push(range.clone());
        self.0[range].to_vec()
    }
}

#[test]
fn sections_are_copied_one_at_a_time() {
    let pack = write(&[b"abc", b"", b"defgh"]);
    let source = Recording(&pack, Default::default());
    let got = copy_sections(&source, 3).unwrap();
    assert_eq!(got, vec![b"abc".to_vec(), vec![], b"defgh".to_vec()]);
    // The header, then each section: never the whole pack in one piece.
    let header = 8 + 3 * 4;
    assert_eq!(source.1.into_inner(), vec![0..header, header..header + 3, header + 3..header + 3, header + 3..header + 8]);
    // A pack cut inside its header, or short of its sections, is refused
    // before any section is copied.
    for cut in [0, 6, 12, pack.len() - 1] {
        let source = Recording(&pack[..cut], Default::default());
        assert!(copy_sections(&source, 3).is_err(), "cut at {cut}");
        assert!(source.1.into_inner().len() <= 1, "cut at {cut}: only the header was read");
    }
}

#[test]
fn the_analyzer_reads_both_packs_and_names_a_bad_one() {
    use crate::data::embedded::{LISTS, LOCATIONS};
    let locations = Recording(LOCATIONS, Default::default());
    let analyzer = crate::Analyzer::from_packs(LISTS, &locations).unwrap();
    assert_eq!(analyzer.locator().locate("8.8.8.8".parse().unwrap()).country.as_deref(), Some("US"));
    let copies = locations.1.into_inner();
    assert_eq!(copies.len(), 6, "the header and five tables, each copied on its own");
    assert!(copies.iter().all(|r| r.len() < LOCATIONS.len() / 2), "{copies:?}");
    let fault = |lists: &[u8], locations: &[u8]| crate::Analyzer::from_packs(lists, locations).err().unwrap();
    assert!(fault(b"junk", LOCATIONS).starts_with("lists.bin: "));
    assert!(fault(LISTS, LISTS).starts_with("locations.bin: "));
    assert!(fault(LISTS, &LOCATIONS[..LOCATIONS.len() - 1]).starts_with("locations.bin: "));
}

#[test]
fn an_analyzer_from_the_lists_alone_locates_nothing_until_given_the_tables() {
    use crate::data::embedded::{LISTS, LOCATIONS};
    use crate::locate::{Basis, OverlayEntry};
    let overlay: Vec<OverlayEntry> =
        serde_json::from_str(r#"[{"network":"127.0.0.6","prefix":32,"country":"CN","asn":4134,"organisation":"Chinanet"}]"#).unwrap();
    let mut analyzer = crate::Analyzer::from_lists(LISTS).unwrap().with_overlay(overlay);
    let ip = |s: &str| s.parse().unwrap();
    assert!(!analyzer.locator().is_loaded());
    assert_eq!(analyzer.locator().sizes(), [0; 5]);
    let unread = analyzer.locator().locate(ip("8.8.8.8"));
    assert_eq!((unread.country, unread.basis, unread.asn), (None, Basis::Unknown, None), "nothing is guessed without the tables");
    assert_eq!(analyzer.locator().locate(ip("10.0.0.1")).basis, Basis::Local);
    assert!(analyzer.load_locations(LISTS).unwrap_err().starts_with("locations.bin: "));
    assert!(!analyzer.locator().is_loaded(), "a bad pack changes nothing");
    analyzer.load_locations(LOCATIONS).unwrap();
    let whole = crate::Analyzer::from_packs(LISTS, LOCATIONS).unwrap();
    assert_eq!(analyzer.locator().sizes(), whole.locator().sizes());
    for a in ["8.8.8.8", "129.146.10.20", "2a03:2880:f12f:83:face:b00c:0:25de", "161.117.5.5", "::ffff:8.8.4.4"] {
        assert_eq!(analyzer.locator().locate(ip(a)), whole.locator().locate(ip(a)), "{a}: as from both packs at once");
    }
    assert_eq!(analyzer.locator().locate(ip("127.0.0.6")).country.as_deref(), Some("CN"), "the overlay is kept when the tables come");
}
