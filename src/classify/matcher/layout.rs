//! The matcher's flat layout and what the build step and the core must agree
//! on: the tokeniser, the hash, and where each field of a rule record lies.
//! The build step (build/matcher.rs) includes this file to write what
//! `super` reads in place.
//!
//! An engine is a data pack (src/data/pack.rs) of [`SECTIONS`] sections:
//!
//! - `RULES`: one [`Record`] of [`RECORD`] bytes per rule;
//! - `STRINGS`: the hostnames, patterns (or, for regular-expression rules,
//!   the regular expression's source) and the rules as written, as UTF-8;
//! - `DOMAINS`: the `$domain=` hashes (u64 LE), each rule's included then its
//!   excluded ones, each run sorted;
//! - three indexes: by the rule's `||hostname`, by a token of its pattern
//!   or hostname, and by a `$domain=` (see [`HOST_INDEX`] and
//!   [`SLOT_WORDS`]); each entry is a rule's number and its group.

/// Number of sections in an engine.
pub const SECTIONS: usize = 6;
pub const RULES: usize = 0;
pub const STRINGS: usize = 1;
pub const DOMAINS: usize = 2;
/// The index by hostname (a `||hostname` rule, looked up with each run of
/// the request host's labels), by token (looked up with the URL's tokens)
/// and by `$domain=` (looked up with the page host's suffixes).
pub const HOST_INDEX: usize = 3;
pub const TOKEN_INDEX: usize = 4;
pub const DOMAIN_INDEX: usize = 5;

/// The groups a request is tried against, each index entry naming its
/// rule's in the bits above [`RULE_BITS`]: `$important` rules, the other
/// blocking rules, exceptions.
pub const IMPORTANT: u32 = 0;
pub const BLOCKING: u32 = 1;
pub const EXCEPTION: u32 = 2;
pub const RULE_BITS: u32 = 29;

/// An index is a hash table: `capacity` (any, 0 for none), then
/// `capacity` slots of two u32, key and value, found by [`slot`] and linear
/// probing (from the last slot on to the first); then the lists of rules under keys that have several. A value
/// of 0 is an empty slot; [`SINGLE`] set, the one entry; otherwise
/// one more than where the key's list starts (its length, then the
/// entries, u32 each, counted from the end of the slots).
pub const SLOT_WORDS: usize = 2;
pub const SINGLE: u32 = 1 << 31;

/// The first slot to probe for `key` in a table of `capacity` slots: the
/// key's hash scaled to the table (its high bits, multiplied out), so the
/// table's size need not be a power of two.
pub fn slot(key: u32, capacity: usize) -> usize {
    ((u64::from(key.wrapping_mul(0x9E37_79B1)) * capacity as u64) >> 32) as usize
}

/// The slot probed after `i` in a table of `capacity` slots.
pub fn next_slot(i: usize, capacity: usize) -> usize {
    if i + 1 >= capacity {
        0
    } else {
        i + 1
    }
}

/// Bytes per rule record ([`Record`]).
pub const RECORD: usize = 32;

/// A length meaning "none": no hostname, or no pattern (which matches
/// every URL: an empty pattern, or a regular expression that matches all).
pub const NONE: u16 = u16::MAX;

/// One rule as the matcher reads it. Its text (`STRINGS`, at `rule_at`) is
/// followed by its hostname and pattern where they are not inside it, so
/// both are found relative to the rule's text.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Record {
    /// The filter syntax's option and pattern-kind bits, as Brave's `adblock`
    /// crate parses them (its `NetworkFilterMask`: the same bit for the same
    /// meaning, so the reference engine's parse is taken over unchanged).
    pub mask: u32,
    /// 0-based line in the list file.
    pub line: u32,
    pub rule_at: u32,
    /// The first `$domain=` hash (an index into `DOMAINS`): `included`
    /// hashes, then `excluded` ones.
    pub domains_at: u32,
    pub rule_len: u16,
    pub host_at: u16,
    pub host_len: u16,
    pub pattern_at: u16,
    pub pattern_len: u16,
    /// [`FLAG_HOST_RULE`], [`FLAG_BAD_REGEX`], [`FLAG_GLOB`], [`FLAG_REQUIRED`].
    pub flags: u8,
    /// The list's index in its engine.
    pub list: u8,
    pub included: u16,
    pub excluded: u16,
}

impl Record {
    pub fn encode(&self) -> [u8; RECORD] {
        let mut b = [0u8; RECORD];
        b[0..4].copy_from_slice(&self.mask.to_le_bytes());
        b[4..8].copy_from_slice(&self.line.to_le_bytes());
        b[8..12].copy_from_slice(&self.rule_at.to_le_bytes());
        b[12..16].copy_from_slice(&self.domains_at.to_le_bytes());
        for (i, v) in [self.rule_len, self.host_at, self.host_len, self.pattern_at, self.pattern_len].into_iter().enumerate() {
            b[16 + 2 * i..18 + 2 * i].copy_from_slice(&v.to_le_bytes());
        }
        b[26] = self.flags;
        b[27] = self.list;
        b[28..30].copy_from_slice(&self.included.to_le_bytes());
        b[30..32].copy_from_slice(&self.excluded.to_le_bytes());
        b
    }

    /// The record in `b` (all zeros, which matches nothing, if `b` is short).
    pub fn decode(b: &[u8]) -> Record {
        let Some(b) = b.get(..RECORD) else { return Record::default() };
        let u32_at = |i: usize| u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]);
        let u16_at = |i: usize| u16::from_le_bytes([b[i], b[i + 1]]);
        Record {
            mask: u32_at(0),
            line: u32_at(4),
            rule_at: u32_at(8),
            domains_at: u32_at(12),
            rule_len: u16_at(16),
            host_at: u16_at(18),
            host_len: u16_at(20),
            pattern_at: u16_at(22),
            pattern_len: u16_at(24),
            flags: b[26],
            list: b[27],
            included: u16_at(28),
            excluded: u16_at(30),
        }
    }
}

/// The rule is about a whole host (`||host^` and its kin: see
/// [`is_host_rule`]), so it can judge a connection whose URL is not known.
pub const FLAG_HOST_RULE: u8 = 1;
/// The rule's regular expression does not compile: it never matches (as in
/// the reference engine).
pub const FLAG_BAD_REGEX: u8 = 2;
/// The rule's pattern is kept as written (literal characters, `*` and `^`)
/// and matched by [`glob_matches`], which decides as the regular expression
/// the reference engine would compile from it (see [`is_glob`]).
pub const FLAG_GLOB: u8 = 4;
/// The rule is a regular expression and its hostname field holds a literal
/// every match contains: a URL without it is not tried.
pub const FLAG_REQUIRED: u8 = 8;

/// Whether a pattern with wildcards can be matched without a regular
/// expression: every character but `*` and `^` is escaped into a literal by
/// the reference engine's conversion, except `\`; and `^^` converts into an
/// expression that can never match after a separator (left to the regex).
pub fn is_glob(pattern: &str) -> bool {
    !pattern.contains('\\') && !pattern.contains("^^")
}

/// A separator for `^`: any byte but an ASCII letter or digit, `_`, `-`,
/// `.` and `%` (the reference engine's `[^\w\d\._%-]`, Unicode off, over
/// bytes).
fn is_separator(b: u8) -> bool {
    !(b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.' | b'%'))
}

/// The end of `part` matched at `at` in `text` (`^` a separator, or the end
/// of the text if it ends the pattern), if it matches there.
fn part_at(part: &[u8], ends_pattern: bool, text: &[u8], at: usize) -> Option<usize> {
    let mut i = at;
    for (j, &c) in part.iter().enumerate() {
        if c == b'^' {
            if i == text.len() && ends_pattern && j + 1 == part.len() {
                return Some(i);
            }
            if i < text.len() && is_separator(text[i]) {
                i += 1;
                continue;
            }
            return None;
        }
        if text.get(i) != Some(&c) {
            return None;
        }
        i += 1;
    }
    Some(i)
}

/// A filter pattern of literal bytes, `*` (any run of bytes but a newline)
/// and `^` (a separator, or the end at the pattern's end), anchored to the
/// text's start and end as asked, anywhere in `text` otherwise: what the
/// regular expression the reference engine compiles from it decides. The
/// parts between stars are fixed-width, so taking each at its leftmost
/// place leaves the most room for the rest.
pub fn glob_matches(pattern: &[u8], text: &[u8], left: bool, right: bool) -> bool {
    let parts = pattern.split(|&b| b == b'*');
    let last = pattern.iter().filter(|&&b| b == b'*').count();
    let mut at = 0;
    for (k, part) in parts.enumerate() {
        let ends = k == last;
        // The first part may start anywhere (or only at the start, anchored);
        // a later one only after a gap without a newline (`.*`).
        let last_start = match (k, left) {
            (0, true) => at,
            (0, false) => text.len(),
            _ => at + text[at..].iter().position(|&b| b == b'\n').unwrap_or(text.len() - at),
        };
        let mut found = None;
        let mut s = at;
        while s <= last_start {
            // Jump to the next place the part's first byte is, when it is a literal.
            if let Some(&c) = part.first().filter(|&&c| c != b'^') {
                match text.get(s..(last_start + 1).min(text.len())).and_then(|t| memchr::memchr(c, t)) {
                    Some(i) => s += i,
                    None => break,
                }
            }
            if let Some(end) = part_at(part, ends, text, s) {
                if !(ends && right) || end == text.len() {
                    found = Some(end);
                    break;
                }
            }
            s += 1;
        }
        match found {
            Some(end) => at = end,
            None => return false,
        }
    }
    true
}

// The mask bits the matcher reads (adblock's `NetworkFilterMask`).
pub const FROM_IMAGE: u32 = 1;
pub const FROM_MEDIA: u32 = 1 << 1;
pub const FROM_OBJECT: u32 = 1 << 2;
pub const FROM_OTHER: u32 = 1 << 3;
pub const FROM_PING: u32 = 1 << 4;
pub const FROM_SCRIPT: u32 = 1 << 5;
pub const FROM_STYLESHEET: u32 = 1 << 6;
pub const FROM_SUBDOCUMENT: u32 = 1 << 7;
pub const FROM_WEBSOCKET: u32 = 1 << 8;
pub const FROM_XMLHTTPREQUEST: u32 = 1 << 9;
pub const FROM_FONT: u32 = 1 << 10;
pub const FROM_HTTP: u32 = 1 << 11;
pub const FROM_HTTPS: u32 = 1 << 12;
pub const IS_IMPORTANT: u32 = 1 << 13;
pub const MATCH_CASE: u32 = 1 << 14;
pub const THIRD_PARTY: u32 = 1 << 16;
pub const FIRST_PARTY: u32 = 1 << 17;
pub const IS_REGEX: u32 = 1 << 18;
pub const IS_LEFT_ANCHOR: u32 = 1 << 19;
pub const IS_RIGHT_ANCHOR: u32 = 1 << 20;
pub const IS_HOSTNAME_ANCHOR: u32 = 1 << 21;
pub const IS_EXCEPTION: u32 = 1 << 22;
pub const IS_COMPLETE_REGEX: u32 = 1 << 24;
pub const UNMATCHED: u32 = 1 << 25;
pub const FROM_GET: u32 = 1 << 26;
pub const FROM_HEAD: u32 = 1 << 27;
pub const IS_HOSTNAME_REGEX: u32 = 1 << 28;
pub const FROM_DOCUMENT: u32 = 1 << 29;
pub const FROM_POST: u32 = 1 << 30;
pub const FROM_ANY_METHODS: u32 = FROM_GET | FROM_HEAD | FROM_POST;

/// The hash of a `$domain=` domain (SeaHash, as the reference engine's
/// parse gives them, so they are taken over as parsed).
pub fn hash(s: &str) -> u64 {
    seahash::hash(s.as_bytes())
}

/// The hash of a token or of a run of host labels: cheaper, as every URL
/// has a score of them (FNV-1a; collisions only cost a rule tried in vain).
pub fn token_hash(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3))
}

/// The key a hash is indexed by.
pub fn key(hash: u64) -> u32 {
    hash as u32
}

/// The most tokens read from a URL (the reference engine's buffer keeps 255
/// and its catch-all; a longer URL's later tokens are not looked up there
/// either).
pub const MAX_URL_TOKENS: usize = 255;

/// Appends to `out` the tokens of `text`: runs of alphanumeric characters
/// (Unicode's sense) of two or more, leaving out a run next to a `*` and, if
/// asked, the first and the last run (which a pattern may only partly
/// cover). Stops after [`MAX_URL_TOKENS`] of them, as the reference engine
/// does, whatever `out` held before.
pub fn tokens(text: &str, skip_first: bool, skip_last: bool, out: &mut Vec<u64>) {
    let max = out.len() + MAX_URL_TOKENS;
    let mut inside = false;
    let mut start = 0;
    let mut preceding: Option<char> = None;
    for (i, c) in text.char_indices() {
        if out.len() >= max {
            return;
        }
        if c.is_alphanumeric() {
            if !inside {
                inside = true;
                start = i;
            }
        } else if inside {
            inside = false;
            if (start != 0 || !skip_first) && i - start > 1 && c != '*' && preceding != Some('*') {
                out.push(token_hash(&text[start..i]));
            }
            preceding = Some(c);
        } else {
            preceding = Some(c);
        }
    }
    if !skip_last && inside && text.len() - start > 1 && preceding != Some('*') && out.len() < max {
        out.push(token_hash(&text[start..]));
    }
}

/// Whether a rule is about a whole host, so it can judge a connection whose
/// URL is not known: `||host^` (or `||host/`, `||host^|`), or a regular
/// expression anchored at the scheme that ends with the host (and port):
/// `/^https?:\/\/HOST-PATTERN(?::[0-9]+)?\//`. Any options.
pub fn is_host_rule(rule: &str) -> bool {
    let rule = rule.strip_prefix("@@").unwrap_or(rule);
    if let Some(body) = rule.strip_prefix('/') {
        // A regex rule: `/…/` then options; the pattern must stop at the first `/` after the host.
        let Some(end) = body.rfind('/') else { return false };
        let pattern = &body[..end];
        let Some(host) = pattern.strip_prefix("^https?:\\/\\/").or_else(|| pattern.strip_prefix("^https:\\/\\/")) else { return false };
        let Some(host) = host.strip_suffix("\\/") else { return false };
        // Nothing in the host part may match a `/`: no unescaped `/`, no `.`-star that could run into a path.
        return !host.contains("\\/") && !host.contains(".*") && !host.contains(".+") && !host.contains("[^");
    }
    let pattern = rule.split_once('$').map_or(rule, |(p, _)| p);
    let Some(rest) = pattern.strip_prefix("||") else { return false };
    let host = rest.strip_suffix("^|").or_else(|| rest.strip_suffix('^')).or_else(|| rest.strip_suffix('/')).unwrap_or(rest);
    !host.is_empty() && host.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-' || b == b'_')
}

/// The expression the reference engine compiles for a pattern (its
/// `compile_regex`): `None` matches everything.
pub fn regex_source(mask: u32, pattern: Option<&str>) -> Option<String> {
    use std::sync::LazyLock;
    static SPECIAL: LazyLock<regex::Regex> = LazyLock::new(|| regex::Regex::new(r"([\|\.\$\+\?\{\}\(\)\[\]])").unwrap());
    static WILDCARD: LazyLock<regex::Regex> = LazyLock::new(|| regex::Regex::new(r"\*").unwrap());
    static ANCHOR: LazyLock<regex::Regex> = LazyLock::new(|| regex::Regex::new(r"\^(.)").unwrap());
    static ANCHOR_EOL: LazyLock<regex::Regex> = LazyLock::new(|| regex::Regex::new(r"\^$").unwrap());
    let p = pattern.filter(|p| !p.is_empty())?;
    if mask & IS_COMPLETE_REGEX != 0 {
        return Some(p[1..p.len() - 1].replace("\\/", "/").replace("\\:", ":"));
    }
    let r = SPECIAL.replace_all(p, "\\$1");
    let r = WILDCARD.replace_all(&r, ".*");
    let r = ANCHOR.replace_all(&r, "(?:[^\\w\\d\\._%-])$1");
    let r = ANCHOR_EOL.replace_all(&r, "(?:[^\\w\\d\\._%-]|$)");
    let left = if mask & IS_LEFT_ANCHOR != 0 { "^" } else { "" };
    let right = if mask & IS_RIGHT_ANCHOR != 0 { "$" } else { "" };
    Some(format!("{left}{r}{right}"))
}
