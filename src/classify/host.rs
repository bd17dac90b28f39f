//! The host of a URL: a fast reading of the plain URLs browsers send, and the
//! `url` crate's WHATWG URL parser for everything else.
//!
//! Nearly every URL a browser reports is `scheme://host[:port]/...` with a
//! lower-case ASCII host name. Reading those by hand skips the parser's
//! allocations and its public-suffix lookup (it finds the registrable domain,
//! which this stage works out once, later). Anything the fast reading is not
//! sure of (userinfo, percent signs, backslashes, IP literals, punycode, dots
//! out of place, non-ASCII, whitespace) goes to the parser. The two agree on
//! every URL the fast reading accepts: `tests/unit/host.rs` checks it over the
//! fixture captures, every host in the filter lists, and generated URLs.

/// Lower-case ASCII host of a URL (IDNs in punycode), or `None` when the URL
/// has no host a browser could have connected to. The parser is lenient, so
/// hosts are checked: letters, digits, `-`, `_` and `.`, or a bracketed IPv6
/// literal. Anything else (markup, quotes, controls) is no host.
pub fn host_of(url: &str) -> Option<String> {
    match plain_host(url) {
        Some(host) => Some(host),
        None => parsed_host(url),
    }
}

/// The host through the WHATWG URL parser.
pub(crate) fn parsed_host(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url).ok()?;
    let host = parsed.host_str()?.trim_end_matches('.').to_ascii_lowercase();
    is_plausible_host(&host).then_some(host)
}

/// The host of a plain `http(s)://` or `ws(s)://` URL, or `None` when the URL
/// is not plain enough to be sure (the parser then decides).
pub(crate) fn plain_host(url: &str) -> Option<String> {
    let b = url.as_bytes();
    let rest = if b.len() > 8 && b[..8].eq_ignore_ascii_case(b"https://") {
        &url[8..]
    } else if b.len() > 7 && b[..7].eq_ignore_ascii_case(b"http://") {
        &url[7..]
    } else if b.len() > 6 && b[..6].eq_ignore_ascii_case(b"wss://") {
        &url[6..]
    } else if b.len() > 5 && b[..5].eq_ignore_ascii_case(b"ws://") {
        &url[5..]
    } else {
        return None;
    };
    // One pass over the host: its end, and whether every label is a plain
    // non-empty name. Labels the parser would read as numbers (IPv4 in any of
    // its spellings: the last label starts with a digit) and punycode labels
    // (which it decodes and checks) are its call.
    let (mut end, mut label_start) = (0, 0);
    for (i, &c) in rest.as_bytes().iter().enumerate() {
        match c {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' => {}
            b'.' | b':' | b'/' | b'?' | b'#' => {
                let label = &rest.as_bytes()[label_start..i];
                if label.len() >= 4 && label[..4].eq_ignore_ascii_case(b"xn--") {
                    return None;
                }
                if c != b'.' {
                    end = i;
                    break;
                }
                if label.is_empty() {
                    return None;
                }
                label_start = i + 1;
            }
            _ => return None,
        }
        end = i + 1;
    }
    let label = &rest.as_bytes()[label_start.min(end)..end];
    if label.len() >= 4 && label[..4].eq_ignore_ascii_case(b"xn--") {
        return None;
    }
    let host = &rest[..end];
    let after = &rest.as_bytes()[end..];
    // A trailing dot is dropped, as the parser's caller does (two leave an
    // empty label: the parser's call).
    let host = host.strip_suffix('.').unwrap_or(host);
    let last = host.as_bytes().rsplit(|&c| c == b'.').next().unwrap_or_default();
    if host.is_empty() || host.len() > 253 || last.is_empty() || last[0].is_ascii_digit() {
        return None;
    }
    // A port of digits that is a valid port; the parser drops a default one,
    // which does not change the host.
    if let Some(port) = after.strip_prefix(b":") {
        let port = &port[..port.iter().position(|&c| matches!(c, b'/' | b'?' | b'#')).unwrap_or(port.len())];
        if port.is_empty() || port.len() > 5 || !port.iter().all(u8::is_ascii_digit) || port.iter().fold(0u32, |n, &d| n * 10 + u32::from(d - b'0')) > 65535 {
            return None;
        }
    }
    Some(host.to_ascii_lowercase())
}

fn is_plausible_host(host: &str) -> bool {
    if let Some(inner) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        return inner.parse::<std::net::Ipv6Addr>().is_ok();
    }
    !host.is_empty() && host.len() <= 253 && host.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

#[cfg(test)]
#[path = "../../tests/unit/host.rs"]
mod tests;
