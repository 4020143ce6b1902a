//! Writes the table files committed beside the examples, from their sources:
//! examples/county-table.xlsx and examples/county-table.csv from
//! examples/county-checklist.json (the county-style 考核细则 the journeys
//! load), and examples/checklist-template.xlsx (the template the app offers
//! for download). Re-run after the table writer or the example changes:
//!
//! `cargo run --example make_tables`
//!
//! `tests/model_table.rs` checks the committed files are what this writes.

use std::path::Path;

use selfcheck::model::table::{template_xlsx, write_csv};
use selfcheck::model::Checklist;
use selfcheck::office::write_xlsx;

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let json =
        std::fs::read_to_string(dir.join("county-checklist.json")).expect("the county example");
    let county =
        Checklist::parse(&json).unwrap_or_else(|p| panic!("the county example is invalid: {p:?}"));
    for (name, bytes) in [
        ("county-table.xlsx", write_xlsx(&county)),
        ("county-table.csv", write_csv(&county)),
        ("checklist-template.xlsx", template_xlsx()),
    ] {
        std::fs::write(dir.join(name), &bytes).expect("examples/ is writable");
        println!("examples/{name}: {} bytes", bytes.len());
    }
}
