//! Compiles the filter lists into the matcher's flat layout
//! (src/classify/matcher/layout.rs), which the core reads in place: no
//! engine is deserialised at start-up.
//!
//! Each rule is parsed by Brave's `adblock` crate, the reference engine, and
//! its parse (option bits, hostname, pattern, `$domain=` hashes) is taken over
//! unchanged; what a rule does for an observer is decided here once:
//!
//! - `$badfilter` rules cancel the rules they name and are not kept;
//! - rules that cannot flag or except a request for an observer are not kept
//!   and are counted: `$csp`, `$removeparam`, `$generichide`, `$redirect-rule`
//!   (a redirect only if something else blocks), `$tag` (off unless a tag is
//!   turned on), and `$to=` (which the reference engine parses but does not
//!   load);
//! - a regular expression (a `/…/` rule, or a pattern with `*` or `^`) is
//!   written as the expression the reference engine would compile, and is
//!   compiled by the core the first time a request reaches it.
//!
//! Every rule kept carries its list and line, so a verdict cites the rule as
//! written without a second engine.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use adblock::filters::network::{FilterPart, NetworkFilter, NetworkFilterMaskHelper};
use adblock::lists::{parse_filter, ParseOptions, ParsedLine, RuleTypes};

#[path = "../src/classify/matcher/layout.rs"]
#[allow(dead_code)]
mod layout;
use layout::*;

/// Each engine's list files under data/lists, in list-index order (the
/// order `src/classify/filters.rs` names them in).
pub const ENGINES: [&[&str]; 2] = [&["platform-telemetry.txt"], &["easyprivacy.txt", "easylist.txt"]];

/// What the build left out, per kind, for the build's report.
#[derive(Default, Debug)]
pub struct Counts {
    pub kept: usize,
    pub cancelled_by_badfilter: usize,
    pub left_out: BTreeMap<&'static str, usize>,
    pub bad_regex: usize,
    pub globs: usize,
    pub regexes: usize,
    /// Rules tried on every request (no token, no `$domain=`), as written.
    pub everywhere: Vec<String>,
}

struct Rule {
    mask: u32,
    flags: u8,
    list: u8,
    line: u32,
    group: u32,
    hostname: Option<String>,
    /// The pattern, or a regular expression's source; `None` matches every URL.
    pattern: Option<String>,
    included: Vec<u64>,
    excluded: Vec<u64>,
    raw: String,
    keys: Keys,
}

/// How a rule is found: by a `$domain=`, by one of several tokens, or by
/// none (tried on every request).
enum Keys {
    /// A `||hostname` without wildcards, less its edge dots: it is always a
    /// run of whole labels of the host of a request the rule matches.
    Host(u64),
    Domains(Vec<u64>),
    Tokens(Vec<u64>),
    Fallback,
}

/// How a rule can be found: its `||hostname`, else the reference engine's
/// choice of candidate keys (a lone `$domain=`, then the tokens of its
/// pattern and hostname), narrowed to tokens a matching URL must hold whole.
fn keys(f: &NetworkFilter, mask: u32) -> Keys {
    if mask & IS_HOSTNAME_ANCHOR != 0 && mask & IS_HOSTNAME_REGEX == 0 {
        if let Some(h) = f.hostname.as_deref().map(|h| h.trim_matches('.')).filter(|h| !h.is_empty()) {
            return Keys::Host(token_hash(h));
        }
    }
    if f.opt_not_domains.is_none() {
        if let Some([d]) = f.opt_domains.as_deref() {
            return Keys::Domains(vec![*d]);
        }
    }
    let mut out = Vec::new();
    if let FilterPart::Simple(p) = &f.filter {
        if mask & IS_COMPLETE_REGEX != 0 {
            if let Some(source) = regex_source(mask, Some(p)) {
                out.extend(regex_tokens(&source));
            }
        } else {
            // A token at either end of the pattern may be only part of the
            // URL's token there, unless that end is anchored to the URL's:
            // the reference engine trusts a first token the URL may extend
            // (`omni.example` in `/aomni.example`), and so misses the rule;
            // this index does not.
            let right = mask & IS_RIGHT_ANCHOR != 0;
            let left = mask & IS_LEFT_ANCHOR != 0 && mask & IS_HOSTNAME_ANCHOR == 0;
            tokens(p, right || !left, !right, &mut out);
        }
    }
    if let Some(h) = f.hostname.as_deref() {
        if mask & IS_HOSTNAME_REGEX == 0 {
            tokens(h, false, false, &mut out);
        } else if let Some(dot) = h.rfind('.') {
            tokens(&h[..dot], false, false, &mut out);
        }
    }
    if out.is_empty() {
        return match f.opt_domains.as_deref() {
            Some(d) if !d.is_empty() => Keys::Domains(d.to_vec()),
            _ => Keys::Fallback,
        };
    }
    if mask & FROM_HTTP != 0 && mask & FROM_HTTPS == 0 {
        out.push(token_hash("http"));
    } else if mask & FROM_HTTPS != 0 && mask & FROM_HTTP == 0 {
        out.push(token_hash("https"));
    }
    Keys::Tokens(out)
}

/// Tokens any URL a regular expression matches must hold whole: those
/// inside every literal the expression's matches may start with (from the
/// expression's syntax tree; a token at a literal's edge may run on in the
/// URL and is not taken). None if the expression has no such literals: it
/// is then tried on every request.
fn regex_tokens(source: &str) -> Vec<u64> {
    use regex_syntax::hir::literal::{ExtractKind, Extractor};
    let Ok(hir) = regex_syntax::ParserBuilder::new().unicode(false).utf8(false).build().parse(source) else { return Vec::new() };
    let seq = Extractor::new().kind(ExtractKind::Prefix).extract(&hir);
    let Some(literals) = seq.literals() else { return Vec::new() };
    let mut common: Option<Vec<u64>> = None;
    for literal in literals {
        let Ok(text) = std::str::from_utf8(literal.as_bytes()) else { return Vec::new() };
        let mut t = Vec::new();
        tokens(&text.to_ascii_lowercase(), true, true, &mut t);
        common = Some(match common {
            None => t,
            Some(c) => c.into_iter().filter(|h| t.contains(h)).collect(),
        });
    }
    let mut out = common.unwrap_or_default();
    out.extend(inner_literal_tokens(&hir));
    out
}

/// Whether a byte ends a token for certain (an ASCII byte that is not a
/// letter or digit; a non-ASCII byte may belong to a Unicode letter).
fn is_separator_byte(b: u8) -> bool {
    b.is_ascii() && !b.is_ascii_alphanumeric()
}

/// Whether whatever `h` matches ends (or, with `first`, starts) with a
/// separator for certain. `None`: it may match nothing.
fn edge_is_separator(h: &regex_syntax::hir::Hir, first: bool) -> Option<bool> {
    use regex_syntax::hir::{Class, HirKind};
    match h.kind() {
        HirKind::Empty | HirKind::Look(_) => None,
        HirKind::Literal(l) => {
            let b = if first { l.0.first() } else { l.0.last() };
            b.map(|&b| is_separator_byte(b))
        }
        HirKind::Class(Class::Bytes(c)) => Some(c.ranges().iter().all(|r| (r.start()..=r.end()).all(is_separator_byte))),
        HirKind::Class(Class::Unicode(c)) => Some(c.ranges().iter().all(|r| (r.start()..=r.end()).all(|ch| ch.is_ascii() && is_separator_byte(ch as u8)))),
        HirKind::Repetition(r) if r.min == 0 => None,
        HirKind::Repetition(r) => edge_is_separator(&r.sub, first),
        HirKind::Capture(c) => edge_is_separator(&c.sub, first),
        HirKind::Concat(v) => {
            let mut items: Vec<_> = v.iter().collect();
            if !first {
                items.reverse();
            }
            separator_before(items.into_iter(), first)
        }
        HirKind::Alternation(v) => {
            let edges: Option<Vec<bool>> = v.iter().map(|a| edge_is_separator(a, first)).collect();
            edges.map(|e| e.iter().all(|&x| x))
        }
    }
}

/// Walking outwards from a literal through `items` (nearest first; with
/// `first`, the items after it, read at their first byte, else the items
/// before it, read at their last): whether the byte next to the literal is a
/// separator for certain. An item that may match nothing must be a
/// separator if it matches anything, and the walk goes on.
fn separator_before<'h>(items: impl Iterator<Item = &'h regex_syntax::hir::Hir>, first: bool) -> Option<bool> {
    use regex_syntax::hir::{HirKind, Look};
    for h in items {
        match h.kind() {
            // The start (or end) of the URL bounds a token.
            HirKind::Look(Look::Start) if !first => return Some(true),
            HirKind::Look(Look::End) if first => return Some(true),
            HirKind::Repetition(r) if r.min == 0 => match edge_is_separator(&r.sub, first) {
                Some(true) => continue,
                _ => return Some(false),
            },
            _ => match edge_is_separator(h, first) {
                Some(b) => return Some(b),
                None => continue,
            },
        }
    }
    None
}

/// Tokens of the literals of the expression's top-level sequence that a
/// match holds whole: inside a literal, or at its edge where the expression
/// puts a separator (or the URL's start or end) next to it.
fn inner_literal_tokens(hir: &regex_syntax::hir::Hir) -> Vec<u64> {
    use regex_syntax::hir::HirKind;
    let HirKind::Concat(children) = hir.kind() else { return Vec::new() };
    let mut out = Vec::new();
    for (k, c) in children.iter().enumerate() {
        let HirKind::Literal(l) = c.kind() else { continue };
        let Ok(text) = std::str::from_utf8(&l.0) else { continue };
        let bounded_before = separator_before(children[..k].iter().rev(), false) == Some(true);
        let bounded_after = separator_before(children[k + 1..].iter(), true) == Some(true);
        tokens(&text.to_ascii_lowercase(), !bounded_before, !bounded_after, &mut out);
    }
    out
}

/// The longest run of literal bytes any match of a regular expression must
/// hold (a literal of its top-level sequence), if one of three or more: the
/// core looks for it before compiling or running the expression.
fn required_literal(source: &str) -> Option<String> {
    use regex_syntax::hir::HirKind;
    let hir = regex_syntax::ParserBuilder::new().unicode(false).utf8(false).build().parse(source).ok()?;
    let HirKind::Concat(children) = hir.kind() else { return None };
    children
        .iter()
        .filter_map(|c| match c.kind() {
            HirKind::Literal(l) => std::str::from_utf8(&l.0).ok().map(str::to_string),
            _ => None,
        })
        .filter(|l| l.len() >= 3)
        .max_by_key(|l| l.len())
}

/// Tokens every URL has, or nearly: a rule is found by one of them only if
/// it has no other.
const COMMON: [&str; 11] = ["http", "https", "www", "com", "net", "org", "js", "html", "php", "cdn", "static"];

/// One index (layout.rs [`SLOT_WORDS`]): a hash table 70% full, then the
/// lists of keys with several rules. (Rounded up to a power of two, the
/// hostname index was 36% full: 1 MB more for no gain; linear probing's
/// extra slots at 70% are mostly in the cache line already read.)
fn write_index(entries: &BTreeMap<u32, Vec<u32>>) -> Vec<u8> {
    let capacity = if entries.is_empty() { 0 } else { entries.len() * 10 / 7 + 1 };
    let mut slots = vec![[0u32; SLOT_WORDS]; capacity];
    let mut lists: Vec<u32> = Vec::new();
    for (&k, rules) in entries {
        let mut i = slot(k, capacity);
        while slots[i][1] != 0 {
            i = next_slot(i, capacity);
        }
        let value = if let [one] = rules.as_slice() {
            one | SINGLE
        } else {
            lists.push(rules.len() as u32);
            lists.extend(rules);
            (lists.len() - rules.len()) as u32
        };
        slots[i] = [k, value];
    }
    let mut out = Vec::with_capacity(4 + capacity * SLOT_WORDS * 4 + lists.len() * 4);
    out.extend_from_slice(&(capacity as u32).to_le_bytes());
    for w in slots.iter().flatten().chain(&lists) {
        out.extend_from_slice(&w.to_le_bytes());
    }
    out
}

/// Compiles one engine's lists (texts in list-index order) into its pack.
pub fn compile(lists: &[&str], counts: &mut Counts) -> Vec<u8> {
    let opts = ParseOptions { rule_types: RuleTypes::NetworkOnly, ..Default::default() };
    let mut rules: Vec<Rule> = Vec::new();
    let mut ids: Vec<u64> = Vec::new();
    let mut bad_ids: HashSet<u64> = HashSet::new();
    for (list, text) in lists.iter().enumerate() {
        for (n, line) in text.lines().enumerate() {
            let Ok(ParsedLine::Network(f)) = parse_filter(line, true, opts) else { continue };
            if f.is_badfilter() {
                bad_ids.insert(f.get_id());
                continue;
            }
            let options = line.rsplit_once('$').map(|(_, o)| o).unwrap_or("");
            let left_out = if f.has_to_option() {
                Some("$to= (not loaded by the reference engine)")
            } else if f.is_csp() {
                Some("$csp")
            } else if f.is_removeparam() {
                Some("$removeparam")
            } else if f.is_generic_hide() {
                Some("$generichide and its kin")
            } else if !f.is_exception() && !f.is_important() && options.split(',').any(|o| o.starts_with("tag=")) {
                Some("$tag")
            } else if f.is_redirect() && !f.also_block_redirect() && !f.is_exception() && !f.is_important() {
                Some("$redirect-rule")
            } else if f.opt_domains.as_ref().is_some_and(Vec::is_empty) {
                Some("$domain= naming no domain the engine can hold (never matches)")
            } else {
                None
            };
            if let Some(kind) = left_out {
                *counts.left_out.entry(kind).or_default() += 1;
                continue;
            }
            let mask = f.mask.bits();
            let group = if f.is_exception() {
                EXCEPTION
            } else if f.is_important() {
                IMPORTANT
            } else {
                BLOCKING
            };
            let pattern = match &f.filter {
                FilterPart::Empty => None,
                FilterPart::Simple(p) => Some(p.to_string()),
                FilterPart::AnyOf(_) => panic!("data build: a parsed rule with several patterns (only the optimiser makes them): {line}"),
            };
            let mut flags = 0u8;
            let raw = line.trim().to_string();
            if is_host_rule(&raw) {
                flags |= FLAG_HOST_RULE;
            }
            // The reference engine reads a hostname-anchored rule's pattern as
            // a regular expression only with IS_REGEX, any other with either bit.
            let regex_bits = if mask & IS_HOSTNAME_ANCHOR != 0 { IS_REGEX } else { IS_REGEX | IS_COMPLETE_REGEX };
            let pattern = if mask & regex_bits != 0 && mask & IS_COMPLETE_REGEX == 0 && pattern.as_deref().is_some_and(|p| !p.is_empty() && is_glob(p)) {
                flags |= FLAG_GLOB;
                counts.globs += 1;
                pattern
            } else if mask & regex_bits != 0 {
                let source = regex_source(mask, pattern.as_deref());
                counts.regexes += usize::from(source.is_some());
                if let Some(s) = &source {
                    if regex::bytes::RegexBuilder::new(s).unicode(false).build().is_err() {
                        flags |= FLAG_BAD_REGEX;
                        counts.bad_regex += 1;
                    }
                }
                source
            } else {
                pattern
            };
            // A regular expression's required literal rides in the hostname's
            // place (such rules have no hostname).
            let mut hostname = f.hostname.as_deref().map(str::to_string);
            if mask & IS_COMPLETE_REGEX != 0 && mask & IS_HOSTNAME_ANCHOR == 0 && flags & FLAG_GLOB == 0 {
                if let Some(l) = pattern.as_deref().and_then(required_literal) {
                    assert!(hostname.is_none(), "data build: a regular expression rule with a hostname: {line}");
                    hostname = Some(l);
                    flags |= FLAG_REQUIRED;
                }
            }
            let mut included = f.opt_domains.clone().unwrap_or_default();
            let mut excluded = f.opt_not_domains.clone().unwrap_or_default();
            included.sort_unstable();
            excluded.sort_unstable();
            ids.push(f.get_id());
            rules.push(Rule { mask, flags, list: list as u8, line: n as u32, group, hostname, pattern, included, excluded, raw, keys: keys(&f, mask) });
        }
    }
    // `$badfilter` cancels the rules it names, in any list of the engine.
    let before = rules.len();
    let mut keep = ids.iter().map(|id| !bad_ids.contains(id));
    rules.retain(|_| keep.next().unwrap());
    counts.cancelled_by_badfilter += before - rules.len();
    counts.kept += rules.len();

    // Rules are numbered group by group (a stable sort keeps the lists'
    // order within each).
    rules.sort_by_key(|r| r.group);
    assert!(rules.len() < 1 << RULE_BITS, "data build: too many rules");
    // Each rule is found by its least common token.
    let mut frequency: HashMap<u64, u32> = HashMap::new();
    for r in &rules {
        if let Keys::Tokens(t) = &r.keys {
            let mut seen = HashSet::new();
            for &k in t {
                if seen.insert(k) {
                    *frequency.entry(k).or_default() += 1;
                }
            }
        }
    }
    let common: HashSet<u64> = COMMON.iter().map(|t| token_hash(t)).collect();
    let mut host_index: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
    let mut token_index: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
    let mut domain_index: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
    let (mut records, mut strings, mut domains) = (Vec::<u8>::new(), Vec::<u8>::new(), Vec::<u8>::new());
    for (i, r) in rules.iter().enumerate() {
        let entry = i as u32 | r.group << RULE_BITS;
        match &r.keys {
            Keys::Host(h) => host_index.entry(key(*h)).or_default().push(entry),
            Keys::Domains(d) => {
                for &h in d {
                    let v = domain_index.entry(key(h)).or_default();
                    if v.last() != Some(&entry) {
                        v.push(entry);
                    }
                }
            }
            Keys::Tokens(t) => {
                let best = t.iter().copied().min_by_key(|k| (common.contains(k), frequency[k], *k)).unwrap();
                token_index.entry(key(best)).or_default().push(entry);
            }
            Keys::Fallback => {
                counts.everywhere.push(r.raw.clone());
                token_index.entry(0).or_default().push(entry)
            }
        }
        // The rule as written, then its hostname and pattern: each read from
        // inside the rule's text when it is there as written (most are),
        // else written right after it.
        let rule_at = strings.len();
        strings.extend_from_slice(r.raw.as_bytes());
        let mut part = |p: Option<&str>| -> (u16, u16) {
            let Some(p) = p else { return (0, NONE) };
            let at = match r.raw.find(p) {
                Some(i) => i,
                None => {
                    strings.extend_from_slice(p.as_bytes());
                    strings.len() - p.len() - rule_at
                }
            };
            let small = |n: usize| u16::try_from(n).ok().filter(|&n| n != NONE).unwrap_or_else(|| panic!("data build: a rule over 65,534 bytes: {}", r.raw));
            (small(at), small(p.len()))
        };
        let (host_at, host_len) = part(r.hostname.as_deref());
        let (pattern_at, pattern_len) = part(r.pattern.as_deref());
        let domains_at = (domains.len() / 8) as u32;
        for h in r.included.iter().chain(&r.excluded) {
            domains.extend_from_slice(&h.to_le_bytes());
        }
        let count = |n: usize| u16::try_from(n).unwrap_or_else(|_| panic!("data build: a rule with 65,536 or more $domain= entries: {}", r.raw));
        let record = Record {
            mask: r.mask,
            line: r.line,
            rule_at: rule_at as u32,
            domains_at,
            rule_len: u16::try_from(r.raw.len()).ok().filter(|&n| n != NONE).expect("data build: a rule over 65,534 bytes"),
            host_at,
            host_len,
            pattern_at,
            pattern_len,
            flags: r.flags,
            list: r.list,
            included: count(r.included.len()),
            excluded: count(r.excluded.len()),
        };
        records.extend_from_slice(&record.encode());
    }
    let mut sections: Vec<Vec<u8>> = vec![records, strings, domains];
    sections.push(write_index(&host_index));
    sections.push(write_index(&token_index));
    sections.push(write_index(&domain_index));
    assert_eq!(sections.len(), SECTIONS);
    let refs: Vec<&[u8]> = sections.iter().map(Vec::as_slice).collect();
    super::pack::write(&refs)
}

/// Writes `lists.bin`: one section per engine (`ENGINES`), each the
/// engine's own pack.
pub fn write_engine(lists: &Path, out: &Path) {
    let mut engines = Vec::new();
    let mut counts = Counts::default();
    for names in ENGINES {
        let texts: Vec<String> =
            names.iter().map(|name| String::from_utf8(super::read(&lists.join(name))).unwrap_or_else(|_| panic!("data build: {name} is not UTF-8"))).collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        engines.push(compile(&refs, &mut counts));
    }
    let refs: Vec<&[u8]> = engines.iter().map(Vec::as_slice).collect();
    super::write(&out.join("lists.bin"), &super::pack::write(&refs));
    let report = format!(
        "rules kept\t{}\ncancelled by $badfilter\t{}\npatterns with wildcards matched without a regular expression\t{}\nregular expressions (compiled on first use)\t{}\nregular expressions that do not compile (never match)\t{}\n{}",
        counts.kept,
        counts.cancelled_by_badfilter,
        counts.globs,
        counts.regexes,
        counts.bad_regex,
        counts.left_out.iter().map(|(k, n)| format!("left out: {k}\t{n}\n")).collect::<String>()
    ) + &counts.everywhere.iter().map(|r| format!("tried on every request\t{r}\n")).collect::<String>();
    super::write(&out.join("lists-report.tsv"), report.as_bytes());
}
