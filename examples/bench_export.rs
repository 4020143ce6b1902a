//! Benchmark: JSON export with digest of a fully answered assessment, natively.
//! `cargo run --release --example bench_export` — prints median/p95 in ms, and
//! one JSON line (prefixed `json:`) for bench/run.mjs. See docs/benchmark.md.
//!
//! `-- --write-generated FILE` only writes the generated 1,000-item checklist
//! (the one `--features bench-large` builds into the app) as JSON to FILE, for
//! the SurveyJS side of the benchmark.

use std::hint::black_box;
use std::time::{Duration, Instant};

use selfcheck::fixtures::checklist::generated;
use selfcheck::fixtures::sample::sample_assessment;
use selfcheck::model::report::export_current;
use selfcheck::model::Checklist;

struct Figures {
    iterations: usize,
    bytes: usize,
    median_ms: f64,
    p95_ms: f64,
    min_ms: f64,
}

/// Times `export_current` for at least `budget` wall time (and at least 50 runs).
fn measure(checklist: &Checklist, budget: Duration) -> Figures {
    let assessment = sample_assessment(checklist);
    let (_, json) = export_current(checklist, &assessment);
    // Warm-up: allocator and caches.
    for _ in 0..10 {
        black_box(export_current(black_box(checklist), black_box(&assessment)));
    }
    let mut times = Vec::new();
    let start = Instant::now();
    while times.len() < 50 || (start.elapsed() < budget && times.len() < 10_000) {
        let t = Instant::now();
        black_box(export_current(black_box(checklist), black_box(&assessment)));
        times.push(t.elapsed().as_secs_f64() * 1e3);
    }
    times.sort_by(f64::total_cmp);
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    Figures {
        iterations: times.len(),
        bytes: json.len(),
        median_ms: at(0.5),
        p95_ms: at(0.95),
        min_ms: times[0],
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, file] = args.as_slice() {
        if flag == "--write-generated" {
            let json = serde_json::to_string(&generated(1000)).expect("serialises");
            std::fs::write(file, json).expect("writes the generated checklist");
            return;
        }
    }
    let budget = Duration::from_secs(2);
    let builtin = measure(Checklist::builtin(), budget);
    let large = measure(&generated(1000), budget);
    for (name, f) in [("built-in checklist", &builtin), ("1,000 items", &large)] {
        println!(
            "export_current, {name}: {} runs, {} bytes of JSON, median {:.3} ms, p95 {:.3} ms, min {:.3} ms",
            f.iterations, f.bytes, f.median_ms, f.p95_ms, f.min_ms
        );
    }
    let obj = |f: &Figures| {
        format!(
            "{{\"iterations\":{},\"bytes\":{},\"median_ms\":{:.4},\"p95_ms\":{:.4},\"min_ms\":{:.4}}}",
            f.iterations, f.bytes, f.median_ms, f.p95_ms, f.min_ms
        )
    };
    println!(
        "json: {{\"builtin\":{},\"generated_1000\":{}}}",
        obj(&builtin),
        obj(&large)
    );
}
