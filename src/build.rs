//! Ships the built-in checklist minified: `content/builtin-checklist.json`
//! stays readable for editors, while the copy compiled into the app drops
//! its indentation (about 21 KB of the shipped WebAssembly). The checklist's
//! fingerprint is computed from the parsed definition, so it is unchanged.

use std::{env, fs, path::Path};

fn main() {
    let source = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/content/builtin-checklist.json"
    );
    println!("cargo:rerun-if-changed={source}");
    let text = fs::read_to_string(source).expect("content/builtin-checklist.json is readable");
    let value: serde_json::Value =
        serde_json::from_str(&text).expect("content/builtin-checklist.json is JSON");
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("builtin-checklist.min.json");
    fs::write(out, value.to_string()).expect("OUT_DIR is writable");
}
