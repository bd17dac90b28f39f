use super::*;

#[test]
fn local_addresses_are_never_given_a_country() {
    for ip in [
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.1.1",
        "100.64.0.1",
        "0.0.0.0",
        "255.255.255.255",
        "224.0.0.1",
        "240.0.0.1",
        "192.0.2.1",
        "198.18.0.1",
        "::1",
        "::",
        "fe80::1",
        "fd00::1",
        "ff02::1",
        "2001:db8::1",
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1",
    ] {
        assert!(is_local(ip.parse().unwrap()), "{ip}");
    }
    for ip in ["8.8.8.8", "129.146.10.20", "2a03:2880:f12f:83:face:b00c:0:25de", "::ffff:8.8.8.8", "100.128.0.1", "172.32.0.1"] {
        assert!(!is_local(ip.parse().unwrap()), "{ip}");
    }
}

#[test]
fn overlay_prefixes() {
    let o = OverlayEntry { network: "127.0.0.0".parse().unwrap(), prefix: 24, country: Some("CN".into()), asn: Some(1), organisation: None };
    assert!(o.contains("127.0.0.200".parse().unwrap()));
    assert!(!o.contains("127.0.1.1".parse().unwrap()));
    assert!(!o.contains("::1".parse().unwrap()));
    let all = OverlayEntry { prefix: 0, ..o.clone() };
    assert!(all.contains("9.9.9.9".parse().unwrap()));
    let v6 = OverlayEntry { network: "::1".parse().unwrap(), prefix: 128, ..o };
    assert!(v6.contains("::1".parse().unwrap()));
}
