use super::*;

fn kinds(url: &str, body: Option<&str>) -> Vec<(String, SentKind)> {
    detect(url, body, None, None).fields.into_iter().map(|f| (f.name, f.kind)).collect()
}

fn kind_of(name: &str, value: &str) -> Option<SentKind> {
    classify_field(name, value).map(|(kind, _)| kind)
}

fn fields(url: &str, body: Option<&str>) -> Vec<SentField> {
    detect(url, body, None, None).fields
}

#[test]
fn identifiers_by_name_and_by_shape() {
    let got = kinds("https://mon.tiktokv.com/c?device_id=7301234567890123456&aid=1988&msToken=AbC9_dEf-GhI0jKlMnOpQrStUvWxYz12&lang=en", None);
    assert_eq!(
        got,
        vec![("device_id".into(), SentKind::Identifier), ("msToken".into(), SentKind::Identifier)],
        "aid=1988 (an app id, short) and lang=en are not identifiers"
    );
    assert_eq!(kind_of("x", "550e8400-e29b-41d4-a716-446655440000"), Some(SentKind::Identifier), "UUID");
    assert_eq!(kind_of("x", "9f86d081884c7d659a2feaa0c55ad015"), Some(SentKind::Identifier), "long hex");
    assert_eq!(kind_of("_ga", "GA1.1.1234.5678"), Some(SentKind::Identifier), "known name");
    assert_eq!(kind_of("x", "hello world"), None);
    assert_eq!(kind_of("x", "aaaaaaaaaaaaaaaaaaaaaaaa"), None, "long but no entropy");
    assert_eq!(kind_of("x", "https://www.tiktok.com/foryou"), None, "a URL is not a token");
    assert_eq!(kind_of("dl", "https://www.tiktok.com/@user123/video/7301234567890123456"), None, "nor a long one");
    assert_eq!(kind_of("p", "/api/v1/item/7301234567890123456/detail"), None, "nor a path");
    assert_eq!(kind_of("device_id", ""), None, "empty values say nothing");
}

#[test]
fn emails_phones_and_their_hashes() {
    assert_eq!(kind_of("anything", "jane.doe+tag@example.co.uk"), Some(SentKind::Email));
    assert_eq!(kind_of("q", "not@an email"), None);
    assert_eq!(kind_of("q", "@example.com"), None);
    assert_eq!(kind_of("phone", "+1 (555) 010-9999"), Some(SentKind::Phone));
    assert_eq!(kind_of("q", "+4915112345678"), Some(SentKind::Phone), "E.164 by shape");
    assert_eq!(kind_of("q", "2026"), None);
    // SHA-256 of "jane@example.com" as a pixel sends it in `em`.
    let sha = "9f3b5c1b7d6e8a0f1e2d3c4b5a69788716253443527180f9e8d7c6b5a4938271";
    assert_eq!(kind_of("em", sha), Some(SentKind::HashedContact));
    assert_eq!(kind_of("ud[ph]", "5d41402abc4b2a76b9719d911017c592"), Some(SentKind::HashedContact), "MD5");
    assert_eq!(kind_of("h", sha), Some(SentKind::Identifier), "a hash under another name is just a token");
    assert_eq!(kind_of("checksum", sha), None, "unless the name says it is a checksum, not about a person");
}

#[test]
fn form_and_json_bodies_names_only() {
    let json =
        r#"{"events":[{"device_id":"7301234567890123456","user":{"email":"jane@example.com","odin_id":"7301234567890000001"}}],"event":"page_view","count":3}"#;
    let got = fields("https://log.example/collect", Some(json));
    let names: Vec<&str> = got.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, vec!["device_id", "email", "odin_id"], "{got:?}");
    let form = fields("https://www.google-analytics.com/g/collect", Some("v=2&cid=1234567890.1763661600&en=page_view&em=jane%40example.com"));
    assert!(form.iter().any(|f| f.name == "cid" && f.kind == SentKind::Identifier));
    assert!(form.iter().any(|f| f.name == "em" && f.kind == SentKind::Email), "percent-decoded: {form:?}");
    assert!(fields("https://a.example/", Some("not json, not a form")).is_empty());
    assert!(fields("https://a.example/", Some("{broken json")).is_empty());
}

#[test]
fn one_entry_per_name_with_its_most_sensitive_kind() {
    let got = fields("https://a.example/?em=7301234567890123456&em=jane@example.com", None);
    assert_eq!(got, vec![SentField { name: "em".into(), kind: SentKind::Email, reason: SentReason::EmailValue }]);
}

#[test]
fn hostile_and_huge_inputs_are_bounded() {
    let long_name = "n".repeat(10_000);
    let got = fields(&format!("https://a.example/?{long_name}=550e8400-e29b-41d4-a716-446655440000"), None);
    assert_eq!(got[0].name.len(), MAX_NAME);
    let many: String = (0..10_000).map(|i| format!("device_id{i}=7301234567890123456&")).collect();
    assert!(fields(&format!("https://a.example/?{many}"), None).len() <= 256);
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    assert!(fields("https://a.example/", Some(&deep)).is_empty(), "too deep: ignored, no stack overflow");
    let big = format!("{{\"device_id\":\"{}\"}}", "7".repeat(MAX_BODY * 2));
    let _ = fields("https://a.example/", Some(&big));
    // Non-ASCII names and values, bad percent-encoding, a multibyte cut at the limit.
    let got = fields("https://a.example/?%E9%82%AE%E7%AE%B1=jane%40example.com&%ZZ=1&名前=太郎", None);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].name, "邮箱");
    let body = format!("{}é", "a".repeat(MAX_BODY - 1));
    let _ = fields("https://a.example/", Some(&body));
}

#[test]
fn names_lose_controls_and_direction_overrides_visibly() {
    assert_eq!(visible("user\u{202E}di"), "user\u{FFFD}di");
    assert_eq!(visible("a\u{0}b\u{2066}c\td"), "a\u{FFFD}b\u{FFFD}c\u{FFFD}d");
    assert_eq!(visible("plain_name"), "plain_name");
}

/// Fields that are about the request, not the person: API keys, URL
/// signatures, versions, timestamps. Seen on YouTube, Facebook and Bilibili.
#[test]
fn signatures_keys_versions_and_timestamps_are_not_identifiers() {
    let url = "https://i.ytimg.com/vi/x/hq720.jpg?sqp=-oaymwEcCNAFEJQDSFXyq4qpAw4IARUAAIhCGAFwAcABBg==&rs=AOn4CLDq8VbWq3xZ7o5l2M&key=AIzaSyAO_FJ2SlqU8Q4STEHLGCilw_Y9_11qcW8";
    assert!(kinds(url, None).is_empty(), "{:?}", kinds(url, None));
    let fb = "https://scontent.xx.fbcdn.net/v/t39.30808-6/1_n.jpg?_nc_cat=1&_nc_ohc=Xj3kq9Lp2mQAX8vZ7aB&_nc_ht=scontent.xx&oh=00_AfB3kq9Lp2mQzX8vZ7aBcD1eF&oe=6651A2B3";
    assert!(kinds(fb, None).is_empty(), "{:?}", kinds(fb, None));
    let live = "https://live.example/stream.flv?wsSecret=9f86d081884c7d659a2feaa0c55ad015&wsTime=65f1a2b3&version=3.2.1a9f8e7d6c5b4a3&ts=1717171717171&zone=cn-7f3e9a1b2c4d&rule=ab12cd34ef56gh78ij90";
    assert!(kinds(live, None).is_empty(), "{:?}", kinds(live, None));
    assert_eq!(kind_of("key", "jane@example.com"), Some(SentKind::Email), "an e-mail address is about a person whatever the field is called");
    assert_eq!(kind_of("device_id", "0"), None, "a placeholder identifies no one");
    assert_eq!(kind_of("uid", "null"), None);
}

#[test]
fn each_flagged_field_says_why() {
    assert_eq!(classify_field("device_id", "7301234567890123456"), Some((SentKind::Identifier, SentReason::IdentifierName)));
    assert_eq!(classify_field("x", "550e8400-e29b-41d4-a716-446655440000"), Some((SentKind::Identifier, SentReason::TokenValue)));
    assert_eq!(classify_field("q", "jane@example.com"), Some((SentKind::Email, SentReason::EmailValue)));
    for r in [SentReason::EmailValue, SentReason::HashedContactName, SentReason::PhoneValue, SentReason::IdentifierName, SentReason::TokenValue] {
        assert!(!r.describe().is_empty());
    }
}

/// A body is read as what its content type says; binary bodies are sized, never read as fields.
#[test]
fn bodies_are_read_by_their_content_type() {
    // Bilibili's logging endpoint sends protobuf: its bytes, decoded lossily, hold `=` and letters.
    let proto = "\u{a}\u{10}\u{8}\u{fffd}\u{fffd}buvid=\u{12}\u{fffd}7301234567890123456\u{1a}";
    let got = detect("https://data.bilibili.com/log/web", Some(proto), Some("application/x-protobuf"), Some(44));
    assert!(got.fields.is_empty());
    assert_eq!(got.binary, Some(BinaryBody { content_type: "application/x-protobuf".into(), bytes: 44 }));
    let sniffed = detect("https://data.bilibili.com/log/web", Some(proto), None, None);
    assert!(sniffed.fields.is_empty(), "binary by its bytes, with no content type: {sniffed:?}");
    assert_eq!(sniffed.binary.map(|b| b.content_type), Some("unknown".into()));
    // A HAR's base64 body: no text, declared binary, sized.
    let b64 = detect("https://x.example/", None, Some("application/octet-stream"), Some(300));
    assert_eq!(b64.binary.map(|b| b.bytes), Some(300));
    // JSON declared as text/plain (a beacon) is sniffed and read.
    let beacon = detect("https://x.example/", Some(r#"{"device_id":"7301234567890123456"}"#), Some("text/plain;charset=UTF-8"), None);
    assert_eq!(beacon.fields.len(), 1);
    // Text that is neither form nor JSON yields nothing.
    assert!(detect("https://x.example/", Some("hello = world, how are you"), None, None).fields.is_empty());
    // XML is text, not a form, even with `=` in it.
    assert!(detect("https://x.example/", Some(r#"<a uid="7301234567890123456"/>"#), Some("text/xml"), None).fields.is_empty());
    // Multipart: text parts by name, files skipped.
    let multipart = "--XyZ\r\nContent-Disposition: form-data; name=\"device_id\"\r\n\r\n7301234567890123456\r\n--XyZ\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.bin\"\r\n\r\n550e8400-e29b-41d4-a716-446655440000\r\n--XyZ--\r\n";
    let got = detect("https://x.example/", Some(multipart), Some("multipart/form-data; boundary=XyZ"), None);
    assert_eq!(got.fields.iter().map(|f| f.name.as_str()).collect::<Vec<_>>(), vec!["device_id"]);
}

/// Bodies as real beacons send them: JSON declared as a form, GA4's
/// line-separated batches, NDJSON, and a file part named with `filename*`.
#[test]
fn beacon_shapes_are_read() {
    let json_as_form = detect("https://x.example/", Some(r#"{"device_id":"7301234567890123456"}"#), Some("application/x-www-form-urlencoded"), None);
    assert_eq!(json_as_form.fields.len(), 1, "{json_as_form:?}");
    let ga4 = detect(
        "https://www.google-analytics.com/g/collect?v=2",
        Some("en=page_view&_et=12\r\nen=scroll&cid=1234567890.1764000000"),
        Some("text/plain;charset=UTF-8"),
        None,
    );
    assert_eq!(ga4.fields.iter().map(|f| f.name.as_str()).collect::<Vec<_>>(), vec!["cid"]);
    let ndjson = detect("https://x.example/", Some("{\"a\":1}\n{\"uid\":\"7301234567890123456\"}\n"), Some("application/x-ndjson"), None);
    assert_eq!(ndjson.fields.len(), 1, "{ndjson:?}");
    let multipart = "--B\r\nContent-Disposition: form-data; name=\"f\"; filename*=UTF-8''a.bin\r\n\r\n550e8400-e29b-41d4-a716-446655440000\r\n--B--\r\n";
    assert!(detect("https://x.example/", Some(multipart), Some("multipart/form-data; boundary=B"), None).fields.is_empty(), "a file part is not a field");
    // Declared JSON is read as JSON even with a replacement character in a value.
    let json = detect("https://x.example/", Some("{\"device_id\":\"7301234567890123456\",\"t\":\"caf\u{fffd}\"}"), Some("application/json"), None);
    assert_eq!(json.fields.len(), 1);
}
