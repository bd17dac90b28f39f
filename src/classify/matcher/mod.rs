//! Borderline's own matcher for the filter lists, shaped for observation: it
//! reads the layout the build step compiled (build/matcher.rs, layout.rs) in
//! place, from the bytes it is given, with nothing deserialised; a regular
//! expression is compiled the first time a request reaches its rule.
//!
//! It decides as Brave's `adblock` crate (the reference engine, which parses
//! the rules at build time) decides for a request: `$important` rules first,
//! then the other blocking rules, then, if one matched and it is not
//! important, the exceptions. `tests/unit/matcher.rs` proves the two equal on
//! real and generated requests.

pub mod layout;

use std::borrow::Cow;
use std::cell::RefCell;
use std::ops::Range;

use rustc_hash::FxHashMap;

use layout::*;

/// One request as the matcher reads it: prepared once, tried against every
/// engine.
pub struct Prepared<'a> {
    url: &'a str,
    /// The URL in lower case (borrowed when it has no upper-case letter).
    url_lower: Cow<'a, str>,
    hostname: &'a str,
    /// The keys the indexes are looked up with, in order: hashes of the
    /// page's host and each of its parent domains (`sources` of them), of
    /// every run of whole labels of the request's host (`runs`), then of
    /// the URL's distinct tokens and the catch-all 0.
    keys: Vec<u64>,
    sources: usize,
    runs: usize,
    /// The request type's mask bit (see [`type_mask`]).
    kind: u32,
    third_party: bool,
    http: bool,
    https: bool,
    supported: bool,
    /// `None`: no method known; `Some(0)`: one no rule option names.
    method: Option<u32>,
}

/// A request type's bit, from its name as the filter syntax spells it (the
/// reference engine's names and aliases).
pub fn type_mask(name: &str) -> u32 {
    match name {
        "beacon" | "ping" => FROM_PING,
        "csp_report" => UNMATCHED,
        "document" | "main_frame" => FROM_DOCUMENT,
        "font" => FROM_FONT,
        "image" | "imageset" => FROM_IMAGE,
        "media" => FROM_MEDIA,
        "object" | "object_subrequest" => FROM_OBJECT,
        "script" => FROM_SCRIPT,
        "stylesheet" => FROM_STYLESHEET,
        "sub_frame" | "subdocument" => FROM_SUBDOCUMENT,
        "websocket" => FROM_WEBSOCKET,
        "xhr" | "xmlhttprequest" => FROM_XMLHTTPREQUEST,
        _ => FROM_OTHER,
    }
}

impl<'a> Prepared<'a> {
    /// `url` as requested, its `hostname`, the page's host (empty if none),
    /// the request type's name, whether it is third-party, and the method.
    pub fn new(url: &'a str, hostname: &'a str, source_hostname: &str, type_name: &str, third_party: bool, method: &str) -> Prepared<'a> {
        let scheme = url.find(':').map_or("", |i| &url[..i]);
        let (http, https, supported, kind) = if scheme.is_empty() {
            (false, true, true, type_mask(type_name))
        } else {
            let http = scheme == "http";
            let https = !http && scheme == "https";
            let ws = !http && !https && (scheme == "ws" || scheme == "wss");
            (http, https, http || https || ws, if ws { FROM_WEBSOCKET } else { type_mask(type_name) })
        };
        let mut keys = Vec::with_capacity(48);
        if !source_hostname.is_empty() {
            keys.push(hash(source_hostname));
            for (i, c) in source_hostname.char_indices() {
                if c == '.' && i + 1 < source_hostname.len() {
                    keys.push(hash(&source_hostname[i + 1..]));
                }
            }
        }
        let sources = keys.len();
        let starts = std::iter::once(0).chain(hostname.match_indices('.').map(|(i, _)| i + 1));
        for start in starts {
            let rest = &hostname[start..];
            for (end, _) in rest.match_indices('.') {
                keys.push(token_hash(&rest[..end]));
            }
            keys.push(token_hash(rest));
        }
        let runs = keys.len() - sources;
        let url_lower = if url.bytes().any(|b| b.is_ascii_uppercase()) { Cow::Owned(url.to_ascii_lowercase()) } else { Cow::Borrowed(url) };
        let from = keys.len();
        layout::tokens(&url_lower, false, false, &mut keys);
        keys.push(0);
        // A token the URL repeats is looked up once (the first time).
        let mut kept = from;
        for i in from..keys.len() {
            let t = keys[i];
            if !keys[from..kept].contains(&t) {
                keys[kept] = t;
                kept += 1;
            }
        }
        keys.truncate(kept);
        let method = [("get", FROM_GET), ("head", FROM_HEAD), ("post", FROM_POST)]
            .iter()
            .find(|(name, _)| method.eq_ignore_ascii_case(name))
            .map(|&(_, m)| m)
            .or(if method.is_empty() { None } else { Some(0) });
        Prepared { url, url_lower, hostname, keys, sources, runs, kind, third_party, http, https, supported, method }
    }

    /// Hashes of the page's host and its parent domains (none when the page's
    /// host is not known).
    fn sources(&self) -> &[u64] {
        &self.keys[..self.sources]
    }

    /// Hashes of every run of whole labels of the request's host.
    #[cfg(test)]
    fn label_runs(&self) -> &[u64] {
        &self.keys[self.sources..self.sources + self.runs]
    }

    fn url(&self, match_case: bool) -> &str {
        if match_case {
            self.url
        } else {
            &self.url_lower
        }
    }
}

/// A rule that decided, by its number in the engine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit(pub u32);

/// What one engine says about a request.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Decision {
    /// The blocking rule that matched (`$important` first).
    pub filter: Option<Hit>,
    pub important: bool,
    /// An exception that matched a request some non-important rule flagged.
    pub exception: Option<Hit>,
}

impl Decision {
    /// Flagged: a rule matched and no exception overrides it.
    pub fn flagged(&self) -> bool {
        self.filter.is_some() && (self.important || self.exception.is_none())
    }
}

/// One compiled engine over its bytes.
pub struct Engine {
    bytes: Cow<'static, [u8]>,
    sections: Vec<Range<usize>>,
    /// Compiled regular expressions by rule number (`None`: did not compile).
    regexes: RefCell<FxHashMap<u32, Option<regex::bytes::Regex>>>,
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Engine({} bytes)", self.bytes.len())
    }
}

/// The `n`-th u32 after `base`, or 0 past the end (or beyond what an
/// address can say, in wasm32).
fn nth_word(bytes: &[u8], base: usize, n: usize) -> u32 {
    n.checked_mul(4).and_then(|o| o.checked_add(base)).map_or(0, |at| word(bytes, at))
}

fn word(bytes: &[u8], at: usize) -> u32 {
    at.checked_add(4).and_then(|end| bytes.get(at..end)).map_or(0, |b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

/// The first place `needle` occurs in `hay` (for the short needles and
/// URLs here, a byte search then a compare beats building a searcher).
fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let Some((&first, _)) = needle.split_first() else { return Some(0) };
    let last = hay.len().checked_sub(needle.len())?;
    let mut i = 0;
    while i <= last {
        let at = i + memchr::memchr(first, &hay[i..=last])?;
        if &hay[at..at + needle.len()] == needle {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

/// `hostname` from `||hostname` anchors the rule in the request's host
/// (the reference engine's `is_anchored_by_hostname`).
fn anchored_by_hostname(filter: &[u8], host: &[u8], wildcard: bool) -> bool {
    let (f, h) = (filter.len(), host.len());
    if f == 0 {
        return true;
    }
    if f > h {
        return false;
    }
    if f == h {
        return filter == host;
    }
    let Some(at) = find(host, filter) else { return false };
    let dot_at = |i: usize| host.get(i) == Some(&b'.');
    let (starts_dot, ends_dot) = (filter[0] == b'.', filter[f - 1] == b'.');
    if at == 0 {
        wildcard || ends_dot || dot_at(f)
    } else if at == h - f {
        starts_dot || dot_at(at - 1)
    } else {
        (wildcard || ends_dot || dot_at(at + f)) && (starts_dot || dot_at(at - 1))
    }
}

/// The part of `url` after the first `hostname` in it.
fn after_hostname<'u>(url: &'u [u8], hostname: &[u8]) -> &'u [u8] {
    let at = find(url, hostname).unwrap_or(url.len().saturating_sub(hostname.len()));
    url.get(at + hostname.len()..).unwrap_or(&[])
}

impl Engine {
    /// An engine from its pack (build/matcher.rs). Checks the layout's shape
    /// (constant time); reads never run past the bytes, whatever they hold.
    pub fn from_pack(bytes: Cow<'static, [u8]>) -> Result<Engine, String> {
        let sections = crate::data::pack::sections(&bytes, SECTIONS)?;
        let rules_len = sections[RULES].len();
        if !rules_len.is_multiple_of(RECORD) || !sections[DOMAINS].len().is_multiple_of(8) {
            return Err("filter lists: a section is not whole records".into());
        }
        for s in [HOST_INDEX, TOKEN_INDEX, DOMAIN_INDEX] {
            let r = &sections[s];
            let capacity = word(&bytes, r.start) as usize;
            let slots_end = capacity.checked_mul(SLOT_WORDS * 4).and_then(|n| n.checked_add(4));
            if slots_end.is_none_or(|end| r.len() < end) {
                return Err("filter lists: an index is truncated".into());
            }
        }
        Ok(Engine { bytes, sections, regexes: RefCell::new(FxHashMap::default()) })
    }

    fn section(&self, i: usize) -> &[u8] {
        &self.bytes[self.sections[i].clone()]
    }

    fn record(&self, rule: u32) -> Record {
        let at = (rule as usize).checked_mul(RECORD);
        Record::decode(at.and_then(|at| self.section(RULES).get(at..)).unwrap_or(&[]))
    }

    /// A string of a rule's, at `at` from the start of its text.
    fn bytes(&self, r: &Record, at: u16, len: u16) -> Option<&[u8]> {
        if len == NONE {
            return None;
        }
        let from = (r.rule_at as usize).checked_add(at as usize)?;
        self.section(STRINGS).get(from..from.checked_add(len as usize)?)
    }

    /// The rule as written, its list's index in the engine and its 0-based
    /// line in the list file.
    pub fn rule(&self, hit: Hit) -> (&str, usize, u32) {
        let r = self.record(hit.0);
        let text = self.bytes(&r, 0, r.rule_len).and_then(|b| std::str::from_utf8(b).ok()).unwrap_or("");
        (text, r.list as usize, r.line)
    }

    /// The rules an index holds under `key` (layout.rs [`SLOT_WORDS`]; a
    /// damaged index gives wrong rules, which are checked in full anyway,
    /// never a read out of bounds).
    fn lookup(&self, section: usize, key: u32) -> impl Iterator<Item = u32> + '_ {
        let s = self.section(section);
        let capacity = word(s, 0) as usize;
        let lists = 4 + capacity * SLOT_WORDS * 4;
        let (mut single, mut range) = (None, 0..0);
        if capacity > 0 {
            let mut i = slot(key, capacity);
            for _ in 0..capacity {
                let at = 4 + i * SLOT_WORDS * 4;
                let value = word(s, at + 4);
                if value == 0 {
                    break;
                }
                if word(s, at) == key {
                    if value & SINGLE != 0 {
                        single = Some(value & !SINGLE);
                    } else {
                        let first = value as usize;
                        let count = nth_word(s, lists, first - 1) as usize;
                        range = first..first + count.min(s.len() / 4);
                    }
                    break;
                }
                i = next_slot(i, capacity);
            }
        }
        single.into_iter().chain(range.map(move |i| nth_word(s, lists, i)))
    }

    /// Offers `visit` every index entry the request's keys find, in order:
    /// by the page's `$domain=`, by the host's label runs, by the URL's
    /// tokens; stops when `visit` says so.
    fn scan(&self, r: &Prepared, mut visit: impl FnMut(u32, u32) -> bool) {
        let (runs_from, tokens_from) = (r.sources, r.sources + r.runs);
        for (i, &k) in r.keys.iter().enumerate() {
            let index = if i < runs_from {
                DOMAIN_INDEX
            } else if i < tokens_from {
                HOST_INDEX
            } else {
                TOKEN_INDEX
            };
            for entry in self.lookup(index, key(k)) {
                if visit(entry & ((1 << RULE_BITS) - 1), entry >> RULE_BITS) {
                    return;
                }
            }
        }
    }

    /// What the engine says about a request: a `$important` rule that
    /// matches, else the first blocking rule found; and then, if a blocking
    /// rule matched, an exception. With `host_only`, only rules about a whole
    /// host are tried.
    pub fn decide(&self, r: &Prepared, host_only: bool) -> Decision {
        if !r.supported {
            return Decision::default();
        }
        let tries = |rule: u32| {
            let record = self.record(rule);
            (!host_only || record.flags & FLAG_HOST_RULE != 0) && self.matches(rule, &record, r)
        };
        let (mut important, mut blocking) = (None, None);
        self.scan(r, |rule, group| {
            if group == IMPORTANT && tries(rule) {
                important = Some(Hit(rule));
                return true;
            }
            if group == BLOCKING && blocking.is_none() && tries(rule) {
                blocking = Some(Hit(rule));
            }
            false
        });
        if important.is_some() {
            return Decision { filter: important, important: true, exception: None };
        }
        let mut exception = None;
        if blocking.is_some() {
            self.scan(r, |rule, group| {
                if group == EXCEPTION && tries(rule) {
                    exception = Some(Hit(rule));
                }
                exception.is_some()
            });
        }
        Decision { filter: blocking, important: false, exception }
    }

    /// Whether one rule matches the request (the reference engine's
    /// `check_options`, `$domain=` checks and `check_pattern`).
    fn matches(&self, rule: u32, record: &Record, r: &Prepared) -> bool {
        let mask = record.mask;
        // Type, party, scheme and method.
        let type_ok = if r.kind == FROM_DOCUMENT { mask & FROM_DOCUMENT != 0 || mask & IS_EXCEPTION != 0 } else { mask & r.kind == r.kind };
        if !type_ok
            || (mask & FIRST_PARTY == 0 && !r.third_party)
            || (mask & THIRD_PARTY == 0 && r.third_party)
            || (r.https && mask & FROM_HTTPS == 0)
            || (r.http && mask & FROM_HTTP == 0)
        {
            return false;
        }
        if mask & FROM_ANY_METHODS != 0 {
            match r.method {
                Some(m) if m != 0 && mask & m == m => {}
                _ => return false,
            }
        }
        // `$domain=`: the page's host or a parent must be included, and none excluded.
        let (included, excluded) = (record.included as usize, record.excluded as usize);
        if included + excluded > 0 {
            let at = record.domains_at as usize;
            let d = self.section(DOMAINS);
            let hash_at = |i: usize| {
                let from = at.checked_add(i).and_then(|n| n.checked_mul(8));
                from.and_then(|f| d.get(f..f.checked_add(8)?)).map_or(0, |b| u64::from_le_bytes(b.try_into().unwrap()))
            };
            let contains = |from: usize, n: usize, h: u64| {
                let (mut lo, mut hi) = (from, from + n);
                while lo < hi {
                    let mid = (lo + hi) / 2;
                    match hash_at(mid).cmp(&h) {
                        std::cmp::Ordering::Less => lo = mid + 1,
                        std::cmp::Ordering::Greater => hi = mid,
                        std::cmp::Ordering::Equal => return true,
                    }
                }
                false
            };
            // Without a page host, an included domain cannot be met, and an
            // excluded one excludes nothing (the reference engine's rule).
            if included > 0 && !r.sources().iter().any(|&h| contains(0, included, h)) {
                return false;
            }
            if excluded > 0 && r.sources().iter().any(|&h| contains(included, excluded, h)) {
                return false;
            }
        }
        self.pattern_matches(rule, record, r)
    }

    fn pattern_matches(&self, rule: u32, record: &Record, r: &Prepared) -> bool {
        let mask = record.mask;
        let pattern = self.bytes(record, record.pattern_at, record.pattern_len);
        let url = r.url(mask & MATCH_CASE != 0).as_bytes();
        let regex = mask & (IS_REGEX | IS_COMPLETE_REGEX) != 0;
        if mask & IS_HOSTNAME_ANCHOR != 0 {
            let Some(hostname) = self.bytes(record, record.host_at, record.host_len) else { return false };
            let host = r.hostname.as_bytes();
            if !anchored_by_hostname(hostname, host, mask & IS_HOSTNAME_REGEX != 0) {
                return false;
            }
            let (left, right) = (mask & IS_LEFT_ANCHOR != 0, mask & IS_RIGHT_ANCHOR != 0);
            if mask & IS_REGEX != 0 {
                let from = find(url, hostname).unwrap_or(0) + hostname.len();
                return self.regex_matches(rule, record, pattern, url.get(from..).unwrap_or(&[]));
            }
            let Some(p) = pattern else {
                if right && !left {
                    // `||host^|`-like: the hostname must end the request's host.
                    let h = host.strip_suffix(b".").unwrap_or(host);
                    let f = hostname.strip_suffix(b".").unwrap_or(hostname);
                    return h.len() == f.len() || h.ends_with(f);
                }
                return true;
            };
            return match (left, right) {
                (true, true) => after_hostname(url, hostname) == p,
                (false, true) => url.ends_with(p),
                (true, false) => after_hostname(url, hostname).starts_with(p),
                (false, false) => find(after_hostname(url, hostname), p).is_some(),
            };
        }
        if regex {
            return self.regex_matches(rule, record, pattern, url);
        }
        let Some(p) = pattern else { return true };
        match (mask & IS_LEFT_ANCHOR != 0, mask & IS_RIGHT_ANCHOR != 0) {
            (true, true) => url == p,
            (true, false) => url.starts_with(p),
            (false, true) => url.ends_with(p),
            (false, false) => find(url, p).is_some(),
        }
    }

    /// A rule's wildcard pattern, or its regular expression (compiled on
    /// first use), against `text`.
    fn regex_matches(&self, rule: u32, record: &Record, source: Option<&[u8]>, text: &[u8]) -> bool {
        let Some(source) = source else { return true };
        let (mask, flags) = (record.mask, record.flags);
        if flags & FLAG_GLOB != 0 {
            return glob_matches(source, text, mask & IS_LEFT_ANCHOR != 0, mask & IS_RIGHT_ANCHOR != 0);
        }
        if flags & FLAG_BAD_REGEX != 0 {
            return false;
        }
        if flags & FLAG_REQUIRED != 0 {
            let literal = self.bytes(record, record.host_at, record.host_len).unwrap_or(&[]);
            if find(text, literal).is_none() {
                return false;
            }
        }
        let mut cache = self.regexes.borrow_mut();
        let re = cache.entry(rule).or_insert_with(|| {
            let source = std::str::from_utf8(source).ok()?;
            regex::bytes::RegexBuilder::new(source).unicode(false).build().ok()
        });
        re.as_ref().is_some_and(|re| re.is_match(text))
    }
}

#[cfg(test)]
#[path = "../../../tests/unit/matcher.rs"]
mod tests;
