//! Data build step: compiles the vendored sources in `data/` into the compact
//! assets the core embeds (range tables, the serialised filter engine, the
//! entity map and the provenance records). Everything lands in `OUT_DIR`;
//! nothing here is committed. The range tables and the engines are written as
//! two data packs (`src/data/pack.rs`): native builds embed them, the wasm
//! shells ship them beside the module.

mod codegen;
mod geo;
mod matcher;
#[path = "../src/data/pack.rs"]
#[allow(dead_code)]
mod pack;
mod psl;

use std::path::{Path, PathBuf};

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR"));
    let data = root.join("data");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"));
    println!("cargo:rerun-if-changed=build");
    // The core's files this step includes to write what the core reads.
    for f in ["src/data/pack.rs", "src/locate/encode.rs", "src/classify/matcher/layout.rs"] {
        println!("cargo:rerun-if-changed={}", root.join(f).display());
    }
    for f in ["sources.toml", "apps.toml", "entities.toml", "entities-listed.toml", "jurisdictions.toml", "lists", "geo"] {
        println!("cargo:rerun-if-changed={}", data.join(f).display());
    }

    let sources = codegen::read_sources(&data);
    codegen::write_sources(&sources, &out);
    codegen::write_entities(&data.join("entities.toml"), &data.join("entities-listed.toml"), &sources, &out);
    codegen::write_jurisdictions(&data.join("jurisdictions.toml"), &out);
    codegen::write_apps(&data.join("apps.toml"), &data.join("entities.toml"), &out);
    matcher::write_engine(&data.join("lists"), &out);
    psl::write_psl(&data.join("psl/public_suffix_list.dat"), &out);
    geo::write_tables(&data, &sources, &out);
}

/// Reads a file or stops the build with a message naming it.
pub fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("data build: cannot read {}: {e}", path.display()))
}

/// Writes a file into OUT_DIR, only when its content changed (keeps rebuilds incremental).
pub fn write(path: &Path, bytes: &[u8]) {
    if std::fs::read(path).ok().as_deref() == Some(bytes) {
        return;
    }
    std::fs::write(path, bytes).unwrap_or_else(|e| panic!("data build: cannot write {}: {e}", path.display()));
}
