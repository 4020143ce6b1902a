//! Writes a generated set of report files for the reviewer desk (汇总审阅):
//! N valid reports of the built-in checklist, plus 3 tampered, 3 invalid,
//! 2 duplicate and 2 reports of the example township checklist
//! (examples/township-checklist.json, embedded in those reports).
//!
//! `cargo run --example gen_reports -- OUT_DIR N [SEED]` (SEED defaults to 1).
//! It also reads the set back through the desk and prints how long that took
//! natively (meaningful with `--release` only; the browser figure comes from
//! the benchmark).

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use selfcheck::fixtures::reports::generate_review_set;
use selfcheck::model::desk::Desk;
use selfcheck::model::Checklist;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
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
    let other = Checklist::parse(include_str!("township-checklist.json"))
        .expect("the example township checklist is valid");
    let dir = PathBuf::from(dir);
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("cannot create {}: {e}", dir.display());
        return ExitCode::FAILURE;
    }
    let files = generate_review_set(n, seed, &other);
    let mut bytes = 0;
    for (name, content) in &files {
        let path = dir.join(name);
        if let Err(e) = std::fs::write(&path, content) {
            eprintln!("cannot write {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
        bytes += content.len();
    }
    println!(
        "wrote {} files ({n} valid + 3 tampered + 3 invalid + 2 duplicates + 2 of {} {}), {:.1} MB, to {}",
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
    println!(
        "desk: {} rows in {} groups, {} rejected, {} flagged; processed in {:.1} ms ({} build)",
        desk.accepted(),
        desk.groups().len(),
        desk.rejected().len(),
        desk.flagged().len(),
        start.elapsed().as_secs_f64() * 1e3,
        if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        }
    );
    ExitCode::SUCCESS
}
