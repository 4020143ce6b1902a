//! Benchmark: the office writers, natively. `cargo run --release --example
//! bench_office` prints, as median (min–max) of several runs: the full
//! built-in report of the realistic assessment → .docx, the annual and 述法
//! drafts → .docx, and the reviewer desk of 1,000 generated reports →
//! .xlsx (the desk's reading of the files timed apart). One JSON line
//! (prefixed `json:`) for the benchmark runner. See docs/benchmark.md.

use std::hint::black_box;
use std::rc::Rc;
use std::time::Instant;

use selfcheck::fixtures::realistic::realistic_assessment;
use selfcheck::fixtures::reports::generate_review_set;
use selfcheck::model::desk::Desk;
use selfcheck::model::{Checklist, Lang};
use selfcheck::office;

/// (median, min, max) in ms of `runs` calls, and the size of what the last one made.
fn time(runs: usize, mut f: impl FnMut() -> usize) -> (f64, f64, f64, usize) {
    let mut bytes = f(); // warm-up
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            bytes = black_box(f());
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    times.sort_by(f64::total_cmp);
    (
        times[times.len() / 2],
        times[0],
        times[times.len() - 1],
        bytes,
    )
}

fn main() {
    let c = Checklist::builtin();
    let a = realistic_assessment(c);
    let report = time(20, || {
        office::report_docx(c, &a, "2027-03-01", Lang::Zh)
            .unwrap()
            .len()
    });
    let annual = time(20, || office::annual_docx(c, &a, Lang::Zh).unwrap().len());
    let head = time(20, || office::head_docx(c, &a, Lang::Zh).unwrap().len());

    let other = Checklist::parse(include_str!("township-checklist.json")).unwrap();
    let files = generate_review_set(1000, 1, &other);
    let known = [Rc::new(c.clone())];
    let t = Instant::now();
    let mut desk = Desk::new();
    for (name, bytes) in &files {
        desk.add(name, bytes, &known);
    }
    let read_ms = t.elapsed().as_secs_f64() * 1e3;
    let g = desk.groups_by_size()[0];
    let rows = desk.groups()[g].slots().count();
    let xlsx = time(5, || {
        office::desk_xlsx(&desk, g, "2027-09-01", Lang::Zh)
            .unwrap()
            .len()
    });

    let build = if cfg!(debug_assertions) {
        "debug (use --release)"
    } else {
        "release"
    };
    let line = |what: &str, (med, min, max, bytes): (f64, f64, f64, usize)| {
        println!("{what:<52} {med:8.1} ms ({min:.1}–{max:.1}), {bytes} bytes");
    };
    println!("office writers, native {build} build:");
    line("self-assessment report (52 items) → .docx", report);
    line("annual-report draft → .docx", annual);
    line("述法 draft → .docx", head);
    println!(
        "{:<52} {read_ms:8.1} ms (once)",
        format!("desk: {} files read and checked", files.len())
    );
    line(&format!("desk workbook ({rows} reports) → .xlsx"), xlsx);
    println!(
        "json: {{\"report_docx_ms\":{:.2},\"annual_docx_ms\":{:.2},\"head_docx_ms\":{:.2},\"desk_xlsx_ms\":{:.2},\"desk_rows\":{rows},\"report_docx_bytes\":{},\"desk_xlsx_bytes\":{}}}",
        report.0, annual.0, head.0, xlsx.0, report.3, xlsx.3
    );
}
