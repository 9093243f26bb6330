//! Compiles `resources/embeddings.tsv` into the table the tagger reads in
//! place (`src/embeddings.rs`, included here so both sides share one
//! format and one hash), written to `$OUT_DIR/embeddings.bin`.

#[allow(dead_code)]
#[path = "src/hash.rs"]
mod hash;

#[allow(dead_code)]
#[path = "src/embeddings.rs"]
mod embeddings;

fn main() {
    const SOURCE: &str = "resources/embeddings.tsv";
    println!("cargo::rerun-if-changed={SOURCE}");
    println!("cargo::rerun-if-changed=src/embeddings.rs");
    println!("cargo::rerun-if-changed=src/hash.rs");
    let text = std::fs::read_to_string(SOURCE)
        .unwrap_or_else(|e| panic!("chronicle-ner: cannot read {SOURCE}: {e}"));
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("embeddings.bin");
    std::fs::write(&out, embeddings::compile(&text))
        .unwrap_or_else(|e| panic!("chronicle-ner: cannot write {}: {e}", out.display()));
}
