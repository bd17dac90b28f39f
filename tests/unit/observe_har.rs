use super::*;

fn entry(url: &str, extra: &str) -> String {
    format!(
        r#"{{"startedDateTime":"2026-01-02T03:04:05.678Z","request":{{"method":"get","url":"{url}","headers":[],"headersSize":100,"bodySize":0}},"response":{{"status":200,"headers":[],"headersSize":50,"bodySize":1000,"content":{{"size":1000,"mimeType":"text/html"}}}}{extra}}}"#
    )
}

fn har(pages: &str, entries: &[String]) -> String {
    format!(r#"{{"log":{{"version":"1.2","creator":{{"name":"WebInspector","version":"537.36"}},"pages":[{pages}],"entries":[{}]}}}}"#, entries.join(","))
}

#[test]
fn reads_chrome_style_entries() {
    let text = har(
        r#"{"id":"page_1","title":"https://www.tiktok.com/foryou","startedDateTime":"2026-01-02T03:04:05Z"}"#,
        &[entry("https://mon.tiktokv.com/collect", r#","pageref":"page_1","serverIPAddress":"[2001:4860::1]","_resourceType":"xhr","_transferSize":1234"#)],
    );
    let cap = read_har(&text, |_, _| {}).unwrap();
    assert_eq!(cap.creator, "WebInspector 537.36");
    assert_eq!(cap.requests.len(), 1);
    let r = &cap.requests[0];
    assert_eq!(r.site_url, "https://www.tiktok.com/foryou");
    assert_eq!(r.method, "GET");
    assert_eq!(r.resource_type, ResourceType::Xmlhttprequest);
    assert_eq!(r.ip, Some("2001:4860::1".parse().unwrap()));
    assert_eq!(r.bytes_sent, 100);
    assert_eq!(r.bytes_received, 1234);
    assert_eq!(r.status, Some(200));
    assert_eq!(r.time_ms, 1_767_323_045_678);
}

#[test]
fn firefox_pages_take_their_site_from_the_first_document() {
    // Firefox puts the document title, not the URL, in pages[].title.
    let text = har(
        r#"{"id":"page_1","title":"TikTok - Make Your Day"}"#,
        &[
            entry("https://www.tiktok.com/", r#","pageref":"page_1","serverIPAddress":"23.45.12.4""#),
            entry("https://analytics.tiktok.com/x.js", r#","pageref":"page_1""#),
        ],
    );
    let cap = read_har(&text, |_, _| {}).unwrap();
    assert_eq!(cap.requests[1].site_url, "https://www.tiktok.com/");
    assert_eq!(cap.requests[0].resource_type, ResourceType::Document, "inferred from the MIME type");
}

#[test]
fn captures_without_pages_use_the_last_document() {
    let text = har("", &[entry("https://www.youtube.com/watch?v=x", ""), entry("https://i.ytimg.com/vi/x.jpg", r#","_resourceType":"image""#)]);
    let cap = read_har(&text, |_, _| {}).unwrap();
    assert_eq!(cap.requests[1].site_url, "https://www.youtube.com/watch?v=x");
}

#[test]
fn broken_entries_are_skipped_and_counted_not_fatal() {
    let text = har(
        "",
        &[entry("https://ok.example/", ""), r#"{"request":{"url":42}}"#.to_string(), entry("ftp://not-web.example/", ""), r#""just a string""#.to_string()],
    );
    let cap = read_har(&text, |_, _| {}).unwrap();
    assert_eq!(cap.requests.len(), 1);
    assert_eq!(cap.skipped, 3);
    assert_eq!(cap.skip_reasons.len(), 3);
    assert!(cap.skip_reasons[1].contains("not an http(s) URL"));
}

#[test]
fn whole_file_errors_name_the_problem() {
    assert!(matches!(read_har("hello", |_, _| {}), Err(HarError::NotJson(_))));
    assert!(matches!(read_har(r#"{"log":{"entries":[{"request":"#, |_, _| {}), Err(HarError::Truncated(_))));
    assert!(matches!(read_har(r#"{"foo":1}"#, |_, _| {}), Err(HarError::NotHar(_))));
    assert!(matches!(read_har(r#"{"log":{"entries":{}}}"#, |_, _| {}), Err(HarError::NotHar(_))));
    assert!(matches!(read_har("", |_, _| {}), Err(HarError::Truncated(_))));
    let msg = read_har(r#"{"log":{"entries":7}}"#, |_, _| {}).unwrap_err().to_string();
    assert!(msg.starts_with("not a HAR file"), "{msg}");
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(read_har(&deep, |_, _| {}).is_err());
}

#[test]
fn sizes_fall_back_when_the_capture_does_not_know_them() {
    let e = r#"{"request":{"method":"POST","url":"https://t.example/c","headers":[{"name":"a","value":"bc"}],"headersSize":-1,"bodySize":-1,"postData":{"text":"0123456789"}},"response":{"status":0,"headers":[{"name":"Set-Cookie","value":"a=1"},{"name":"set-cookie","value":"b=2"}],"headersSize":-1,"bodySize":-1,"content":{"size":77}}}"#;
    let cap = read_har(&har("", &[e.to_string()]), |_, _| {}).unwrap();
    let r = &cap.requests[0];
    // "POST" + url + 12 for the request line, "a: bc\r\n" = 7, body 10.
    assert_eq!(r.bytes_sent, (4 + "https://t.example/c".len() + 12 + 7 + 10) as u64);
    assert_eq!(r.bytes_received, 77);
    assert_eq!(r.cookies_set, 2);
    assert_eq!(r.status, None, "status 0 means no response");
}

#[test]
fn server_ip_forms() {
    assert_eq!(parse_ip("203.0.113.9"), Some("203.0.113.9".parse().unwrap()));
    assert_eq!(parse_ip("[2001:db8::1]"), Some("2001:db8::1".parse().unwrap()));
    assert_eq!(parse_ip("203.0.113.9:443"), Some("203.0.113.9".parse().unwrap()));
    assert_eq!(parse_ip(""), None);
    assert_eq!(parse_ip("not an ip"), None);
}

#[test]
fn progress_reports_the_total() {
    let text = har("", &[entry("https://a.example/", ""), entry("https://b.example/", "")]);
    let mut last = (0, 0);
    read_har(&text, |d, t| last = (d, t)).unwrap();
    assert_eq!(last, (2, 2));
}

/// A document that is not the page's own top-level navigation is a frame.
#[test]
fn frames_are_subdocuments_not_pages() {
    let page = r#"{"id":"page_1","title":"https://www.youtube.com/watch?v=x"}"#;
    let text = har(
        page,
        &[
            // An http→https redirect, then the page itself.
            entry("http://youtube.com/watch?v=x", r#","pageref":"page_1","_resourceType":"document","_initiator":{"type":"other"}"#)
                .replace(r#""status":200"#, r#""status":301,"redirectURL":"https://www.youtube.com/watch?v=x""#),
            entry("https://www.youtube.com/watch?v=x", r#","pageref":"page_1","_resourceType":"document","_initiator":{"type":"other"}"#),
            // Chrome: an ad iframe the page's parser started.
            entry("https://googleads.g.doubleclick.net/pagead/ads?x=1", r#","pageref":"page_1","_resourceType":"document","_initiator":{"type":"parser"}"#),
            // Firefox: no type; the browser's own Sec-Fetch-Dest says iframe.
            entry("https://www.youtube.com/embed/y", r#","pageref":"page_1""#).replacen(
                r#""headers":[]"#,
                r#""headers":[{"name":"Sec-Fetch-Dest","value":"iframe"}]"#,
                1,
            ),
            // Firefox: no type, no header: a second HTML document of the page.
            entry("https://accounts.google.com/RotateCookiesPage", r#","pageref":"page_1""#),
        ],
    );
    let cap = read_har(&text, |_, _| {}).unwrap();
    let kinds: Vec<ResourceType> = cap.requests.iter().map(|r| r.resource_type).collect();
    assert_eq!(
        kinds,
        vec![ResourceType::Document, ResourceType::Document, ResourceType::Subdocument, ResourceType::Subdocument, ResourceType::Subdocument],
        "{:?}",
        cap.requests.iter().map(|r| &r.url).collect::<Vec<_>>()
    );
    assert!(cap.requests.iter().all(|r| r.site_url == "https://www.youtube.com/watch?v=x"), "frames do not change the page");
}

#[test]
fn redirect_targets_are_resolved_against_the_document() {
    assert_eq!(absolute("http://a.example/x/y?q=1", "/z"), "http://a.example/z");
    assert_eq!(absolute("http://a.example/x/y?q=1", "//b.example/p"), "http://b.example/p");
    assert_eq!(absolute("http://a.example/x/y?q=1", "next"), "http://a.example/x/next");
    assert_eq!(absolute("http://a.example?q=1", "/z"), "http://a.example/z");
    assert_eq!(absolute("http://a.example/", "https://c.example/"), "https://c.example/");
    assert_eq!(absolute("http://a.example/", ""), "");
}

/// A base64 body is binary by the capture's word: sized under its declared
/// type, never read as fields; the URL's query still is.
#[test]
fn base64_bodies_are_binary() {
    let e = r#"{"request":{"method":"POST","url":"https://data.bilibili.com/log/web?device_id=7301234567890123456","headers":[],"bodySize":24,"postData":{"mimeType":"application/x-protobuf","text":"CgZ3ZWJfdjESDGJ1dmlkMz1YWTExGOiH","encoding":"base64"}},"response":{"status":200,"headers":[]}}"#;
    let cap = read_har(&har("", &[e.to_string()]), |_, _| {}).unwrap();
    let r = &cap.requests[0];
    assert_eq!(r.body, None);
    let sent = r.sent.as_ref().expect("read when the capture was read");
    assert_eq!(sent.binary.as_ref().map(|b| (b.content_type.as_str(), b.bytes)), Some(("application/x-protobuf", 24)));
    assert_eq!(sent.fields.iter().map(|f| f.name.as_str()).collect::<Vec<_>>(), vec!["device_id"]);
}

#[test]
fn app_captures_have_a_subject_and_several_apps_make_it_the_device() {
    let entry = r#"{"startedDateTime":"2025-11-20T10:00:00Z","request":{"method":"GET","url":"https://api.example.com/x","headers":[]},"response":{"status":200,"headers":[]}}"#;
    let one = format!(
        r#"{{"log":{{"entries":[{entry}],"_tweasel":{{"apps":[{{"id":"com.zhiliaoapp.musically","name":"TikTok"}}],"device":{{"platform":"android","osVersion":"14"}}}}}}}}"#
    );
    let s = read_har(&one, |_, _| {}).unwrap().subject.unwrap();
    assert_eq!((s.app_id.as_deref(), s.label.as_deref()), (Some("com.zhiliaoapp.musically"), Some("TikTok")));
    let two = format!(
        r#"{{"log":{{"entries":[{entry}],"_tweasel":{{"apps":[{{"id":"a.b"}},{{"id":"c.d"}}],"device":{{"platform":"android","osVersion":"14"}}}}}}}}"#
    );
    let s = read_har(&two, |_, _| {}).unwrap().subject.unwrap();
    assert_eq!((s.app_id, s.label.as_deref()), (None, Some("android 14")));
    assert!(s.basis.contains("a.b, c.d"), "{}", s.basis);
    // No metadata, no pages, no document, no Referer: a device.
    let bare = format!(r#"{{"log":{{"creator":{{"name":"mitmproxy har_dump","version":"0.1"}},"entries":[{entry}]}}}}"#);
    assert_eq!(read_har(&bare, |_, _| {}).unwrap().subject.unwrap().app_id, None);
    // A browser capture (a Referer) has no subject: its pages are its sites.
    let browser = bare.replace(r#""headers":[]}"#, r#""headers":[{"name":"Referer","value":"https://www.example.com/"}]}"#);
    assert_eq!(read_har(&browser, |_, _| {}).unwrap().subject, None);
}
