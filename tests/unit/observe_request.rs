use super::*;

#[test]
fn resource_type_names_from_every_vocabulary() {
    for (name, want) in [
        ("main_frame", ResourceType::Document),
        ("sub_frame", ResourceType::Subdocument),
        ("xhr", ResourceType::Xmlhttprequest),
        ("fetch", ResourceType::Xmlhttprequest),
        ("XMLHttpRequest", ResourceType::Xmlhttprequest),
        ("ping", ResourceType::Ping),
        ("csp_report", ResourceType::Ping),
        ("websocket", ResourceType::Websocket),
        ("texttrack", ResourceType::Media),
        ("imageset", ResourceType::Image),
        ("something-new", ResourceType::Other),
        ("", ResourceType::Other),
    ] {
        assert_eq!(ResourceType::from_name(name), want, "{name}");
    }
}

#[test]
fn resource_type_from_mime_ignores_parameters_and_case() {
    assert_eq!(ResourceType::from_mime("Text/HTML; charset=utf-8"), ResourceType::Document);
    assert_eq!(ResourceType::from_mime("image/webp"), ResourceType::Image);
    assert_eq!(ResourceType::from_mime("application/json"), ResourceType::Xmlhttprequest);
    assert_eq!(ResourceType::from_mime("video/mp4"), ResourceType::Media);
    assert_eq!(ResourceType::from_mime("font/woff2"), ResourceType::Font);
    assert_eq!(ResourceType::from_mime(""), ResourceType::Other);
}

#[test]
fn filter_names_round_trip_through_from_name() {
    for t in [
        ResourceType::Document,
        ResourceType::Subdocument,
        ResourceType::Script,
        ResourceType::Stylesheet,
        ResourceType::Image,
        ResourceType::Font,
        ResourceType::Media,
        ResourceType::Xmlhttprequest,
        ResourceType::Ping,
        ResourceType::Websocket,
        ResourceType::Other,
    ] {
        assert_eq!(ResourceType::from_name(t.filter_name()), t);
    }
}

#[test]
fn new_request_defaults_are_unknowns_not_guesses() {
    let r = Request::new("https://a.example/", "https://b.example/", ResourceType::Script).with_ip("192.0.2.1".parse().unwrap());
    assert_eq!(r.method, "GET");
    assert_eq!(r.status, None);
    assert_eq!(r.ip, Some("192.0.2.1".parse().unwrap()));
    assert_eq!((r.bytes_sent, r.bytes_received, r.cookies_set), (0, 0, 0));
}
