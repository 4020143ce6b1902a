//! On-demand WebAssembly modules: features most users never open are second
//! modules, fetched and started the first time they are needed (`lazy.js`),
//! precached by the service worker for offline use and inlined in the
//! single-file edition — "bureau" (the county Justice Bureau's tools),
//! "office" (the Word writer and the drafts' prose) and "sheets" (the
//! desk's Excel writer).

use wasm_bindgen::prelude::*;

use crate::model::Lang;

#[wasm_bindgen(module = "/src/browser/lazy.js")]
extern "C" {
    #[wasm_bindgen(catch)]
    async fn show_tool(tool: &str, lang: &str) -> Result<JsValue, JsValue>;
    fn hide_tools();
    #[wasm_bindgen(catch)]
    async fn call_module(
        name: &str,
        function: &str,
        args: js_sys::Array,
    ) -> Result<JsValue, JsValue>;
}

/// One of the bureau module's tools.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tool {
    /// 汇总审阅.
    Desk,
    /// The county's checklist tools.
    County,
}

impl Tool {
    /// Its name in `lazy.js` and in its root's id (`desk-root`, `desk-main`).
    pub fn name(self) -> &'static str {
        match self {
            Tool::Desk => "desk",
            Tool::County => "county",
        }
    }
}

/// The browser's own words for what went wrong.
fn detail(e: JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| format!("{e:?}"))
}

/// Shows `tool` in `lang`, loading the bureau's module the first time. The
/// error is the browser's own words (e.g. a failed fetch when offline before
/// the module was ever cached).
pub async fn open_tool(tool: Tool, lang: Lang) -> Result<(), String> {
    show_tool(tool.name(), lang.tag())
        .await
        .map(|_| ())
        .map_err(detail)
}

/// Hides the tools; they stay mounted, with their state, until the page closes.
pub fn close_tools() {
    hide_tools();
}

/// Calls `function` of the on-demand module `module` with string arguments;
/// it answers with text (e.g. JSON) or throws its reason.
pub async fn call_for_text(module: &str, function: &str, args: &[&str]) -> Result<String, String> {
    let value = call_module(module, function, strings(args))
        .await
        .map_err(detail)?;
    value
        .as_string()
        .ok_or_else(|| format!("{module}.{function}: not text"))
}

fn strings(args: &[&str]) -> js_sys::Array {
    args.iter().map(|a| JsValue::from_str(a)).collect()
}

/// Calls `function` of the on-demand module `module` with string arguments;
/// it answers with bytes (a document) or throws its reason.
pub async fn call_for_bytes(
    module: &str,
    function: &str,
    args: &[&str],
) -> Result<Vec<u8>, String> {
    let value = call_module(module, function, strings(args))
        .await
        .map_err(detail)?;
    Ok(js_sys::Uint8Array::new(&value).to_vec())
}
