//! Benchmark: the reviewer desk reading a folder of report files, natively.
//! `cargo run --release --example bench_desk -- DIR` (a set written by
//! `gen_reports`) — prints the time of `Desk::add` over every file and the
//! dashboard of the largest group (as the page times it), reading excluded, over 5 runs, and one JSON line (prefixed `json:`) for
//! bench/run.mjs. The in-page figure is measured there; this one separates the
//! model's share from the browser's.

use std::time::Instant;

use selfcheck::model::desk::dashboard::dashboard;
use selfcheck::model::desk::Desk;
use selfcheck::model::Checklist;

fn main() {
    let dir = std::env::args().nth(1).expect("usage: bench_desk DIR");
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .expect("a readable folder")
        .filter_map(|e| e.ok())
        .map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            (name, std::fs::read(e.path()).expect("a readable file"))
        })
        .collect();
    files.sort();
    let known = [std::rc::Rc::new(Checklist::builtin().clone())];
    let mut times = Vec::new();
    let mut accepted = 0;
    for _ in 0..5 {
        let t = Instant::now();
        let mut desk = Desk::new();
        for (name, bytes) in &files {
            desk.add(name, bytes, &known);
        }
        if let Some(&g) = desk.groups_by_size().first() {
            std::hint::black_box(dashboard(&desk.groups()[g], "2027-03-01"));
        }
        times.push(t.elapsed().as_secs_f64() * 1e3);
        accepted = desk.accepted();
    }
    times.sort_by(f64::total_cmp);
    println!(
        "desk: {} files, {} accepted, min {:.1} ms, median {:.1} ms, max {:.1} ms",
        files.len(),
        accepted,
        times[0],
        times[2],
        times[4]
    );
    println!(
        "json: {{\"files\":{},\"accepted\":{},\"runs\":{},\"min_ms\":{:.2},\"median_ms\":{:.2},\"max_ms\":{:.2}}}",
        files.len(),
        accepted,
        times.len(),
        times[0],
        times[2],
        times[4]
    );
}
