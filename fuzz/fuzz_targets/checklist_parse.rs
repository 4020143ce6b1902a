//! Fuzz target for checklist-definition parsing: feeds arbitrary bytes, when
//! they are UTF-8, to `selfcheck::model::Checklist::parse`. Parsing must never
//! panic. A definition it accepts must also fingerprint (`sha256`) and grade,
//! and the example assessment on it must export and import back with a valid
//! digest (a custom checklist travels embedded in the report).

#![no_main]

use libfuzzer_sys::fuzz_target;
use selfcheck::model::import::{import, DigestCheck};
use selfcheck::fixtures::sample;
use selfcheck::model::{report, Checklist};

fuzz_target!(|data: &[u8]| {
    let Ok(json) = std::str::from_utf8(data) else {
        return;
    };
    let checklist = match Checklist::parse(json) {
        Ok(checklist) => checklist,
        Err(problems) => {
            assert!(!problems.is_empty());
            return;
        }
    };
    let _ = checklist.sha256();
    let _ = checklist.grade(50.0);

    let assessment = sample::sample_assessment(&checklist);
    let (_, exported) = report::export_current(&checklist, &assessment);
    let builtin = Checklist::builtin();
    let result = import(exported.as_bytes(), &[builtin]);
    // A definition with the built-in id and version is read as the built-in
    // one (a known checklist wins over an embedded one), so only other ids
    // must come back. (Answers and summary are not compared: the example
    // assessment may hold a score validation would refuse, e.g. on a
    // 0.5-point item, which export clamps.)
    if checklist.id != builtin.id || checklist.version != builtin.version {
        let imported = result.unwrap_or_else(|e| panic!("export does not import: {e:?}"));
        assert_eq!(imported.digest, DigestCheck::Valid);
        assert!(imported.checklist_from_report());
    }
});
