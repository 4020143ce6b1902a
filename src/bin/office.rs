//! The Word writer and the drafts' prose as an on-demand WebAssembly module
//! (`browser::lazy`): a unit that never downloads a .docx never downloads
//! docx-rs. The app hands over the checklist and the assessment as JSON (as
//! it stores them) and gets the file's bytes back (or, for the drafts shown
//! on 自查结果, their text); the draft itself is never touched. The Excel
//! writer, which only the reviewer desk uses, is a module of its own
//! (`src/bin/sheets.rs`), so a unit's edition can leave it out.

use selfcheck::model::annual::Drafts;
use selfcheck::model::{Assessment, Checklist, Lang};
use selfcheck::office::{annual_docx, head_docx, report_docx, OfficeError};
use wasm_bindgen::prelude::wasm_bindgen;

#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// What the app sent, read back.
fn read(checklist: &str, assessment: &str) -> Result<(Checklist, Assessment), String> {
    let c = serde_json::from_str(checklist).map_err(|e| format!("checklist: {e}"))?;
    let a = serde_json::from_str(assessment).map_err(|e| format!("assessment: {e}"))?;
    Ok((c, a))
}

fn lang_of(tag: &str) -> Lang {
    Lang::from_tag(tag).unwrap_or_default()
}

fn reason(e: OfficeError) -> String {
    e.detail
}

/// The self-assessment report as Word; `today` (YYYY-MM-DD) is the date under the signature.
#[wasm_bindgen]
pub fn report(
    checklist: &str,
    assessment: &str,
    today: &str,
    lang: &str,
) -> Result<Vec<u8>, String> {
    let (c, a) = read(checklist, assessment)?;
    report_docx(&c, &a, today, lang_of(lang)).map_err(reason)
}

/// The annual-report draft (年度报告草稿) as Word.
#[wasm_bindgen]
pub fn annual(
    checklist: &str,
    assessment: &str,
    _today: &str,
    lang: &str,
) -> Result<Vec<u8>, String> {
    let (c, a) = read(checklist, assessment)?;
    annual_docx(&c, &a, lang_of(lang)).map_err(reason)
}

/// The 述法 draft as Word.
#[wasm_bindgen]
pub fn head(
    checklist: &str,
    assessment: &str,
    _today: &str,
    lang: &str,
) -> Result<Vec<u8>, String> {
    let (c, a) = read(checklist, assessment)?;
    head_docx(&c, &a, lang_of(lang)).map_err(reason)
}

/// Both drafts (年度报告草稿, 述法草稿) as the app shows them: JSON of
/// `model::annual::Drafts`.
#[wasm_bindgen]
pub fn drafts(checklist: &str, assessment: &str, lang: &str) -> Result<String, String> {
    let (c, a) = read(checklist, assessment)?;
    serde_json::to_string(&Drafts::of(&c, &a, lang_of(lang))).map_err(|e| e.to_string())
}

fn main() {}
