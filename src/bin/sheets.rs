//! The Excel writer as an on-demand WebAssembly module (`browser::lazy`),
//! used only by the reviewer desk (导出 Excel 工作簿): the desk hands over
//! its workbook content as JSON and gets the .xlsx bytes back. Apart from the
//! Word writer (`src/bin/office.rs`), so that what a unit uses — and a
//! county's edition for units — never carries rust_xlsxwriter.

use selfcheck::model::desk::workbook::Workbook;
use selfcheck::office::workbook_xlsx;
use wasm_bindgen::prelude::wasm_bindgen;

#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// The reviewer desk's workbook content (`model::desk::workbook`) as an
/// .xlsx file; `today` (YYYY-MM-DD) is its creation date.
#[wasm_bindgen]
pub fn workbook(content: &str, today: &str) -> Result<Vec<u8>, String> {
    let content: Workbook = serde_json::from_str(content).map_err(|e| format!("workbook: {e}"))?;
    workbook_xlsx(&content, today).map_err(|e| e.detail)
}

fn main() {}
