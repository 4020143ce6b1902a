//! Fuzz target for report import: feeds arbitrary bytes to
//! `selfcheck::model::import::import` with the built-in checklist. Import reads
//! files of any provenance and must never panic: every input ends in `Ok` or in
//! an `ImportError` whose zh/en message can be built.

#![no_main]

use libfuzzer_sys::fuzz_target;
use selfcheck::model::import::import;
use selfcheck::model::report;
use selfcheck::model::Checklist;

fuzz_target!(|data: &[u8]| {
    match import(data, &[Checklist::builtin()]) {
        Ok(imported) => {
            // An imported report exports again (the reviewer's and the
            // carry-forward path), and reads back as the same assessment.
            let builtin = [Checklist::builtin()];
            let checklist = imported.checklist(&builtin);
            let (_, json) = report::export_current(checklist, &imported.assessment);
            let again = import(json.as_bytes(), &[checklist]).expect("an exported report imports");
            assert_eq!(again.assessment, imported.assessment);
        }
        Err(e) => {
            let message = e.message();
            assert!(!message.zh.is_empty() && !message.en.is_empty());
        }
    }
});
