//! HAR 1.2 reader: Chrome, Firefox and Safari devtools exports and
//! mitmproxy/Charles captures. A broken file is one clear error; a broken entry
//! is skipped and counted, never fatal.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::net::IpAddr;

use serde::Deserialize;
use serde_json::value::RawValue;

use super::{Request, ResourceType};

/// Requests read from a HAR file, and what could not be read.
#[derive(Debug, Default)]
pub struct HarCapture {
    pub requests: Vec<Request>,
    /// Entries that were present but unusable (wrong types, bad URL, ...).
    pub skipped: u64,
    /// The first few reasons for skipping, for the user.
    pub skip_reasons: Vec<String>,
    /// `log.creator.name` and version, e.g. "WebInspector 537.36".
    pub creator: String,
    /// SHA-256 of the document as read (lower-case hex), and its size: who
    /// reruns a report can check they have the same capture.
    pub sha256: String,
    pub bytes: u64,
    /// Set when the capture is of an app or a device, not of a website: the
    /// capture says so (`log._tweasel`), or it has no pages, no top-level
    /// document and no request with a Referer (mitmproxy or PCAPdroid
    /// recording a phone's apps).
    pub subject: Option<AppCapture>,
}

/// What an app capture says about its subject.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AppCapture {
    /// The app's id (Android package, iOS bundle id) when the capture names one.
    pub app_id: Option<String>,
    /// The app's name, or the device (platform and OS version), when given.
    pub label: Option<String>,
    /// How the subject was told, in words.
    pub basis: String,
}

/// Why a whole file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HarError {
    /// Not JSON at all.
    NotJson(String),
    /// JSON that stops before the end.
    Truncated(String),
    /// Valid JSON, but not the HAR shape.
    NotHar(String),
}

impl fmt::Display for HarError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HarError::NotJson(m) => write!(f, "not a HAR file: the content is not JSON ({m})"),
            HarError::Truncated(m) => write!(f, "truncated HAR file: the JSON ends early ({m})"),
            HarError::NotHar(m) => write!(f, "not a HAR file: {m}"),
        }
    }
}

impl std::error::Error for HarError {}

fn classify_error(e: serde_json::Error) -> HarError {
    use serde_json::error::Category;
    match e.classify() {
        Category::Eof => HarError::Truncated(e.to_string()),
        Category::Syntax | Category::Io => HarError::NotJson(e.to_string()),
        Category::Data => HarError::NotHar(e.to_string()),
    }
}

#[derive(Deserialize)]
struct Har<'a> {
    #[serde(borrow)]
    log: Log<'a>,
}

#[derive(Deserialize)]
struct Log<'a> {
    #[serde(default)]
    creator: Option<Creator>,
    /// tweasel's metadata (cyanoacrylate, its browser add-on): the apps and device recorded.
    #[serde(default, rename = "_tweasel")]
    tweasel: Option<serde_json::Value>,
    #[serde(default)]
    pages: Vec<Page>,
    #[serde(borrow)]
    entries: Vec<&'a RawValue>,
}

#[derive(Deserialize)]
struct Creator {
    #[serde(default)]
    name: String,
    #[serde(default)]
    version: String,
}

#[derive(Deserialize)]
struct Page {
    #[serde(default)]
    id: String,
    #[serde(default)]
    title: String,
}

#[derive(Deserialize)]
struct Entry<'a> {
    #[serde(default, rename = "startedDateTime", borrow)]
    started: Cow<'a, str>,
    #[serde(default, borrow)]
    pageref: Option<Cow<'a, str>>,
    #[serde(borrow)]
    request: HarRequest<'a>,
    #[serde(default, borrow)]
    response: Option<HarResponse<'a>>,
    #[serde(default, rename = "serverIPAddress", borrow)]
    server_ip: Option<Cow<'a, str>>,
    #[serde(default, rename = "_resourceType", borrow)]
    resource_type: Option<Cow<'a, str>>,
    #[serde(default, rename = "_transferSize")]
    transfer_size: Option<f64>,
    /// Chrome: what started the request (`type` "parser" or "script" for a frame the page made).
    #[serde(default, rename = "_initiator", borrow)]
    initiator: Option<Initiator<'a>>,
}

#[derive(Deserialize)]
struct Initiator<'a> {
    #[serde(default, rename = "type", borrow)]
    kind: Cow<'a, str>,
}

#[derive(Deserialize)]
struct HarRequest<'a> {
    #[serde(default, borrow)]
    method: Cow<'a, str>,
    #[serde(borrow)]
    url: Cow<'a, str>,
    #[serde(default, borrow)]
    headers: Vec<Header<'a>>,
    #[serde(default, rename = "headersSize")]
    headers_size: Option<f64>,
    #[serde(default, rename = "bodySize")]
    body_size: Option<f64>,
    #[serde(default, rename = "postData", borrow)]
    post_data: Option<PostData<'a>>,
}

#[derive(Deserialize)]
struct HarResponse<'a> {
    #[serde(default)]
    status: Option<f64>,
    #[serde(default, borrow)]
    headers: Vec<Header<'a>>,
    #[serde(default, rename = "headersSize")]
    headers_size: Option<f64>,
    #[serde(default, rename = "bodySize")]
    body_size: Option<f64>,
    #[serde(default, borrow)]
    content: Option<Content<'a>>,
    #[serde(default, rename = "redirectURL", borrow)]
    redirect_url: Cow<'a, str>,
}

#[derive(Deserialize)]
struct Header<'a> {
    #[serde(borrow)]
    name: Cow<'a, str>,
    #[serde(default, borrow)]
    value: Cow<'a, str>,
}

#[derive(Deserialize)]
struct PostData<'a> {
    #[serde(default, borrow)]
    text: Option<Cow<'a, str>>,
    #[serde(default, rename = "mimeType", borrow)]
    mime_type: Option<Cow<'a, str>>,
    /// "base64" when `text` holds the body base64-encoded (binary bodies).
    #[serde(default, borrow)]
    encoding: Option<Cow<'a, str>>,
}

#[derive(Deserialize)]
struct Content<'a> {
    #[serde(default)]
    size: Option<f64>,
    #[serde(default, rename = "mimeType", borrow)]
    mime_type: Option<Cow<'a, str>>,
}

/// How many skip reasons are kept verbatim.
const MAX_REASONS: usize = 5;

/// Reads a whole HAR document. `progress` is called with (entries done, total).
pub fn read_har(text: &str, mut progress: impl FnMut(usize, usize)) -> Result<HarCapture, HarError> {
    let har: Har = serde_json::from_str(text).map_err(classify_error)?;
    let log = har.log;
    let mut capture = HarCapture {
        creator: log.creator.map(|c| format!("{} {}", c.name, c.version).trim().to_string()).unwrap_or_default(),
        sha256: sha256_hex(text.as_bytes()),
        bytes: text.len() as u64,
        ..HarCapture::default()
    };
    let total = log.entries.len();
    // First pass over pages: a page's site is its title when that is a URL
    // (Chrome), else the URL of its first document entry (Firefox, Safari).
    let mut pages: Pages =
        Pages { site: log.pages.iter().map(|p| (p.id.clone(), is_web_url(&p.title).then(|| p.title.clone()))).collect(), top: HashMap::new(), current: None };
    capture.requests.reserve(total);
    // Whether anything in the capture belongs to a web page (a top-level document, a Referer).
    let mut page_like = false;
    for (i, raw) in log.entries.iter().enumerate() {
        if i % 4096 == 0 {
            progress(i, total);
        }
        let entry: Entry = match serde_json::from_str(raw.get()) {
            Ok(e) => e,
            Err(e) => {
                skip(&mut capture, i, &e.to_string());
                continue;
            }
        };
        match to_request(&entry, &mut pages) {
            Ok(r) => {
                page_like |= r.resource_type == ResourceType::Document;
                page_like |= entry.request.headers.iter().any(|h| h.name.eq_ignore_ascii_case("referer"));
                capture.requests.push(r);
            }
            Err(reason) => skip(&mut capture, i, reason),
        }
    }
    capture.subject = match &log.tweasel {
        Some(meta) => Some(tweasel_subject(meta)),
        None if log.pages.is_empty() && !page_like && !capture.requests.is_empty() => Some(AppCapture {
            app_id: None,
            label: None,
            basis: format!(
                "{} has no pages, no top-level document and no Referer: a capture of a device's apps, which does not say which app",
                if capture.creator.is_empty() { "the capture".to_string() } else { format!("the capture ({})", capture.creator) }
            ),
        }),
        None => None,
    };
    progress(total, total);
    Ok(capture)
}

/// The subject tweasel's metadata names: `apps[0]` (id and name; format 2)
/// or `options.apps[0]` (format 1), and the device's platform and OS.
fn tweasel_subject(meta: &serde_json::Value) -> AppCapture {
    let text = |v: &serde_json::Value| v.as_str().map(|s| s.chars().filter(|c| !c.is_control()).take(200).collect::<String>()).filter(|s| !s.is_empty());
    let apps = meta.get("apps").and_then(|a| a.as_array());
    let first = apps.and_then(|a| a.first());
    let app_id = first.and_then(|a| a.get("id")).and_then(text).or_else(|| meta.pointer("/options/apps/0").and_then(text));
    let several = apps.is_some_and(|a| a.len() > 1) || meta.pointer("/options/apps").and_then(|a| a.as_array()).is_some_and(|a| a.len() > 1);
    let device = match (meta.pointer("/device/platform").and_then(text), meta.pointer("/device/osVersion").and_then(text)) {
        (Some(p), Some(v)) => Some(format!("{p} {v}")),
        (Some(p), None) => Some(p),
        _ => None,
    };
    if several {
        // Which app made each request is not said: the device is the subject.
        let ids: Vec<String> = apps
            .map(|a| a.iter().filter_map(|x| x.get("id").and_then(text)).collect())
            .or_else(|| meta.pointer("/options/apps").and_then(|a| a.as_array()).map(|a| a.iter().filter_map(text).collect()))
            .unwrap_or_default();
        let basis = format!("the capture's tweasel metadata names several apps ({}) without saying which made each request: a device capture", ids.join(", "));
        return AppCapture { app_id: None, label: device, basis };
    }
    let basis = match &app_id {
        Some(_) => "the capture's tweasel metadata (log._tweasel) names the app".to_string(),
        None => "the capture's tweasel metadata names no app: a device capture".to_string(),
    };
    let label = first.and_then(|a| a.get("name")).and_then(text).or(device);
    AppCapture { app_id, label, basis }
}

/// SHA-256 as lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

fn skip(capture: &mut HarCapture, index: usize, reason: &str) {
    capture.skipped += 1;
    if capture.skip_reasons.len() < MAX_REASONS {
        let reason: String = reason.chars().take(200).collect();
        capture.skip_reasons.push(format!("entry {index}: {reason}"));
    }
}

fn is_web_url(s: &str) -> bool {
    let lower = s.get(..8).unwrap_or(s).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// What the reader knows of each page so far.
struct Pages {
    /// Page id → the URL that decides its Site (Chrome: the title; else its top-level document).
    site: HashMap<String, Option<String>>,
    /// Page id ("" without pages) → its top-level document so far: URL and where it redirected.
    top: HashMap<String, (String, String)>,
    /// Without pages: the top-level document of the visit in progress.
    current: Option<String>,
}

/// The destination a browser declares in `Sec-Fetch-Dest`, in filter-list vocabulary.
fn fetch_dest(dest: &str) -> Option<ResourceType> {
    Some(match dest.trim().to_ascii_lowercase().as_str() {
        "document" => ResourceType::Document,
        "iframe" | "frame" | "fencedframe" => ResourceType::Subdocument,
        "empty" => ResourceType::Xmlhttprequest,
        "script" | "worker" | "sharedworker" | "serviceworker" | "audioworklet" | "paintworklet" => ResourceType::Script,
        "style" => ResourceType::Stylesheet,
        "image" => ResourceType::Image,
        "font" => ResourceType::Font,
        "audio" | "video" | "track" => ResourceType::Media,
        "report" => ResourceType::Ping,
        "object" | "embed" => ResourceType::Other,
        _ => return None,
    })
}

/// The type of an entry. A `document` (Chrome's `_resourceType` says so for
/// every frame, and Firefox's HTML guessed from the MIME type) is the page's
/// own top-level navigation only if nothing says otherwise; in order:
/// 1. the browser's own `Sec-Fetch-Dest` request header (`iframe` is a frame);
/// 2. Chrome's `_initiator`: a document the page's parser or a script started is a frame;
/// 3. its place in the page: the page's first document, a document at the page's
///    own URL, or the target of the top-level document's redirect is the
///    top-level one; any other document of the same page is a frame.
///
/// A frame is a `subdocument`, as filter lists call it, so their rules apply to it.
fn resource_type(e: &Entry, url: &str, mime: &str, pages: &mut Pages) -> ResourceType {
    let dest = || e.request.headers.iter().find(|h| h.name.eq_ignore_ascii_case("sec-fetch-dest")).and_then(|h| fetch_dest(&h.value));
    let declared = match e.resource_type.as_deref() {
        Some(t) if !t.is_empty() => ResourceType::from_name(t),
        // No type from the browser (Firefox, Safari, proxies): its own
        // `Sec-Fetch-Dest` says more than the response's MIME type.
        _ => dest().unwrap_or_else(|| ResourceType::from_mime(mime)),
    };
    if declared != ResourceType::Document {
        return declared;
    }
    let page = e.pageref.as_deref().filter(|p| pages.site.contains_key(*p)).unwrap_or("");
    let has_top = pages.top.contains_key(page);
    let kind = match dest() {
        Some(d) => d,
        // A document the page's parser or a script started, once the page has its top-level one.
        None if has_top && e.initiator.as_ref().is_some_and(|i| i.kind == "parser" || i.kind == "script") => ResourceType::Subdocument,
        None => {
            let page_url = pages.site.get(page).cloned().flatten();
            let top = match pages.top.get(page) {
                None => true,
                Some((_, redirect)) => !redirect.is_empty() && redirect == url,
            };
            // Without pages, every top-level navigation starts a visit: a
            // document is a frame there only when the browser said so (above).
            if top || page.is_empty() || page_url.as_deref() == Some(url) {
                ResourceType::Document
            } else {
                ResourceType::Subdocument
            }
        }
    };
    if kind == ResourceType::Document {
        let redirect = e.response.as_ref().map(|r| absolute(url, &r.redirect_url)).unwrap_or_default();
        pages.top.insert(page.to_string(), (url.to_string(), redirect));
    }
    kind
}

/// A redirect target as a full URL (HAR's `redirectURL` may be relative).
fn absolute(base: &str, target: &str) -> String {
    let target = target.trim();
    if target.is_empty() || is_web_url(target) {
        return target.to_string();
    }
    let scheme_end = base.find("://").map_or(0, |i| i + 3);
    let rest = &base[scheme_end..];
    let origin_end = scheme_end + rest.find(['/', '?', '#']).unwrap_or(rest.len());
    if let Some(host_and_path) = target.strip_prefix("//") {
        return format!("{}//{host_and_path}", &base[..scheme_end.saturating_sub(2)]);
    }
    if target.starts_with('/') {
        return format!("{}{target}", &base[..origin_end]);
    }
    // Relative to the base's directory (its path up to the last `/`).
    let path_end = origin_end + base[origin_end..].find(['?', '#']).unwrap_or(base.len() - origin_end);
    let dir_end = base[origin_end..path_end].rfind('/').map_or(origin_end, |i| origin_end + i);
    format!("{}/{}", &base[..dir_end], target.trim_start_matches("./"))
}

fn to_request(e: &Entry, pages: &mut Pages) -> Result<Request, &'static str> {
    let url = e.request.url.trim();
    if !is_web_url(url) {
        return Err("not an http(s) URL");
    }
    let response = e.response.as_ref();
    let mime = response.and_then(|r| r.content.as_ref()).and_then(|c| c.mime_type.as_deref()).unwrap_or("");
    let resource_type = resource_type(e, url, mime, pages);
    let site_url = site_for(e, url, resource_type, pages);
    let status = response.and_then(|r| r.status).filter(|s| (1.0..1000.0).contains(s)).map(|s| s as u16);
    let ip = e.server_ip.as_deref().and_then(parse_ip);
    let post = e.request.post_data.as_ref();
    let base64 = post.and_then(|p| p.encoding.as_deref()).is_some_and(|enc| enc.eq_ignore_ascii_case("base64"));
    let header_type = e.request.headers.iter().find(|h| h.name.eq_ignore_ascii_case("content-type")).map(|h| h.value.to_string());
    let body_type = post.and_then(|p| p.mime_type.as_deref()).map(str::trim).filter(|m| !m.is_empty()).map(str::to_string).or(header_type);
    Ok(Request {
        url: url.to_string(),
        site_url,
        initiator: None,
        resource_type,
        method: if e.request.method.is_empty() { "GET".into() } else { e.request.method.to_ascii_uppercase() },
        status,
        ip,
        bytes_sent: bytes_sent(&e.request),
        bytes_received: bytes_received(e),
        cookies_set: response
            .map(|r| r.headers.iter().filter(|h| h.name.eq_ignore_ascii_case("set-cookie")).map(|h| h.value.lines().count().max(1) as u32).sum())
            .unwrap_or(0),
        time_ms: parse_time_ms(&e.started).unwrap_or(0),
        // A base64 body is binary by the capture's own word: its text is not
        // kept; its declared type and size say what it was.
        body: post.and_then(|p| p.text.as_deref()).filter(|t| !t.is_empty() && !base64).map(|t| {
            let mut end = t.len().min(super::sent::MAX_BODY);
            while !t.is_char_boundary(end) {
                end -= 1;
            }
            t[..end].to_string()
        }),
        body_type,
        // A base64 body is binary by the capture's own word: counted by its
        // declared type and size; the URL's query is still read for fields.
        sent: base64.then(|| {
            let mut sent = super::sent::detect(url, None, None, None);
            let bytes =
                known(e.request.body_size).filter(|n| *n > 0).or_else(|| post.and_then(|p| p.text.as_ref()).map(|t| (t.len() as u64 / 4) * 3)).unwrap_or(0);
            let content_type =
                post.and_then(|p| p.mime_type.as_deref()).map(|m| m.split(';').next().unwrap_or("").trim().to_ascii_lowercase()).filter(|m| !m.is_empty());
            sent.binary = Some(super::BinaryBody {
                content_type: super::sent::visible(&content_type.unwrap_or_else(|| "unknown".into()).chars().take(64).collect::<String>()),
                bytes,
            });
            sent
        }),
        body_size: known(e.request.body_size)
            .filter(|n| *n > 0)
            .or_else(|| post.and_then(|p| p.text.as_ref()).map(|t| if base64 { (t.len() as u64 / 4) * 3 } else { t.len() as u64 })),
        connection: None,
    })
}

/// Which top-level page an entry belongs to.
fn site_for(e: &Entry, url: &str, kind: ResourceType, pages: &mut Pages) -> String {
    if let Some(pageref) = e.pageref.as_deref() {
        if let Some(page) = pages.site.get_mut(pageref) {
            if page.is_none() && (kind == ResourceType::Document || kind == ResourceType::Other) {
                *page = Some(url.to_string());
            }
            if let Some(site) = page {
                return site.clone();
            }
        }
    }
    // No pages (mitmproxy, Charles): a top-level document starts a visit;
    // otherwise the Referer, then the visit in progress.
    if kind == ResourceType::Document {
        pages.current = Some(url.to_string());
        return url.to_string();
    }
    let referer = e.request.headers.iter().find(|h| h.name.eq_ignore_ascii_case("referer")).map(|h| h.value.as_ref());
    match (pages.current.as_ref(), referer) {
        (Some(c), _) => c.clone(),
        (None, Some(r)) if is_web_url(r) => r.to_string(),
        _ => url.to_string(),
    }
}

fn known(v: Option<f64>) -> Option<u64> {
    v.filter(|v| v.is_finite() && *v >= 0.0).map(|v| v.min(1e15) as u64)
}

fn bytes_sent(r: &HarRequest) -> u64 {
    let headers = known(r.headers_size).unwrap_or_else(|| {
        // Estimate like HTTP/1.1 would put them on the wire: request line + "name: value\r\n".
        (r.method.len() + r.url.len() + 12 + r.headers.iter().map(|h| h.name.len() + h.value.len() + 4).sum::<usize>()) as u64
    });
    let body = known(r.body_size).unwrap_or_else(|| r.post_data.as_ref().and_then(|p| p.text.as_ref()).map_or(0, |t| t.len() as u64));
    headers + body
}

fn bytes_received(e: &Entry) -> u64 {
    if let Some(t) = known(e.transfer_size) {
        return t;
    }
    let Some(r) = &e.response else { return 0 };
    let headers = known(r.headers_size).unwrap_or(0);
    let body = known(r.body_size).or_else(|| known(r.content.as_ref().and_then(|c| c.size))).unwrap_or(0);
    headers + body
}

/// HAR `serverIPAddress`: plain or bracketed IPv6 ("[2001:db8::1]"), maybe with a port.
fn parse_ip(s: &str) -> Option<IpAddr> {
    let s = s.trim();
    if let Ok(ip) = s.parse() {
        return Some(ip);
    }
    let inner = s.strip_prefix('[').and_then(|r| r.split(']').next());
    if let Some(ip) = inner.and_then(|i| i.parse().ok()) {
        return Some(ip);
    }
    s.rsplit_once(':').and_then(|(h, _)| h.parse().ok())
}

/// ISO 8601 / RFC 3339 time to milliseconds since the epoch.
fn parse_time_ms(s: &str) -> Option<u64> {
    let t = time::OffsetDateTime::parse(s.trim(), &time::format_description::well_known::Rfc3339).ok()?;
    u64::try_from(t.unix_timestamp_nanos() / 1_000_000).ok()
}

#[cfg(test)]
#[path = "../../tests/unit/observe_har.rs"]
mod tests;
