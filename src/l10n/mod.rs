//! The words the core renders, in the reader's language: Fluent catalogues
//! (`locales/<tag>/borderline.ftl`, one per shipped language, English the
//! source and the fallback for any message a catalogue lacks), chosen by
//! negotiation from what the reader asks for (the browser's UI language, an
//! option, `--lang` or `LANG`). JSON field names and CSV headers are a
//! contract and stay English; reports' JSON values stay English too (they are
//! evidence, quoted as they are), and every surface a person reads is
//! rendered from the same facts in their language.
//!
//! Two pseudo-locales test the layout: `en-XA` (accented and a third longer)
//! and `ar-XB` (mirrored and right to left), made by `fluent-pseudo` from the
//! English catalogue.

use std::borrow::Cow;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// The shipped languages, each with its two catalogues: the core's words
/// (`SHIPPED`) and the report page's (`PAGE`, www/), in the same order.
macro_rules! shipped {
    ($($tag:literal),*) => {
        /// The shipped catalogues: BCP 47 tag and FTL text.
        pub const SHIPPED: &[(&str, &str)] = &[$(($tag, include_str!(concat!("../../locales/", $tag, "/borderline.ftl")))),*];
        /// The report page's (www/) own words, in `SHIPPED`'s order.
        pub const PAGE: &[(&str, &str)] = &[$(($tag, include_str!(concat!("../../locales/", $tag, "/www.ftl")))),*];
    };
}
shipped!("en", "de", "fr", "es", "pt-BR", "id", "zh-CN");

/// Country and language names from CLDR (data/cldr/names.tsv, see data/sources.toml).
const NAMES: &str = include_str!("../../data/cldr/names.tsv");

/// The name CLDR gives `code` (kind `T`: an ISO 3166-1 country; `L`: a shipped
/// language, in itself) in the language `tag`.
fn cldr_name(tag: &str, kind: &str, code: &str) -> Option<&'static str> {
    static TABLE: OnceLock<std::collections::BTreeMap<(&'static str, &'static str, &'static str), &'static str>> = OnceLock::new();
    TABLE
        .get_or_init(|| {
            NAMES
                .lines()
                .filter(|l| !l.starts_with('#'))
                .filter_map(|line| {
                    let mut f = line.splitn(4, '\t');
                    Some(((f.next()?, f.next()?, f.next()?), f.next()?))
                })
                .collect()
        })
        .get(&(tag, kind, code))
        .copied()
}

/// Each shipped language's tag and its own name (CLDR), for a language menu.
pub fn languages() -> Vec<(&'static str, &'static str)> {
    SHIPPED.iter().map(|(tag, _)| (*tag, cldr_name(tag, "L", tag).unwrap_or(tag))).collect()
}

/// Pseudo-locales for layout tests: accented and long; mirrored right to left.
pub const PSEUDO: &[&str] = &["en-XA", "ar-XB"];

/// One language's messages, with English behind it for anything missing.
pub struct L10n {
    tag: &'static str,
    bundle: FluentBundle<FluentResource>,
    rtl: bool,
    digits: Digits,
}

fn accented(s: &str) -> Cow<'_, str> {
    fluent_pseudo::transform(s, false, true)
}

fn mirrored(s: &str) -> Cow<'_, str> {
    fluent_pseudo::transform(s, true, false)
}

/// How a language writes whole numbers (CLDR): its group separator and the
/// fewest digits before a first group (Spanish writes 1234 but 12.345).
#[derive(Clone, Copy)]
struct Digits {
    group: &'static str,
    min_grouping: usize,
}

fn digits(tag: &str) -> Digits {
    let tag = if SHIPPED.iter().any(|s| s.0 == tag) { tag } else { "en" };
    Digits {
        group: cldr_name(tag, "N", "group").unwrap_or(","),
        min_grouping: cldr_name(tag, "N", "minimumGroupingDigits").and_then(|m| m.parse().ok()).unwrap_or(1),
    }
}

/// A whole number with its groups of three, as the language writes it.
fn grouped(n: u64, d: Digits) -> String {
    let s = n.to_string();
    if s.len() < 3 + d.min_grouping {
        return s;
    }
    let mut out = String::with_capacity(s.len() + s.len() / 3 * d.group.len());
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push_str(d.group);
        }
        out.push(c);
    }
    out
}

/// Fluent's number formatter for one catalogue (a plain fn per language, as
/// Fluent takes a fn pointer): whole numbers grouped as the language does;
/// anything else left to Fluent.
fn number_formatter<const I: usize>(v: &FluentValue, _: &intl_memoizer::concurrent::IntlLangMemoizer) -> Option<String> {
    match v {
        FluentValue::Number(n) if n.value.fract() == 0.0 && n.value >= 0.0 && n.value < 2f64.powi(53) && n.options.minimum_fraction_digits.is_none() => {
            // The catalogue is built before anything is formatted with it.
            Some(grouped(n.value as u64, by_index(I).digits))
        }
        _ => None,
    }
}

const FORMATTERS: [fn(&FluentValue, &intl_memoizer::concurrent::IntlLangMemoizer) -> Option<String>; 9] = [
    number_formatter::<0>,
    number_formatter::<1>,
    number_formatter::<2>,
    number_formatter::<3>,
    number_formatter::<4>,
    number_formatter::<5>,
    number_formatter::<6>,
    number_formatter::<7>,
    number_formatter::<8>,
];

fn build(i: usize, tag: &'static str, ftl: &'static str, transform: Option<fn(&str) -> Cow<str>>) -> L10n {
    let lang: LanguageIdentifier = tag.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![lang]);
    // Plain text out: the renderers escape, and markers around every
    // placeable would change what is quoted from a report.
    bundle.set_use_isolating(false);
    bundle.set_transform(transform);
    bundle.set_formatter(Some(FORMATTERS[i]));
    // A catalogue with a syntax error keeps every message it could read; the
    // catalogue test fails on the error, so none ships.
    let page = PAGE.iter().find(|p| p.0 == tag).unwrap_or(&PAGE[0]).1;
    for text in [ftl, page] {
        let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(partial, _)| partial);
        let _ = bundle.add_resource(resource);
    }
    L10n { tag, bundle, rtl: tag == "ar-XB", digits: digits(tag) }
}

static CACHE: [OnceLock<L10n>; 9] = [const { OnceLock::new() }; 9];

/// The catalogue for a shipped (or pseudo) tag, exactly as written.
fn by_index(i: usize) -> &'static L10n {
    CACHE[i].get_or_init(|| match i {
        i if i < SHIPPED.len() => build(i, SHIPPED[i].0, SHIPPED[i].1, None),
        7 => build(7, "en-XA", SHIPPED[0].1, Some(accented)),
        _ => build(8, "ar-XB", SHIPPED[0].1, Some(mirrored)),
    })
}

/// English: the source of every message, and the fallback.
pub fn english() -> &'static L10n {
    by_index(0)
}

/// Every shipped language's tag (not the pseudo-locales).
pub fn shipped_tags() -> impl Iterator<Item = &'static str> {
    SHIPPED.iter().map(|s| s.0)
}

/// The best shipped language for what the reader asked for, most wanted
/// first (BCP 47 tags or POSIX locales such as `de_DE.UTF-8`): an exact tag,
/// then the same language in another region (`pt-PT` → `pt-BR`, `zh-TW` →
/// `zh-CN` only when nothing better), then English. The second value says
/// why English was chosen when something else was asked for.
pub fn negotiate<S: AsRef<str>>(wanted: &[S]) -> (&'static L10n, Option<String>) {
    let (i, note) = negotiate_index(wanted);
    (by_index(i), note)
}

/// As [`negotiate`]: the index of the catalogue chosen.
fn negotiate_index<S: AsRef<str>>(wanted: &[S]) -> (usize, Option<String>) {
    let mut asked = Vec::new();
    for w in wanted {
        let raw = w.as_ref().trim();
        // POSIX: language_REGION.codeset@modifier; "C" and "POSIX" mean no preference.
        let tag = raw.split(['.', '@']).next().unwrap_or("").replace('_', "-");
        if tag.is_empty() || tag == "C" || tag == "POSIX" {
            continue;
        }
        if let Some(i) = PSEUDO.iter().position(|p| p.eq_ignore_ascii_case(&tag)) {
            return (SHIPPED.len() + i, None);
        }
        match tag.parse::<LanguageIdentifier>() {
            Ok(id) => asked.push((raw.to_string(), id)),
            Err(_) => asked.push((raw.to_string(), LanguageIdentifier::default())),
        }
    }
    if asked.is_empty() {
        return (0, None);
    }
    let shipped: Vec<LanguageIdentifier> = SHIPPED.iter().map(|s| s.0.parse().unwrap_or_default()).collect();
    for (_, id) in &asked {
        // Exact language and region, then the language alone.
        if let Some(i) = shipped.iter().position(|s| s.language == id.language && (s.region == id.region || id.region.is_none() || s.region.is_none())) {
            if id.language != unic_langid::subtags::Language::default() {
                return (i, None);
            }
        }
        if let Some(i) = shipped.iter().position(|s| s.language == id.language && id.language != unic_langid::subtags::Language::default()) {
            return (i, None);
        }
    }
    let names: Vec<&str> = asked.iter().map(|(raw, _)| raw.as_str()).collect();
    (0, Some(format!("no catalogue for {}; using English (shipped: {})", names.join(", "), shipped_tags().collect::<Vec<_>>().join(", "))))
}

/// A value for a message argument.
pub enum Arg<'a> {
    Num(u64),
    Text(Cow<'a, str>),
}

impl From<u64> for Arg<'_> {
    fn from(n: u64) -> Self {
        Arg::Num(n)
    }
}
impl From<u32> for Arg<'_> {
    fn from(n: u32) -> Self {
        Arg::Num(n.into())
    }
}
impl From<usize> for Arg<'_> {
    fn from(n: usize) -> Self {
        Arg::Num(n as u64)
    }
}
impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Text(Cow::Borrowed(s))
    }
}
impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Self {
        Arg::Text(Cow::Borrowed(s.as_str()))
    }
}
impl From<String> for Arg<'_> {
    fn from(s: String) -> Self {
        Arg::Text(Cow::Owned(s))
    }
}
impl From<crate::aggregate::Unit> for Arg<'_> {
    fn from(u: crate::aggregate::Unit) -> Self {
        Arg::Text(Cow::Borrowed(u.many()))
    }
}

impl L10n {
    /// The BCP 47 tag of this catalogue.
    pub fn tag(&self) -> &'static str {
        self.tag
    }

    /// "rtl" for a right-to-left language, else "ltr" (for `dir=`).
    pub fn dir(&self) -> &'static str {
        if self.rtl {
            "rtl"
        } else {
            "ltr"
        }
    }

    /// A country's name in this language (CLDR), or None for a code CLDR
    /// does not name. Pseudo-locales use English names.
    pub fn country(&self, code: &str) -> Option<&'static str> {
        let tag = if SHIPPED.iter().any(|s| s.0 == self.tag) { self.tag } else { "en" };
        cldr_name(tag, "T", code)
    }

    /// A whole number as this language writes it (CLDR's separators): 12,345 · 12.345 · 12 345.
    pub fn number(&self, n: u64) -> String {
        grouped(n, self.digits)
    }

    /// Whether this catalogue has the message itself (not through English).
    pub fn has(&self, id: &str) -> bool {
        self.bundle.get_message(id).and_then(|m| m.value()).is_some()
    }

    /// A message with no arguments.
    pub fn t(&self, id: &str) -> String {
        self.ta(id, &[])
    }

    /// A message with arguments. A message this catalogue lacks comes from
    /// English; one English lacks too (a bug the catalogue test catches) is
    /// its id, so it shows rather than vanishes.
    pub fn ta(&self, id: &str, args: &[(&str, Arg)]) -> String {
        let mut fa = FluentArgs::new();
        for (k, v) in args {
            match v {
                Arg::Num(n) => fa.set(*k, FluentValue::from(*n)),
                Arg::Text(s) => fa.set(*k, FluentValue::from(s.as_ref())),
            }
        }
        if let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            return self.bundle.format_pattern(pattern, Some(&fa), &mut errors).into_owned();
        }
        let en = english();
        if !std::ptr::eq(self, en) {
            return en.ta(id, args);
        }
        id.to_string()
    }

    /// The report page's own words in this language: (id, text) for every
    /// message of `locales/en/www.ftl` (English where this language lacks one).
    pub fn page_messages(&self) -> Vec<(String, String)> {
        message_ids(PAGE[0].1)
            .into_iter()
            .map(|id| {
                let text = self.t(&id);
                (id, text)
            })
            .collect()
    }

    /// Every message id this catalogue defines (the core's and the report page's).
    pub fn ids(&self) -> Vec<String> {
        let (_, ftl) = SHIPPED.iter().find(|s| s.0 == self.tag).copied().unwrap_or(SHIPPED[0]);
        let (_, page) = PAGE.iter().find(|s| s.0 == self.tag).copied().unwrap_or(PAGE[0]);
        let mut ids = message_ids(ftl);
        ids.extend(message_ids(page));
        ids
    }
}

/// The message ids an FTL text defines (terms and comments left out).
pub fn message_ids(ftl: &str) -> Vec<String> {
    let resource = match FluentResource::try_new(ftl.to_string()) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    resource
        .entries()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
#[path = "../../tests/unit/l10n.rs"]
mod tests;
