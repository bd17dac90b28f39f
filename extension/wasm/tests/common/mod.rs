//! Checks shared by the node and browser runs of the binding's wasm tests.

use borderline_wasm::{flags, Core, HarReader, PacketFeed};

const OVERLAY: &str = r#"[{"network":"127.0.0.4","prefix":32,"country":"SG","asn":45102,"organisation":"Alibaba"},{"network":"127.0.0.6","prefix":32,"country":"CN","asn":4134,"organisation":"Chinanet"}]"#;

use borderline::data::embedded::{LISTS, LOCATIONS};

/// Bytes as the shells hold them: a JS array outside the module's memory.
fn js(bytes: &[u8]) -> js_sys::Uint8Array {
    js_sys::Uint8Array::from(bytes)
}

/// A core over the data packs, as the shells build it.
fn core(overlay: Option<&str>) -> Result<Core, wasm_bindgen::JsError> {
    Core::new(&js(LISTS), Some(js(LOCATIONS)), overlay.map(str::to_string))
}

fn observe(core: &mut Core, tab: i32, url: &str, ip: &str) -> u32 {
    core.observe(
        tab,
        url,
        "https://www.tiktok.com/foryou",
        "xmlhttprequest",
        "post",
        ip,
        200,
        100.0,
        10.0,
        0,
        1_767_225_600_000.0,
        Some(r#"{"device_id":"7301234567890123456"}"#.into()),
        None,
        None,
    )
}

pub fn flags_report_and_exports() {
    let mut core = core(Some(OVERLAY)).unwrap();
    core.set_policy("US", "us").unwrap();
    let f = observe(&mut core, 7, "https://mon.tiktokv.com/monitor_browser/collect/batch/", "127.0.0.4");
    assert_eq!(f & flags::RECORDED, flags::RECORDED);
    assert_ne!(f & flags::TELEMETRY, 0);
    assert_ne!(f & flags::ENTITY_OF_CONCERN, 0);
    assert_ne!(f & flags::NEW_ENDPOINT, 0);
    assert_eq!(f & flags::SERVER_OF_CONCERN, 0, "SG is not of concern under the US preset");
    let again = observe(&mut core, 7, "https://mon.tiktokv.com/monitor_browser/collect/batch/", "127.0.0.4");
    assert_eq!(again & flags::NEW_ENDPOINT, 0);
    let pixel = observe(&mut core, 7, "https://analytics.tiktok.com/i18n/pixel/events.js", "127.0.0.6");
    assert_ne!(pixel & flags::SERVER_OF_CONCERN, 0);
    assert_eq!(core.requests(7), 3.0);
    assert_eq!(core.tracker_endpoints(7), 2);
    assert_eq!(core.site(7).as_deref(), Some("tiktok.com"));

    let json: serde_json::Value = serde_json::from_str(&core.report_json(7).unwrap()).unwrap();
    assert_eq!(json["site"], "tiktok.com");
    let mon = json["endpoints"].as_array().unwrap().iter().find(|e| e["host"] == "mon.tiktokv.com").unwrap();
    assert_eq!(mon["servers"][0]["location"]["basis"], "overlay");
    assert_eq!(mon["entity"]["domicile"], "KY");
    assert_eq!(mon["sent"][0]["name"], "device_id", "names of identifiers sent, from the body");
    assert!(!core.report_json(7).unwrap().contains("7301234567890123456"), "never the values");
    assert!(core.export(7, "csv").unwrap().lines().count() == 4);
    assert!(core.export(7, "html").unwrap().contains("ByteDance"));
    assert!(core.popup_html(7).unwrap().contains("mon.tiktokv.com"));
    let [warning, glance]: [String; 2] = core.warning(7, "https://mon.tiktokv.com/x").unwrap().try_into().unwrap();
    assert!(warning.contains("ByteDance"));
    assert!(glance.contains("ByteDance Ltd."), "{glance}");
    assert_eq!(core.report_json(99).unwrap(), "null");
}

pub fn snapshots_restore_and_merge() {
    let mut a = core(None).unwrap();
    observe(&mut a, 3, "https://www.tiktok.com/", "23.45.12.4");
    observe(&mut a, 3, "https://mon.tiktokv.com/x", "161.117.5.5");
    let snap = a.snapshot(3);
    let mut b = core(None).unwrap();
    observe(&mut b, 3, "https://mcs.tiktokw.us/v1/list", "129.146.10.20");
    b.restore(3, &snap).unwrap();
    assert_eq!(b.requests(3), 3.0, "restored and new requests together, none lost or doubled");
    b.reset_tab(3);
    assert_eq!(b.requests(3), 0.0);
    assert_eq!(b.tabs().len(), 0);
}

pub fn workers_are_filed_under_the_tab_of_their_site() {
    let mut core = core(None).unwrap();
    observe(&mut core, 5, "https://www.tiktok.com/", "23.45.12.4");
    core.observe(-1, "https://mon.tiktokv.com/sw", "https://www.tiktok.com", "other", "GET", "", 200, 1.0, 1.0, 0, 0.0, None, None, None);
    assert_eq!(core.requests(5), 2.0);
    assert_eq!(core.requests(-1), 0.0);
}

pub fn bad_input_is_an_error_or_counted_never_a_panic() {
    assert!(core(Some("not json")).is_err());
    assert!(Core::new(&js(b"not a pack"), Some(js(LOCATIONS)), None).is_err(), "a bad lists pack is an error");
    assert!(Core::new(&js(LISTS), Some(js(LISTS)), None).is_err(), "the lists pack in place of the locations pack is an error");
    assert!(Core::new(&js(LISTS), Some(js(&LOCATIONS[..LOCATIONS.len() / 2])), None).is_err(), "a truncated locations pack is an error");
    assert!(Core::new(&js(LISTS), Some(js(&LOCATIONS[..6])), None).is_err(), "a pack cut inside its header is an error");
    let mut core = core(None).unwrap();
    assert!(core.set_policy("USA", "us").is_err());
    assert!(core.restore(1, b"garbage").is_err());
    assert!(core.export(1, "pdf").is_err());
    assert_eq!(core.observe(2, "not a url", "https://www.tiktok.com/", "", "", "", 0, -5.0, f64::NAN, 0, -1.0, None, None, Some(f64::NAN)), 0);
    assert_eq!(
        core.observe(2, "https://a.example/", "", "weird-type", "", "999.1.1.1", 0, 0.0, 0.0, 0, 0.0, Some("{{{".into()), Some("not json".into()), Some(-1.0)),
        0
    );
    assert_eq!(core.requests(2), 2.0, "counted as skipped and unattributed");
}

/// One reader (the data loaded once) opens capture after capture, each
/// reported on its own; a file that is not HAR is an error and spoils nothing.
pub fn one_reader_opens_many_captures() {
    assert!(HarReader::new(&js(b"not a pack"), &js(LOCATIONS)).is_err(), "a bad pack is an error");
    let reader = HarReader::new(&js(LISTS), &js(LOCATIONS)).unwrap();
    let tiktok = reader.open(include_str!("../../../../tests/fixtures/tiktok/foryou/capture.har"), None).unwrap();
    assert!(reader.open("{\"log\": {\"entries\": [", None).is_err(), "a truncated file is an error");
    let bilibili = reader.open(include_str!("../../../../tests/fixtures/bilibili/video/capture.har"), None).unwrap();
    assert!(tiktok.sites_json().contains("\"site\":\"tiktok.com\""), "{}", tiktok.sites_json());
    assert!(bilibili.sites_json().contains("\"site\":\"bilibili.com\""), "{}", bilibili.sites_json());
    assert!(!bilibili.sites_json().contains("tiktok.com\""), "captures are reported apart");
    let csv = tiktok.render(None, "US", "us", "csv", None).unwrap();
    assert!(csv.lines().count() > 5 && csv.contains("tiktokv.com"), "{csv}");
    // The wasm build states the same per-request facts and counts as the
    // native one: byte for byte the fixture's expected exports.
    assert_eq!(csv, include_str!("../../../../tests/fixtures/tiktok/foryou/expected.csv"));
    assert_eq!(tiktok.render(None, "US", "us", "json", None).unwrap(), include_str!("../../../../tests/fixtures/tiktok/foryou/expected.json").trim_end());
}

/// A phone's packet capture fed a slice at a time gives, byte for byte, the
/// native build's report of it; a file that is not one is an error.
pub fn packet_captures_are_read_in_slices() {
    let reader = HarReader::new(&js(LISTS), &js(LOCATIONS)).unwrap();
    let bytes: &[u8] = include_bytes!("../../../../tests/fixtures/phone/tiktok-app/capture.pcapng");
    assert!(PacketFeed::is_packet_capture(&bytes[..4]));
    assert!(!PacketFeed::is_packet_capture(b"{\"lo"));
    let mut feed = PacketFeed::new();
    for slice in bytes.chunks(5000) {
        feed.push(slice).unwrap();
    }
    assert!(feed.connections() > 10);
    let session = reader.open_packets(&mut feed).unwrap();
    assert!(reader.open_packets(&mut feed).is_err(), "a feed is opened once");
    assert!(session.sites_json().contains("\"unit\":\"connections\""), "{}", session.sites_json());
    assert_eq!(session.render(None, "US", "us", "csv", None).unwrap(), include_str!("../../../../tests/fixtures/phone/tiktok-app/expected.csv"));
    assert_eq!(session.render(None, "US", "us", "json", None).unwrap(), include_str!("../../../../tests/fixtures/phone/tiktok-app/expected.json").trim_end());
    let mut bad = PacketFeed::new();
    assert!(bad.push(b"this is not a capture at all").is_err());
    let csv: &[u8] = include_bytes!("../../../../tests/fixtures/phone/pcapdroid-csv/capture.csv");
    assert!(PacketFeed::is_connections_csv(&csv[..32]) && !PacketFeed::is_packet_capture(&csv[..4]));
    let session = reader.open_connections(csv).unwrap();
    assert_eq!(session.render(None, "US", "us", "csv", None).unwrap(), include_str!("../../../../tests/fixtures/phone/pcapdroid-csv/expected.csv"));
}

/// IP tables from outside the module are checked before use, but a lookup
/// must not panic even on one that fails the check: here, on a 32-bit target,
/// a stored value whose byte offset into the dictionary would wrap.
pub fn hostile_tables_never_panic_on_a_32_bit_target() {
    use borderline::locate::RangeTable;
    let mut bytes = b"BLT2".to_vec();
    bytes.extend_from_slice(&[4, 4, 0, 0]); // IPv4, 4-byte values, no buckets
    for word in [1u32, 1, 0, 42, 0, 1, 0, u32::MAX] {
        // count, dictionary size, low count, the dictionary, two bucket starts, the key, the value
        bytes.extend_from_slice(&word.to_le_bytes());
    }
    let table = RangeTable::parse(&bytes).unwrap();
    assert!(table.validate().is_err(), "a value outside the dictionary");
    assert_eq!(table.lookup(7), None);
    assert_eq!(table.value(0), 0);
    for v in [0x4000_0000u32, 0x8000_0000, u32::MAX - 3] {
        let n = bytes.len();
        bytes[n - 4..].copy_from_slice(&v.to_le_bytes());
        assert_eq!(RangeTable::parse(&bytes).unwrap().lookup(0), None, "{v:#x}");
    }
}

/// A request replayed from the journal with the field names the core gave
/// for it (never its body) counts exactly as it did: the same report before
/// and after a restart. The badge is worked out under the current policy.
pub fn journaled_fields_replay_the_same_and_the_badge_follows_the_policy() {
    let mut live = core(Some(OVERLAY)).unwrap();
    live.set_policy("US", "us").unwrap();
    observe(&mut live, 4, "https://mon.tiktokv.com/monitor_browser/collect/batch/", "127.0.0.4");
    let fields = live.last_fields();
    assert!(fields.contains("device_id") && !fields.contains("7301234567890123456"), "names, never values: {fields}");
    let mut replayed = core(Some(OVERLAY)).unwrap();
    replayed.set_policy("US", "us").unwrap();
    let f = replayed.observe(
        4,
        "https://mon.tiktokv.com/monitor_browser/collect/batch/",
        "https://www.tiktok.com/foryou",
        "xmlhttprequest",
        "post",
        "127.0.0.4",
        200,
        100.0,
        10.0,
        0,
        1_767_225_600_000.0,
        None,
        Some(fields),
        None,
    );
    assert_ne!(f & flags::RECORDED, 0);
    assert_eq!(replayed.report_json(4).unwrap(), live.report_json(4).unwrap(), "the same report from the journal as from the request");
    // mon.tiktokv.com is ByteDance's: of concern under the US preset (CN), not under a custom list without CN.
    assert_eq!(live.badge(4).unwrap(), 1 << 1 | 1);
    live.set_policy("US", "RU").unwrap();
    assert_eq!(live.badge(4).unwrap(), 1 << 1, "the badge follows a change of policy");
    assert_eq!(live.badge(99).unwrap(), 0, "no visit, no badge");
}

/// The extension wakes on the lists alone: requests are recorded and judged
/// by the lists at once; their servers are judged, and anything that states
/// a location is made, only once the IP tables are read, and then the same
/// as from a core given both packs at the start.
pub fn a_core_from_the_lists_alone_records_now_and_locates_later() {
    let mut staged = Core::new(&js(LISTS), None, Some(OVERLAY.into())).unwrap();
    staged.set_policy("US", "us").unwrap();
    assert!(!staged.has_locations());
    let f = observe(&mut staged, 6, "https://analytics.tiktok.com/i18n/pixel/events.js", "127.0.0.6");
    assert_eq!(f & (flags::RECORDED | flags::TRACKER | flags::UNLOCATED), flags::RECORDED | flags::TRACKER | flags::UNLOCATED, "{f:b}");
    assert_eq!(f & flags::SERVER_OF_CONCERN, 0, "not decided without the tables");
    let no_ip = staged.observe(6, "https://www.tiktok.com/", "https://www.tiktok.com/", "main_frame", "GET", "", 200, 1.0, 1.0, 0, 0.0, None, None, None);
    assert_eq!(no_ip & flags::UNLOCATED, 0, "a request with no server address has nothing to locate");
    assert_eq!(staged.tracker_endpoints(6), 1);
    assert!(
        staged.report_json(6).is_err() && staged.popup_html(6).is_err() && staged.export(6, "json").is_err() && staged.badge(6).is_err(),
        "no report states a location before the tables are read"
    );
    assert!(
        staged.visit_summary(6).is_err()
            && staged.glance_text(6).is_err()
            && staged.warning(6, "https://analytics.tiktok.com/").is_err()
            && staged.server_flags("127.0.0.6").is_err()
    );
    let ended = staged.snapshot(6);
    assert!(staged.snapshot_summary(&ended).is_err());

    assert!(staged.set_locations(&js(LISTS)).is_err(), "the wrong pack is an error");
    assert!(!staged.has_locations(), "and changes nothing");
    staged.set_locations(&js(LOCATIONS)).unwrap();
    assert!(staged.has_locations());
    assert_eq!(staged.server_flags("127.0.0.6").unwrap(), flags::SERVER_OF_CONCERN, "the overlay's CN server, of concern under the US preset");
    assert_eq!(staged.server_flags("127.0.0.4").unwrap(), 0);
    assert_eq!(staged.server_flags("not an address").unwrap(), 0);
    let later = observe(&mut staged, 6, "https://analytics.tiktok.com/i18n/pixel/events.js", "127.0.0.6");
    assert_eq!(later & flags::UNLOCATED, 0);
    assert_ne!(later & flags::SERVER_OF_CONCERN, 0);

    let mut whole = core(Some(OVERLAY)).unwrap();
    whole.set_policy("US", "us").unwrap();
    observe(&mut whole, 6, "https://analytics.tiktok.com/i18n/pixel/events.js", "127.0.0.6");
    whole.observe(6, "https://www.tiktok.com/", "https://www.tiktok.com/", "main_frame", "GET", "", 200, 1.0, 1.0, 0, 0.0, None, None, None);
    observe(&mut whole, 6, "https://analytics.tiktok.com/i18n/pixel/events.js", "127.0.0.6");
    assert_eq!(staged.report_json(6).unwrap(), whole.report_json(6).unwrap(), "the same report as from a core given both packs at once");
    assert_eq!(staged.badge(6).unwrap(), whole.badge(6).unwrap());
    let summary = staged.snapshot_summary(&ended).unwrap();
    assert!(summary.contains("\"CN\""), "the ended visit's summary, located once the tables came: {summary}");
    assert_eq!(staged.snapshot_summary(&staged.snapshot(6)).unwrap(), staged.visit_summary(6).unwrap(), "a kept snapshot sums up as the live visit does");
    assert_eq!(staged.snapshot_summary(&staged.snapshot(99)).unwrap(), "null");
}

// The test functions, declared once for both runners.
macro_rules! binding_tests {
    () => {
        #[wasm_bindgen_test]
        fn journaled_fields_replay_the_same_and_the_badge_follows_the_policy() {
            common::journaled_fields_replay_the_same_and_the_badge_follows_the_policy();
        }

        #[wasm_bindgen_test]
        fn a_core_from_the_lists_alone_records_now_and_locates_later() {
            common::a_core_from_the_lists_alone_records_now_and_locates_later();
        }

        #[wasm_bindgen_test]
        fn flags_report_and_exports() {
            common::flags_report_and_exports();
        }

        #[wasm_bindgen_test]
        fn snapshots_restore_and_merge() {
            common::snapshots_restore_and_merge();
        }

        #[wasm_bindgen_test]
        fn workers_are_filed_under_the_tab_of_their_site() {
            common::workers_are_filed_under_the_tab_of_their_site();
        }

        #[wasm_bindgen_test]
        fn bad_input_is_an_error_or_counted_never_a_panic() {
            common::bad_input_is_an_error_or_counted_never_a_panic();
        }

        #[wasm_bindgen_test]
        fn hostile_tables_never_panic_on_a_32_bit_target() {
            common::hostile_tables_never_panic_on_a_32_bit_target();
        }

        #[wasm_bindgen_test]
        fn one_reader_opens_many_captures() {
            common::one_reader_opens_many_captures();
        }

        #[wasm_bindgen_test]
        fn packet_captures_are_read_in_slices() {
            common::packet_captures_are_read_in_slices();
        }
    };
}
