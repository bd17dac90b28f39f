//! What a request sent: the *names* of fields that carry identifiers, e-mail
//! addresses, phone numbers or their hashes, found in the URL's query and in
//! form or JSON bodies. Values are looked at to classify, never kept: the
//! report must not become a new leak.

use serde::{Deserialize, Serialize};

/// What kind of value a field carried.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum SentKind {
    /// A device, user, session or advertising identifier (by name, or a high-entropy token).
    Identifier,
    /// An e-mail address in plain text.
    Email,
    /// A phone number in plain text.
    Phone,
    /// A SHA-256 or MD5 hash in a field named for an e-mail or phone (as ad pixels send them).
    HashedContact,
}

/// Why a field was flagged: the name, the value's shape, or both. Every
/// flagged field in a report says which, so a reader can check it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum SentReason {
    /// The value is an e-mail address, whatever the field is called.
    EmailValue,
    /// A field named for an e-mail or phone carried a SHA-256 or MD5 hash.
    HashedContactName,
    /// A field named for a phone number carried one, or the value is an
    /// international (`+`) phone number.
    PhoneValue,
    /// The name is a known identifier field (the list in docs/grading.md).
    IdentifierName,
    /// The value looks machine-made and unique: a UUID, long hex, a long digit
    /// string or a long mixed token with high entropy.
    TokenValue,
}

impl SentReason {
    /// Plain words for the reason.
    pub fn describe(self) -> &'static str {
        match self {
            SentReason::EmailValue => "the value is an e-mail address",
            SentReason::HashedContactName => "a field named for an e-mail or phone carried a hash",
            SentReason::PhoneValue => "the value is a phone number",
            SentReason::IdentifierName => "the name is a known identifier field",
            SentReason::TokenValue => "the value looks like a unique machine-made token",
        }
    }
}

/// One field that was sent.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct SentField {
    /// The field's name (query parameter, form field or JSON key), at most `MAX_NAME` bytes.
    pub name: String,
    pub kind: SentKind,
    pub reason: SentReason,
}

/// A request body that was not read for fields: its declared or sniffed
/// content type and its size. Binary data (protobuf, compressed, images)
/// carries no field names we could honestly report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BinaryBody {
    /// The declared content type (parameters dropped), or "unknown".
    pub content_type: String,
    pub bytes: u64,
}

/// What one request sent, as far as can be told from its URL and body:
/// names, kinds and reasons, never values. This is what the extension
/// journals for a request, so a request replayed after a restart counts the
/// same fields it did the first time.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sent {
    /// Flagged fields, one per name (sorted), with their most sensitive kind.
    pub fields: Vec<SentField>,
    /// Set when the body was binary and so not read for fields.
    pub binary: Option<BinaryBody>,
}

impl Sent {
    /// Reads a journaled `Sent` (JSON), bounded like a detection: at most
    /// the fields one request can yield, names cut and made visible.
    pub fn from_journal(json: &str) -> Result<Sent, String> {
        let mut s: Sent = serde_json::from_str(json).map_err(|e| format!("journaled fields: {e}"))?;
        s.fields.truncate(MAX_FIELDS);
        for f in &mut s.fields {
            f.name = visible(cut(&f.name, MAX_NAME));
        }
        if let Some(b) = &mut s.binary {
            b.content_type = visible(cut(&b.content_type, MAX_NAME));
        }
        s.fields.sort_by(|a, b| a.name.cmp(&b.name).then(b.kind.cmp(&a.kind)));
        s.fields.dedup_by(|a, b| a.name == b.name);
        Ok(s)
    }
}

/// Longest field name kept.
pub const MAX_NAME: usize = 64;
/// Fields examined per request, and JSON depth followed, at most.
const MAX_FIELDS: usize = 256;
const MAX_DEPTH: usize = 8;
/// Bytes of body examined at most.
pub const MAX_BODY: usize = 64 * 1024;

/// Names that carry identifiers whatever their value looks like (cited in
/// docs/grading.md): Google Analytics, Meta, TikTok, ByteDance SDKs, mobile ad IDs.
const ID_NAMES: &[&str] = &[
    "device_id",
    "deviceid",
    "did",
    "odin_id",
    "user_id",
    "userid",
    "uid",
    "user_unique_id",
    "install_id",
    "iid",
    "openudid",
    "udid",
    "_ga",
    "cid",
    "client_id",
    "clientid",
    "_gid",
    "fbp",
    "_fbp",
    "fbc",
    "_fbc",
    "ttclid",
    "_ttp",
    "ttp",
    "mstoken",
    "x-bogus",
    "verifyfp",
    "s_v_web_id",
    "idfa",
    "idfv",
    "gaid",
    "adid",
    "advertising_id",
    "aaid",
    "anonymous_id",
    "anonymousid",
    "visitor_id",
    "visitorid",
    "vid",
    "session_id",
    "sessionid",
    "sid",
    "buvid3",
    "buvid",
    "_uuid",
    "uuid",
    "guid",
    "kpn_id",
    "cpn",
    "visitordata",
    "external_id",
];
const EMAIL_NAMES: &[&str] = &["em", "email", "e-mail", "mail", "hashed_email", "sha256_email", "email_sha256", "md5_email", "email_hash", "hem", "ud[em]"];
const PHONE_NAMES: &[&str] = &["ph", "phone", "phone_number", "tel", "mobile", "msisdn", "hashed_phone", "sha256_phone", "ud[ph]"];

/// Names of fields that are about the request, not the person: API keys of
/// the site's own app, URL signatures and expiry stamps of CDNs, versions,
/// timestamps and cache busters. Their values are long random tokens, so the
/// value's shape alone would flag them; they identify no one. Each is cited
/// in docs/grading.md. A value that is an e-mail address or phone number is
/// still flagged, whatever the field is called.
const NOT_PERSONAL_NAMES: &[&str] = &[
    "key",
    "api_key",
    "apikey",
    "access_key",
    "appkey",
    "app_key",
    "rs",
    "sqp",
    "oh",
    "oe",
    "sig",
    "sign",
    "signature",
    "sparams",
    "lsparams",
    "lsig",
    "wssecret",
    "wstime",
    "expire",
    "expires",
    "version",
    "ver",
    "sdk_version",
    "app_version",
    "rule",
    "zone",
    "ts",
    "timestamp",
    "_t",
    "_",
    "cb",
    "cachebuster",
    "cache_buster",
    "rnd",
    "random",
    "nonce",
    "checksum",
    "crc",
    "etag",
    "hash",
    "content_hash",
];
/// Prefixes of field-name families that are signatures or CDN routing, not
/// about the person: Facebook/Instagram CDN parameters (`_nc_ht`, `_nc_ohc`),
/// AWS and Google Cloud signed-URL parameters.
const NOT_PERSONAL_PREFIXES: &[&str] = &["_nc_", "x-amz-", "x-goog-"];

/// Whether a field name is on the documented list of names that are about
/// the request rather than the person.
pub fn not_personal(name: &str) -> bool {
    named(NOT_PERSONAL_NAMES, name)
        || NOT_PERSONAL_PREFIXES.iter().any(|p| name.len() >= p.len() && name.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes()))
}

/// Whether `name` is one of `list` (written in lower case), in any case.
fn named(list: &[&str], name: &str) -> bool {
    list.iter().any(|l| l.eq_ignore_ascii_case(name))
}

fn is_email(v: &str) -> bool {
    let Some((local, domain)) = v.split_once('@') else { return false };
    !local.is_empty()
        && local.len() <= 64
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && local.bytes().all(|b| b.is_ascii_alphanumeric() || b"._%+-".contains(&b))
        && domain.bytes().all(|b| b.is_ascii_alphanumeric() || b".-".contains(&b))
}

fn is_phone(v: &str) -> bool {
    let digits = v.bytes().filter(u8::is_ascii_digit).count();
    (8..=15).contains(&digits) && v.bytes().all(|b| b.is_ascii_digit() || b" +-().".contains(&b))
}

fn is_hex_hash(v: &str) -> bool {
    matches!(v.len(), 32 | 64) && v.bytes().all(|b| b.is_ascii_hexdigit())
}

fn is_uuid(v: &str) -> bool {
    let b = v.as_bytes();
    b.len() == 36 && b.iter().enumerate().all(|(i, c)| if [8, 13, 18, 23].contains(&i) { *c == b'-' } else { c.is_ascii_hexdigit() })
}

/// Bits of Shannon entropy per character.
fn entropy(v: &str) -> f64 {
    let mut counts = [0u32; 256];
    for b in v.bytes() {
        counts[b as usize] += 1;
    }
    let n = v.len() as f64;
    counts.iter().filter(|&&c| c > 0).map(|&c| f64::from(c) / n).map(|p| -p * p.log2()).sum()
}

/// A token that looks machine-made and unique: a UUID, long hex, or a long
/// mixed token from the base64/URL-safe alphabet with high entropy.
fn is_token(v: &str) -> bool {
    if is_uuid(v) {
        return true;
    }
    if v.len() < 16 || v.len() > 512 || !v.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.=+/:".contains(&b)) {
        return false;
    }
    // Page addresses and paths (`dl=`, `url=`, `ref=`) are not identifiers.
    if v.contains("://") || v.starts_with('/') || v.starts_with("www.") {
        return false;
    }
    let digits = v.bytes().filter(u8::is_ascii_digit).count();
    let letters = v.bytes().filter(u8::is_ascii_alphabetic).count();
    let hex = v.bytes().all(|b| b.is_ascii_hexdigit());
    let all_digits = digits == v.len();
    (hex && v.len() >= 16 && letters > 0 && digits > 0) || (all_digits && v.len() >= 16) || (digits > 0 && letters > 0 && entropy(v) >= 3.5)
}

/// An ad publisher's account id (`ca-pub-…`): it names the site, not the person.
fn publisher_id(v: &str) -> bool {
    v.strip_prefix("ca-pub-").is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
}

/// Placeholder values that identify no one, even under an identifier's name.
fn placeholder(v: &str) -> bool {
    v.len() < 2
        || ["null", "undefined", "none", "false", "true", "nan", "-1", "00", "000"].iter().any(|p| p.eq_ignore_ascii_case(v))
        || v.bytes().all(|b| b == b'0')
}

/// Classifies one name/value pair: what it carried and why it was flagged.
pub fn classify_field(name: &str, value: &str) -> Option<(SentKind, SentReason)> {
    let value = value.trim();
    if value.is_empty() || name.is_empty() {
        return None;
    }
    if is_email(value) {
        return Some((SentKind::Email, SentReason::EmailValue));
    }
    if (named(EMAIL_NAMES, name) || named(PHONE_NAMES, name)) && is_hex_hash(value) {
        return Some((SentKind::HashedContact, SentReason::HashedContactName));
    }
    if named(PHONE_NAMES, name) && is_phone(value) || value.starts_with('+') && is_phone(value) && value.len() >= 9 {
        return Some((SentKind::Phone, SentReason::PhoneValue));
    }
    if named(ID_NAMES, name) && !placeholder(value) {
        return Some((SentKind::Identifier, SentReason::IdentifierName));
    }
    if !not_personal(name) && !publisher_id(value) && is_token(value) {
        return Some((SentKind::Identifier, SentReason::TokenValue));
    }
    None
}

fn percent_decode(s: &str) -> String {
    let s = s.replace('+', " ");
    percent_encoding::percent_decode_str(&s).decode_utf8_lossy().into_owned()
}

/// `name=value` pairs joined by `&` (and, in batched beacons such as GA4's, by line breaks).
fn pairs(form: &str) -> impl Iterator<Item = (String, String)> + '_ {
    form.split(['&', '\r', '\n']).filter(|p| !p.is_empty()).map(|p| {
        let (k, v) = p.split_once('=').unwrap_or((p, ""));
        (percent_decode(k), percent_decode(v))
    })
}

fn walk_json(v: &serde_json::Value, key: &str, depth: usize, out: &mut Vec<(String, String)>) {
    if out.len() >= MAX_FIELDS || depth > MAX_DEPTH {
        return;
    }
    match v {
        serde_json::Value::Object(map) => map.iter().for_each(|(k, v)| walk_json(v, k, depth + 1, out)),
        serde_json::Value::Array(items) => items.iter().for_each(|v| walk_json(v, key, depth + 1, out)),
        serde_json::Value::String(s) => out.push((key.to_string(), s.clone())),
        serde_json::Value::Number(n) => out.push((key.to_string(), n.to_string())),
        _ => {}
    }
}

fn cut(s: &str, max: usize) -> &str {
    let mut end = s.len().min(max);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// How a body is read: decided by its declared content type where there is
/// one, else by a sniff that only says "form" or "JSON" when the text is
/// unmistakably that.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BodyFormat {
    /// `application/x-www-form-urlencoded`, or text shaped exactly like it.
    Form,
    /// `application/json`, `*+json`, or text that parses as a JSON object or array.
    Json,
    /// `multipart/form-data` with its boundary.
    Multipart(String),
    /// Text with no fields we read (plain text, XML, a form-like string that is not one).
    Text,
    /// Binary data: declared so, or holding bytes no text has.
    Binary,
}

/// The media type without parameters, lower case.
fn media_type(content_type: &str) -> String {
    content_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase()
}

/// Declared binary formats: protobuf, gRPC, Thrift, octet streams, archives, media.
fn declared_binary(m: &str) -> bool {
    // `application/json+protobuf` (Google's JSPB) is JSON text.
    !m.ends_with("+json")
        && !m.starts_with("application/json")
        && (m.contains("protobuf")
            || m.starts_with("application/grpc")
            || m.contains("thrift")
            || m == "application/octet-stream"
            || m.starts_with("image/")
            || m.starts_with("audio/")
            || m.starts_with("video/")
            || m.starts_with("font/")
            || [
                "application/zip",
                "application/gzip",
                "application/x-gzip",
                "application/zstd",
                "application/x-brotli",
                "application/cbor",
                "application/msgpack",
                "application/x-msgpack",
                "application/vnd.google.protobuf",
                "application/x-bplist",
            ]
            .contains(&m))
}

/// Text that no textual format produces: NUL and other C0 controls (tabs and
/// line breaks aside), or U+FFFD, which is what a lossy decoding of binary
/// bytes leaves behind.
fn looks_binary(text: &str) -> bool {
    text.chars().take(4096).any(|c| c == '\u{FFFD}' || (c.is_control() && !matches!(c, '\t' | '\n' | '\r')))
}

/// A form body: `name=value` pairs joined by `&`, names of URL-safe characters.
fn looks_like_form(text: &str) -> bool {
    text.contains('=')
        && !text.contains([' ', '\t'])
        && text.split(['&', '\r', '\n']).filter(|p| !p.is_empty()).all(|p| {
            let name = p.split_once('=').map_or(p, |(k, _)| k);
            !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b"_-.%[]*+:".contains(&b))
        })
}

/// How a body with this content type (if any) and text is to be read.
pub fn body_format(content_type: Option<&str>, text: &str) -> BodyFormat {
    let declared = content_type.map(media_type).filter(|m| !m.is_empty());
    if declared.as_deref().is_some_and(declared_binary) {
        return BodyFormat::Binary;
    }
    let trimmed = text.trim_start();
    let json_shaped = trimmed.starts_with('{') || trimmed.starts_with('[');
    let parses = || json_values(trimmed).is_some();
    match declared.as_deref() {
        // A beacon sent as a form to avoid a CORS preflight often holds JSON.
        Some("application/x-www-form-urlencoded") if json_shaped && parses() => BodyFormat::Json,
        Some("application/x-www-form-urlencoded") => BodyFormat::Form,
        Some(m)
            if m == "application/json"
                || m.ends_with("+json")
                || m.ends_with("+protobuf") && json_shaped
                || m == "text/json"
                || m == "application/x-ndjson"
                || m == "application/jsonl" =>
        {
            BodyFormat::Json
        }
        Some("multipart/form-data") => match content_type.and_then(boundary) {
            Some(b) => BodyFormat::Multipart(b),
            None => BodyFormat::Text,
        },
        // Beacons are sent as text/plain (no preflight), whatever they hold:
        // sniffed, and binary if they hold bytes no text has.
        Some(m) if m.starts_with("text/plain") => sniff(text, json_shaped),
        Some(_) => BodyFormat::Text,
        None => sniff(text, json_shaped),
    }
}

/// The JSON values of a body: one document, or one per line (NDJSON).
fn json_values(text: &str) -> Option<Vec<serde_json::Value>> {
    let text = text.trim();
    if let Ok(v) = serde_json::from_str::<serde_json::Value>(text) {
        return Some(vec![v]);
    }
    let values: Result<Vec<serde_json::Value>, _> = serde_json::Deserializer::from_str(text).into_iter().collect();
    values.ok().filter(|v| v.len() > 1)
}

fn sniff(text: &str, json_shaped: bool) -> BodyFormat {
    if looks_binary(text) {
        return BodyFormat::Binary;
    }
    let text = text.trim();
    if json_shaped && json_values(text).is_some() {
        BodyFormat::Json
    } else if looks_like_form(text) {
        BodyFormat::Form
    } else {
        BodyFormat::Text
    }
}

/// The `boundary` parameter of a multipart content type.
fn boundary(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim().eq_ignore_ascii_case("boundary").then(|| v.trim().trim_matches('"').to_string()).filter(|b| !b.is_empty() && b.len() <= 200)
    })
}

/// The named text parts of a multipart body (files are skipped).
fn multipart_fields(body: &str, boundary: &str, out: &mut Vec<(String, String)>) {
    let delimiter = format!("--{boundary}");
    for part in body.split(delimiter.as_str()).skip(1) {
        if out.len() >= MAX_FIELDS || part.starts_with("--") {
            break;
        }
        let part = part.trim_start_matches(['\r', '\n']);
        let Some((head, value)) = part.split_once("\r\n\r\n").or_else(|| part.split_once("\n\n")) else { continue };
        let disposition = head.lines().find(|l| l.to_ascii_lowercase().starts_with("content-disposition:")).unwrap_or("");
        if disposition.to_ascii_lowercase().contains("filename") {
            continue;
        }
        let Some(name) = disposition.split(';').find_map(|p| p.trim().strip_prefix("name=")).map(|n| n.trim_matches('"').to_string()) else { continue };
        out.push((name, value.trim_end_matches(['\r', '\n']).to_string()));
    }
}

/// What a request sent: the flagged fields of its URL's query and of its body
/// (read as its content type says), or the binary body's size.
/// `body_bytes`: the body's size on the wire when known, else its text's length.
pub fn detect(url: &str, body: Option<&str>, content_type: Option<&str>, body_bytes: Option<u64>) -> Sent {
    let mut raw: Vec<(String, String)> = Vec::new();
    let mut binary = None;
    if let Some((_, query)) = url.split_once('?') {
        raw.extend(pairs(query.split('#').next().unwrap_or("")).take(MAX_FIELDS));
    }
    if let Some(body) = body.map(|b| cut(b, MAX_BODY)).filter(|b| !b.trim().is_empty()) {
        match body_format(content_type, body) {
            // serde_json's own depth limit keeps hostile nesting from overflowing the stack.
            BodyFormat::Json => {
                for v in json_values(body).unwrap_or_default() {
                    walk_json(&v, "", 0, &mut raw);
                }
            }
            BodyFormat::Form => raw.extend(pairs(body.trim()).take(MAX_FIELDS)),
            BodyFormat::Multipart(b) => multipart_fields(body, &b, &mut raw),
            BodyFormat::Text => {}
            BodyFormat::Binary => {
                binary = Some(BinaryBody {
                    content_type: content_type.map(media_type).filter(|m| !m.is_empty()).map_or_else(|| "unknown".to_string(), |m| visible(cut(&m, MAX_NAME))),
                    bytes: body_bytes.unwrap_or(body.len() as u64),
                })
            }
        }
    }
    if body.is_none() && binary.is_none() {
        // A body whose text the capture did not give as text (a HAR's base64
        // `postData`), declared binary: reported by type and size.
        if let (Some(m), Some(n)) = (content_type.map(media_type).filter(|m| declared_binary(m)), body_bytes.filter(|n| *n > 0)) {
            binary = Some(BinaryBody { content_type: visible(cut(&m, MAX_NAME)), bytes: n });
        }
    }
    let mut fields: Vec<SentField> = raw
        .iter()
        .take(MAX_FIELDS)
        .filter_map(|(name, value)| classify_field(name, value).map(|(kind, reason)| SentField { name: visible(cut(name, MAX_NAME)), kind, reason }))
        .collect();
    // One entry per name, keeping its most sensitive kind (as the report does).
    fields.sort_by(|a, b| a.name.cmp(&b.name).then(b.kind.cmp(&a.kind)).then(a.reason.cmp(&b.reason)));
    fields.dedup_by(|a, b| a.name == b.name);
    Sent { fields, binary }
}

/// A name as it may be shown: control characters and the invisible
/// direction marks and overrides (which can make `di` read as `id`, or hide
/// text) become U+FFFD, visibly.
pub fn visible(name: &str) -> String {
    name.chars().map(|c| if c.is_control() || is_bidi_control(c) { '\u{FFFD}' } else { c }).collect()
}

/// Unicode's bidirectional formatting characters (UAX #9).
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
#[path = "../../tests/unit/observe_sent.rs"]
mod tests;
