//! Writes a generated set of report files for the reviewer desk (汇总审阅):
//! N valid reports of the built-in checklist, plus 3 tampered, 3 invalid,
//! 2 duplicate and 2 reports of the example township checklist
//! (examples/township-checklist.json, embedded in those reports).
//!
//! `cargo run --example gen_reports -- OUT_DIR N [SEED]` (SEED defaults to 1).
//! It also reads the set back through the desk and prints how long that took
//! natively (meaningful with `--release` only; the browser figure comes from
//! the benchmark).
//!
//! `cargo run --example gen_reports -- --resubmissions OUT_DIR [SEED]` writes
//! instead a set in which units resubmit (genuine reports with altered
//! copies, corrections, an altered copy claiming to be newer, identical
//! copies, invalid files; `fixtures::resubmissions`), and beside the folder
//! `OUT_DIR.expected.json`: for each unit and year the file that must count,
//! for each file the kinds of finding the desk must report.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use selfcheck::fixtures::reports::generate_review_set;
use selfcheck::fixtures::resubmissions::generate_resubmission_set;
use selfcheck::model::desk::Desk;
use selfcheck::model::Checklist;

/// Writes `files` into `dir`; the total size in bytes.
fn write_all(dir: &std::path::Path, files: &[(String, Vec<u8>)]) -> Result<usize, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let mut bytes = 0;
    for (name, content) in files {
        let path = dir.join(name);
        std::fs::write(&path, content)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        bytes += content.len();
    }
    Ok(bytes)
}

/// The resubmission set and its manifest of what the desk must conclude.
fn resubmissions(dir: &str, seed: u64, other: &Checklist) -> ExitCode {
    let (files, expected) = generate_resubmission_set(seed, other);
    let dir = PathBuf::from(dir);
    if let Err(e) = write_all(&dir, &files) {
        eprintln!("{e}");
        return ExitCode::FAILURE;
    }
    let counted: Vec<serde_json::Value> = expected
        .counted
        .iter()
        .map(|((unit, year), file)| serde_json::json!({ "unit": unit, "year": year, "file": file }))
        .collect();
    let (unit, year, newest, fallback) = &expected.awaiting;
    let manifest = serde_json::json!({
        "counted": counted,
        "findings": expected.findings,
        "awaiting": { "unit": unit, "year": year, "newest": newest, "counted": fallback },
    });
    let path = PathBuf::from(format!("{}.expected.json", dir.display()));
    let text = serde_json::to_string_pretty(&manifest).expect("serialises") + "\n";
    if let Err(e) = std::fs::write(&path, text) {
        eprintln!("cannot write {}: {e}", path.display());
        return ExitCode::FAILURE;
    }
    println!(
        "wrote {} files ({} units and years) to {}, and {}",
        files.len(),
        expected.counted.len(),
        dir.display(),
        path.display()
    );
    ExitCode::SUCCESS
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let other = Checklist::parse(include_str!("township-checklist.json"))
        .expect("the example township checklist is valid");
    if args.first().map(String::as_str) == Some("--resubmissions") {
        let seed = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1);
        return match args.get(1) {
            Some(dir) => resubmissions(dir, seed, &other),
            None => {
                eprintln!("usage: gen_reports --resubmissions OUT_DIR [SEED]");
                ExitCode::from(2)
            }
        };
    }
    let usage = "usage: gen_reports OUT_DIR N [SEED]";
    let (dir, n, seed) = match args.as_slice() {
        [dir, n] => (dir, n.parse::<usize>().ok(), Some(1)),
        [dir, n, seed] => (dir, n.parse::<usize>().ok(), seed.parse::<u64>().ok()),
        _ => {
            eprintln!("{usage}");
            return ExitCode::from(2);
        }
    };
    let (Some(n), Some(seed)) = (n, seed) else {
        eprintln!("{usage} (N and SEED are whole numbers)");
        return ExitCode::from(2);
    };
    let dir = PathBuf::from(dir);
    let files = generate_review_set(n, seed, &other);
    let bytes = match write_all(&dir, &files) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    println!(
        "wrote {} files ({n} valid + 3 altered + 3 invalid + 2 corrections + 2 of {} {}), {:.1} MB, to {}",
        files.len(),
        other.id,
        other.version,
        bytes as f64 / 1_048_576.0,
        dir.display()
    );
    let start = Instant::now();
    let mut desk = Desk::new();
    let known = [std::rc::Rc::new(Checklist::builtin().clone())];
    for (name, content) in &files {
        desk.add(name, content, &known);
    }
    let c = desk.counts();
    println!(
        "desk: {} counted in {} groups, {} superseded, {} invalid, {} need attention; processed in {:.1} ms ({} build)",
        c.counted,
        desk.groups().len(),
        c.superseded,
        c.invalid,
        c.attention,
        start.elapsed().as_secs_f64() * 1e3,
        if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        }
    );
    ExitCode::SUCCESS
}
