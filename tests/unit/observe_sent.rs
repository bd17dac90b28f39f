use super::*;

fn kinds(url: &str, body: Option<&str>) -> Vec<(String, SentKind)> {
    detect(url, body).into_iter().map(|f| (f.name, f.kind)).collect()
}

#[test]
fn identifiers_by_name_and_by_shape() {
    let got = kinds("https://mon.tiktokv.com/c?device_id=7301234567890123456&aid=1988&msToken=AbC9_dEf-GhI0jKlMnOpQrStUvWxYz12&lang=en", None);
    assert_eq!(
        got,
        vec![("device_id".into(), SentKind::Identifier), ("msToken".into(), SentKind::Identifier)],
        "aid=1988 (an app id, short) and lang=en are not identifiers"
    );
    assert_eq!(classify_field("x", "550e8400-e29b-41d4-a716-446655440000"), Some(SentKind::Identifier), "UUID");
    assert_eq!(classify_field("x", "9f86d081884c7d659a2feaa0c55ad015"), Some(SentKind::Identifier), "long hex");
    assert_eq!(classify_field("_ga", "GA1.1.1234.5678"), Some(SentKind::Identifier), "known name");
    assert_eq!(classify_field("x", "hello world"), None);
    assert_eq!(classify_field("x", "aaaaaaaaaaaaaaaaaaaaaaaa"), None, "long but no entropy");
    assert_eq!(classify_field("x", "https://www.tiktok.com/foryou"), None, "a URL is not a token");
    assert_eq!(classify_field("dl", "https://www.tiktok.com/@user123/video/7301234567890123456"), None, "nor a long one");
    assert_eq!(classify_field("p", "/api/v1/item/7301234567890123456/detail"), None, "nor a path");
    assert_eq!(classify_field("device_id", ""), None, "empty values say nothing");
}

#[test]
fn emails_phones_and_their_hashes() {
    assert_eq!(classify_field("anything", "jane.doe+tag@example.co.uk"), Some(SentKind::Email));
    assert_eq!(classify_field("q", "not@an email"), None);
    assert_eq!(classify_field("q", "@example.com"), None);
    assert_eq!(classify_field("phone", "+1 (555) 010-9999"), Some(SentKind::Phone));
    assert_eq!(classify_field("q", "+4915112345678"), Some(SentKind::Phone), "E.164 by shape");
    assert_eq!(classify_field("q", "2026"), None);
    // SHA-256 of "jane@example.com" as a pixel sends it in `em`.
    let sha = "9f3b5c1b7d6e8a0f1e2d3c4b5a69788716253443527180f9e8d7c6b5a4938271";
    assert_eq!(classify_field("em", sha), Some(SentKind::HashedContact));
    assert_eq!(classify_field("ud[ph]", "5d41402abc4b2a76b9719d911017c592"), Some(SentKind::HashedContact), "MD5");
    assert_eq!(classify_field("checksum", sha), Some(SentKind::Identifier), "a hash under another name is just a token");
}

#[test]
fn form_and_json_bodies_names_only() {
    let json =
        r#"{"events":[{"device_id":"7301234567890123456","user":{"email":"jane@example.com","odin_id":"7301234567890000001"}}],"event":"page_view","count":3}"#;
    let got = detect("https://log.example/collect", Some(json));
    let names: Vec<&str> = got.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, vec!["device_id", "email", "odin_id"], "{got:?}");
    let form = detect("https://www.google-analytics.com/g/collect", Some("v=2&cid=1234567890.1763661600&en=page_view&em=jane%40example.com"));
    assert!(form.iter().any(|f| f.name == "cid" && f.kind == SentKind::Identifier));
    assert!(form.iter().any(|f| f.name == "em" && f.kind == SentKind::Email), "percent-decoded: {form:?}");
    assert!(detect("https://a.example/", Some("not json, not a form")).is_empty());
    assert!(detect("https://a.example/", Some("{broken json")).is_empty());
}

#[test]
fn one_entry_per_name_with_its_most_sensitive_kind() {
    let got = detect("https://a.example/?em=7301234567890123456&em=jane@example.com", None);
    assert_eq!(got, vec![SentField { name: "em".into(), kind: SentKind::Email }]);
}

#[test]
fn hostile_and_huge_inputs_are_bounded() {
    let long_name = "n".repeat(10_000);
    let got = detect(&format!("https://a.example/?{long_name}=550e8400-e29b-41d4-a716-446655440000"), None);
    assert_eq!(got[0].name.len(), MAX_NAME);
    let many: String = (0..10_000).map(|i| format!("device_id{i}=7301234567890123456&")).collect();
    assert!(detect(&format!("https://a.example/?{many}"), None).len() <= 256);
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    assert!(detect("https://a.example/", Some(&deep)).is_empty(), "too deep: ignored, no stack overflow");
    let big = format!("{{\"device_id\":\"{}\"}}", "7".repeat(MAX_BODY * 2));
    let _ = detect("https://a.example/", Some(&big));
    // Non-ASCII names and values, bad percent-encoding, a multibyte cut at the limit.
    let got = detect("https://a.example/?%E9%82%AE%E7%AE%B1=jane%40example.com&%ZZ=1&名前=太郎", None);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].name, "邮箱");
    let body = format!("{}é", "a".repeat(MAX_BODY - 1));
    let _ = detect("https://a.example/", Some(&body));
}

#[test]
fn names_lose_controls_and_direction_overrides_visibly() {
    assert_eq!(visible("user\u{202E}di"), "user\u{FFFD}di");
    assert_eq!(visible("a\u{0}b\u{2066}c\td"), "a\u{FFFD}b\u{FFFD}c\u{FFFD}d");
    assert_eq!(visible("plain_name"), "plain_name");
}
