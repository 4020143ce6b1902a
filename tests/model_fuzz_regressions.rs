//! Fuzz regressions: every input in tests/corpus/fuzz-regressions/ (crashes
//! found by `scripts/fuzz`, and hand-made tricky inputs) goes to its entry
//! point, chosen by the file-name prefix, and must be refused cleanly: no
//! panic, an `Err` with a message. See the folder's README.md.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;

use selfcheck::model::import::{import, ImportError};
use selfcheck::model::{Checklist, Lang};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/fuzz-regressions");

/// The inputs of the folder, by target: (file name, bytes).
fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(DIR)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter_map(|p: PathBuf| {
            let name = p.file_name()?.to_str()?.to_string();
            name.starts_with(&format!("{target}-"))
                .then(|| (name, std::fs::read(&p).unwrap()))
        })
        .collect();
    out.sort();
    out
}

/// Runs `check` on every input of `target`; collects panics and failed checks.
fn run_all(target: &str, check: impl Fn(&[u8]) -> Result<(), String>) {
    let files = inputs(target);
    assert!(!files.is_empty(), "no {target}-* inputs in {DIR}");
    let mut wrong = Vec::new();
    for (name, bytes) in &files {
        match catch_unwind(AssertUnwindSafe(|| check(bytes))) {
            Ok(Ok(())) => {}
            Ok(Err(why)) => wrong.push(format!("{name}: {why}")),
            Err(_) => wrong.push(format!("{name}: panicked")),
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn every_file_is_for_a_known_target() {
    let unknown: Vec<String> = std::fs::read_dir(DIR)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "README.md")
        .filter(|n| !n.starts_with("report_import-") && !n.starts_with("checklist_parse-"))
        .collect();
    assert!(
        unknown.is_empty(),
        "files not named <target>-<hash>.bin: {unknown:?}"
    );
}

#[test]
fn report_import_inputs_are_refused_without_panicking() {
    run_all("report_import", |bytes| {
        match import(bytes, &[Checklist::builtin()]) {
            Ok(_) => Err("imported; expected an ImportError".into()),
            Err(e) => {
                let m = e.message();
                if m.tr(Lang::Zh).is_empty() || m.tr(Lang::En).is_empty() {
                    Err(format!("{e:?} has an empty message"))
                } else {
                    Ok(())
                }
            }
        }
    });
}

#[test]
fn checklist_parse_inputs_are_refused_without_panicking() {
    run_all("checklist_parse", |bytes| {
        // The fuzz target only passes UTF-8 on, so every input here is UTF-8.
        let json = std::str::from_utf8(bytes).map_err(|_| "not UTF-8".to_string())?;
        match Checklist::parse(json) {
            Ok(_) => Err("parsed; expected definition problems".into()),
            Err(problems) if problems.is_empty() => Err("Err with no problems".into()),
            Err(problems) => problems
                .iter()
                .all(|p| !p.message.tr(Lang::Zh).is_empty() && !p.message.tr(Lang::En).is_empty())
                .then_some(())
                .ok_or_else(|| "a problem has an empty message".into()),
        }
    });
}

/// The hand-made inputs fail for the reason they were made for.
#[test]
fn hand_made_inputs_fail_for_their_reason() {
    let read = |f: &str| std::fs::read(format!("{DIR}/{f}")).unwrap();
    let imp = |f: &str| import(&read(f), &[Checklist::builtin()]).unwrap_err();
    assert_eq!(imp("report_import-deep-nesting.bin"), ImportError::TooDeep);
    assert_eq!(
        imp("report_import-version-u64-overflow.bin"),
        ImportError::BadVersion
    );
    assert!(matches!(
        imp("report_import-huge-numbers.bin"),
        ImportError::Field { ref path, .. } if path == "year"
    ));
    let parse = |f: &str| Checklist::parse(std::str::from_utf8(&read(f)).unwrap()).unwrap_err();
    // 10,000 nested arrays where a list of strings belongs: refused at the
    // first unexpected token, with its position, not by overflowing the stack.
    let deep = parse("checklist_parse-deep-nesting.bin");
    assert!(deep[0].path.starts_with("line "), "{deep:?}");
    let huge = parse("checklist_parse-huge-numbers.bin");
    for path in [
        "parts[0].groups[0].items[0].points",
        "grade_bands[0].min",
        "parts",
    ] {
        assert!(huge.iter().any(|p| p.path == path), "{path}: {huge:?}");
    }
}
