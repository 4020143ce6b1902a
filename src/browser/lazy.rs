//! On-demand WebAssembly modules: features most users never open (the
//! reviewer desk) are a second module, fetched and started the first time
//! they are needed (`lazy.js`), precached by the service worker for offline
//! use and inlined in the single-file edition.

use wasm_bindgen::prelude::*;

use crate::model::Lang;

#[wasm_bindgen(module = "/src/browser/lazy.js")]
extern "C" {
    #[wasm_bindgen(catch)]
    async fn show_desk(lang: &str) -> Result<JsValue, JsValue>;
    fn hide_desk();
}

/// Shows the reviewer desk in `lang`, loading its module the first time.
/// The error is the browser's own words (e.g. a failed fetch when offline
/// before the module was ever cached).
pub async fn open_desk(lang: Lang) -> Result<(), String> {
    show_desk(lang.tag()).await.map(|_| ()).map_err(|e| {
        e.dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .or_else(|| e.as_string())
            .unwrap_or_else(|| format!("{e:?}"))
    })
}

/// Hides the desk; it stays mounted, with its files, until the page closes.
pub fn close_desk() {
    hide_desk();
}
