//! Compiles the ip-location-db CSVs (read straight out of the published npm
//! tarballs) into flat, sorted, disjoint range tables.
//!
//! The sources overlap (~640 IPv4 rows in the country table); the most specific
//! range wins, and among equal sizes the later row. The output covers the whole
//! address space: gaps carry the "none" value, and neighbours with equal values
//! are merged. The byte layout is written by `src/locate/encode.rs`, which the
//! core shares with this step.

use std::collections::{BTreeMap, HashMap};
use std::io::Read;
use std::path::Path;

use super::codegen::Source;

#[path = "../src/locate/encode.rs"]
#[allow(dead_code)]
mod encode;

pub fn write_tables(data: &Path, sources: &[Source], out: &Path) {
    let country = tarball(data, sources, "geo-country");
    let asn = tarball(data, sources, "geo-asn");
    // Sections in the order `Locator::from_pack` reads them.
    let mut tables: Vec<Vec<u8>> = Vec::new();

    for (v6, file, width) in [(false, "geo-whois-asn-country-ipv4-num.csv", 4), (true, "geo-whois-asn-country-ipv6-num.csv", 16)] {
        let rows = parse_rows(&country, file, |rec| {
            let cc = rec.get(2).unwrap_or("");
            let cc = cc.as_bytes();
            (cc.len() == 2 && cc.iter().all(u8::is_ascii_uppercase)).then(|| u32::from(cc[0]) << 8 | u32::from(cc[1]))
        });
        let flat = flatten(rows, space(v6));
        tables.push(encode::range_table(&flat, width));
    }

    let mut names: HashMap<u32, String> = HashMap::new();
    for (v6, file, width) in [(false, "asn-ipv4-num.csv", 4), (true, "asn-ipv6-num.csv", 16)] {
        let rows = parse_rows(&asn, file, |rec| {
            let n: u32 = rec.get(2)?.parse().ok()?;
            let org = rec.get(3).unwrap_or("").trim();
            if !org.is_empty() {
                names.entry(n).or_insert_with(|| org.to_string());
            }
            (n != 0).then_some(n)
        });
        let flat = flatten(rows, space(v6));
        tables.push(encode::range_table(&flat, width));
    }
    tables.push(encode_names(names));
    let sections: Vec<&[u8]> = tables.iter().map(Vec::as_slice).collect();
    super::write(&out.join("locations.bin"), &super::pack::write(&sections));
}

fn space(v6: bool) -> u128 {
    if v6 {
        u128::MAX
    } else {
        u128::from(u32::MAX)
    }
}

/// All files of the source's tarball, by name without the leading `package/`.
fn tarball(data: &Path, sources: &[Source], id: &str) -> HashMap<String, Vec<u8>> {
    let src = sources.iter().find(|s| s.id == id).unwrap_or_else(|| panic!("data build: sources.toml has no `{id}`"));
    let path = data.join(&src.files[0]);
    let gz = flate2::read::GzDecoder::new(std::io::Cursor::new(super::read(&path)));
    let mut archive = tar::Archive::new(gz);
    let mut files = HashMap::new();
    for entry in archive.entries().unwrap_or_else(|e| panic!("data build: {}: {e}", path.display())) {
        let mut entry = entry.unwrap_or_else(|e| panic!("data build: {}: {e}", path.display()));
        let name = entry.path().map(|p| p.to_string_lossy().trim_start_matches("package/").to_string()).unwrap_or_default();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).unwrap_or_else(|e| panic!("data build: {}: {e}", path.display()));
        files.insert(name, bytes);
    }
    files
}

type Row = (u128, u128, u32);

fn parse_rows(files: &HashMap<String, Vec<u8>>, name: &str, mut value: impl FnMut(&csv::StringRecord) -> Option<u32>) -> Vec<Row> {
    let bytes = files.get(name).unwrap_or_else(|| panic!("data build: tarball lacks {name}"));
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(&bytes[..]);
    let mut rows = Vec::new();
    for (line, rec) in reader.records().enumerate() {
        let rec = rec.unwrap_or_else(|e| panic!("data build: {name}:{}: {e}", line + 1));
        let parse = |i: usize| -> u128 { rec.get(i).and_then(|s| s.parse().ok()).unwrap_or_else(|| panic!("data build: {name}:{}: bad address", line + 1)) };
        let (start, end) = (parse(0), parse(1));
        assert!(start <= end, "data build: {name}:{}: start after end", line + 1);
        if let Some(v) = value(&rec) {
            rows.push((start, end, v));
        }
    }
    assert!(!rows.is_empty(), "data build: {name} has no rows");
    rows
}

/// Paints ranges largest first so smaller (more specific) ranges overwrite them,
/// then walks the result into (start, value) pairs covering the whole space.
/// Value 0 means "no data".
pub fn flatten(mut rows: Vec<Row>, max: u128) -> Vec<(u128, u32)> {
    rows.sort_by_key(|r| std::cmp::Reverse(r.1 - r.0)); // stable: later rows win ties
    let mut map: BTreeMap<u128, (u128, u32)> = BTreeMap::new();
    for (s, e, v) in rows {
        let hits: Vec<(u128, (u128, u32))> = map.range(..=e).rev().take_while(|(_, &(end, _))| end >= s).map(|(&a, &b)| (a, b)).collect();
        for (a, (b, old)) in hits {
            map.remove(&a);
            if a < s {
                map.insert(a, (s - 1, old));
            }
            if b > e {
                map.insert(e + 1, (b, old));
            }
        }
        map.insert(s, (e, v));
    }
    let mut flat: Vec<(u128, u32)> = Vec::with_capacity(map.len() * 2);
    let push = |start: u128, v: u32, flat: &mut Vec<(u128, u32)>| {
        if flat.last().map(|l| l.1) != Some(v) {
            flat.push((start, v));
        }
    };
    let mut next = 0u128;
    for (s, (e, v)) in map {
        assert!(e <= max, "data build: address beyond the table's space");
        if s > next {
            push(next, 0, &mut flat);
        }
        push(s, v, &mut flat);
        next = e.wrapping_add(1);
    }
    if next != 0 && next <= max {
        push(next, 0, &mut flat);
    }
    flat
}

/// The names sorted by ASN.
fn encode_names(names: HashMap<u32, String>) -> Vec<u8> {
    let mut sorted: Vec<(u32, &str)> = names.iter().map(|(&asn, name)| (asn, name.as_str())).collect();
    sorted.sort_unstable();
    encode::name_table(&sorted)
}
