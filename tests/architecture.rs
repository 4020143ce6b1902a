//! The rooms' boundaries (docs/architecture.md): the model knows nothing of
//! the browser or the interface, the browser glue nothing of the interface,
//! and the fixtures never ship in the app.

use std::fs;
use std::path::{Path, PathBuf};

fn sources(dir: &str) -> Vec<(PathBuf, String)> {
    fn walk(p: &Path, out: &mut Vec<(PathBuf, String)>) {
        for e in fs::read_dir(p).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                let text = fs::read_to_string(&p).unwrap();
                out.push((p, text));
            }
        }
    }
    let mut out = Vec::new();
    walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join(dir), &mut out);
    assert!(!out.is_empty(), "no sources under {dir}");
    out
}

/// Lines that are code (not comments) naming one of `names`. The benchmark
/// build's swap of the built-in checklist (`bench-large`, never shipped) is
/// the one exception: code within a few lines of that attribute.
fn uses(files: &[(PathBuf, String)], names: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for (path, text) in files {
        let lines: Vec<&str> = text.lines().collect();
        for (n, line) in lines.iter().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            let bench = lines[n.saturating_sub(5)..n]
                .iter()
                .any(|l| l.contains("#[cfg(feature = \"bench-large\")]"));
            if !bench && names.iter().any(|x| code.contains(x)) {
                found.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
            }
        }
    }
    found
}

const BROWSER_CRATES: &[&str] = &["web_sys", "gloo", "wasm_bindgen", "js_sys", "yew"];

#[test]
fn the_model_uses_neither_the_browser_nor_the_interface() {
    let model = sources("src/model");
    let mut names = vec!["crate::ui", "crate::browser", "crate::fixtures"];
    names.extend(BROWSER_CRATES);
    assert_eq!(uses(&model, &names), Vec::<String>::new());
}

#[test]
fn the_browser_glue_does_not_use_the_interface() {
    let browser = sources("src/browser");
    assert_eq!(
        uses(&browser, &["crate::ui", "yew::", "crate::fixtures"]),
        Vec::<String>::new()
    );
}

#[test]
fn the_interface_does_not_use_the_fixtures() {
    let ui = sources("src/ui");
    assert_eq!(uses(&ui, &["crate::fixtures"]), Vec::<String>::new());
    let lib = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs")).unwrap();
    assert!(
        lib.contains("#[cfg(feature = \"fixtures\")]\npub mod fixtures;"),
        "fixtures must stay behind their feature"
    );
}

#[test]
fn the_negative_control_finds_a_forbidden_use() {
    let fake = vec![(
        PathBuf::from("x.rs"),
        "use crate::ui::state;\n// crate::browser in a comment\n".to_string(),
    )];
    assert_eq!(uses(&fake, &["crate::ui", "crate::browser"]).len(), 1);
}

#[test]
fn the_office_writers_stay_out_of_the_app_and_away_from_the_browser() {
    let office = sources("src/office");
    let mut names = vec!["crate::ui", "crate::browser", "crate::fixtures"];
    names.extend(BROWSER_CRATES);
    assert_eq!(uses(&office, &names), Vec::<String>::new());
    // The app's screens and glue never name the writers: only the on-demand
    // office module (src/bin/office.rs) and the desk's module reach them, so
    // the linker leaves them out of the app's own module.
    let mut app = sources("src/ui");
    app.extend(sources("src/browser"));
    app.extend(sources("src/model"));
    let writers = ["crate::office", "docx_rs", "rust_xlsxwriter"];
    assert_eq!(uses(&app, &writers), Vec::<String>::new());
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let main = fs::read_to_string(root.join("src/main.rs")).unwrap();
    assert!(!main.contains("office"));
}
