use proptest::prelude::*;

use super::*;

/// Every URL the fast reading accepts, it reads as the parser does.
fn agree(url: &str) -> Result<bool, String> {
    match plain_host(url) {
        Some(fast) if Some(&fast) != parsed_host(url).as_ref() => Err(format!("{url:?}: fast {fast:?}, parser {:?}", parsed_host(url))),
        fast => Ok(fast.is_some()),
    }
}

/// The fixture captures' request and page URLs, and a URL for every host
/// named by a `||host` rule in the lists.
fn known_urls() -> Vec<String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut urls = Vec::new();
    for dir in std::fs::read_dir(root.join("tests/fixtures")).unwrap().flatten() {
        for sub in std::fs::read_dir(dir.path()).into_iter().flatten().flatten() {
            if let Ok(text) = std::fs::read_to_string(sub.path().join("capture.har")) {
                let capture = crate::observe::read_har(&text, |_, _| {}).unwrap();
                urls.extend(capture.requests.iter().flat_map(|r| [r.url.clone(), r.site_url.clone()]));
            }
        }
    }
    for f in ["platform-telemetry.txt", "easyprivacy.txt", "easylist.txt"] {
        let text = std::fs::read_to_string(root.join("data/lists").join(f)).unwrap();
        for rule in text.lines().filter_map(|l| l.trim_start_matches("@@").strip_prefix("||")) {
            let host = rule.split(['^', '/', '$', '*', '|']).next().unwrap_or("");
            urls.push(format!("https://{host}/x?y=1"));
            urls.push(format!("http://{}:8080/", host.to_uppercase()));
        }
    }
    urls
}

#[test]
fn the_fast_reading_agrees_with_the_parser_on_real_urls() {
    let urls = known_urls();
    let mut fast = 0;
    let disagreements: Vec<String> = urls.iter().filter_map(|u| agree(u).map(|f| fast += usize::from(f)).err()).collect();
    assert!(disagreements.is_empty(), "{} disagreements, e.g. {:?}", disagreements.len(), &disagreements[..disagreements.len().min(5)]);
    assert!(urls.len() > 50_000, "{} URLs", urls.len());
    // Not a shortcut taken by accident: nearly all real URLs are plain.
    assert!(fast * 100 > urls.len() * 95, "fast reading took {fast} of {}", urls.len());
}

#[test]
fn unusual_urls_go_to_the_parser() {
    for url in [
        "https://user:pw@a.example/",
        "https://a.example%2e.com/",
        "https://a.example\\evil.com/",
        "https://127.1/",
        "https://0x7f.0.0.1/",
        "https://[::1]/",
        "https://xn--80ak6aa92e.com/",
        "https://a.xn--p1ai",
        "https://a.xn--",
        "https://a..example/",
        "https://.a.example/",
        "https://a.example../",
        "https://bücher.example/",
        "https://a.exa\tmple/",
        " https://a.example/",
        "https:/a.example/",
        "https:///a.example/",
        "https://a.example:99999/",
        "https://a.example:/",
        "https://a_b.example/",
        "ftp://a.example/",
        "data:,x",
    ] {
        assert_eq!(plain_host(url), None, "{url:?}");
        assert_eq!(host_of(url), parsed_host(url), "{url:?}");
    }
    assert_eq!(plain_host("HTTPS://WWW.Example.COM.:443/p?q#f").as_deref(), Some("www.example.com"));
    assert_eq!(plain_host("wss://push.example.net").as_deref(), Some("push.example.net"));
}

/// URLs built from the pieces that make a parser differ: odd schemes and
/// separators, userinfo, percent signs, backslashes, numbers, punycode, dots,
/// whitespace, non-ASCII and ports of every size.
fn url() -> impl Strategy<Value = String> {
    let scheme = prop::sample::select(vec!["https", "HTTP", "http", "wss", "ws", "ftp", "blob:https", "data", "hTTps"]);
    let sep = prop::sample::select(vec!["://", "://", "://", ":/", ":///", ":\\\\", ":\t//", ""]);
    let label = prop::sample::select(vec![
        "a",
        "www",
        "Example",
        "com",
        "xn--80ak6aa92e",
        "XN--p1ai",
        "1",
        "0x7f",
        "255",
        "08",
        "a-b",
        "-a",
        "a-",
        "a_b",
        "ü",
        "%41",
        "a b",
        "\t",
        "",
        "_",
        "0",
        "1e3",
        "a1",
    ]);
    let host = prop::collection::vec(label, 1..5).prop_map(|l| l.join("."));
    let dot = prop::sample::select(vec!["", "", ".", ".."]);
    let user = prop::sample::select(vec!["", "", "", "u@", "u:p@", "@"]);
    let port = prop::sample::select(vec!["", "", ":443", ":80", ":0", ":65535", ":65536", ":99999", ":", ":8a", ":0080", ":1234567"]);
    let path = prop::sample::select(vec!["", "/", "/x?y=1", "?q", "#f", "\\x", "/a:b@c", " "]);
    (scheme, sep, user, host, dot, port, path).prop_map(|(s, sep, u, h, d, p, path)| format!("{s}{sep}{u}{h}{d}{p}{path}"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn the_fast_reading_agrees_with_the_parser_on_generated_urls(url in url()) {
        prop_assert!(agree(&url).is_ok(), "{}", agree(&url).unwrap_err());
        prop_assert_eq!(host_of(&url), parsed_host(&url));
    }

    #[test]
    fn any_string_is_read_alike(url in "\\PC{0,40}") {
        prop_assert!(agree(&url).is_ok(), "{}", agree(&url).unwrap_err());
    }
}
