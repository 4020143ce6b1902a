//! The reviewer desk (汇总审阅) as a second WebAssembly module, loaded by the
//! app only when a reviewer opens the desk (`browser::lazy`): what a unit
//! downloads on its first visit does not carry the desk. It mounts its own
//! Yew app on a root element beside the main app's (never inside it: two
//! Yew instances must not share an event subtree) and stays mounted while
//! hidden, so the loaded set survives a visit to the start screen.

use std::cell::RefCell;

use selfcheck::model::Lang;
use selfcheck::ui::desk::{DeskRoot, DeskRootProps};
use wasm_bindgen::prelude::wasm_bindgen;
use yew::AppHandle;

// The same allocator as the app (src/main.rs): measured faster on the desk.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

thread_local! {
    static APP: RefCell<Option<(AppHandle<DeskRoot>, u32)>> = const { RefCell::new(None) };
}

fn props(lang: &str, shown: u32) -> DeskRootProps {
    DeskRootProps {
        lang: Lang::from_tag(lang).unwrap_or_default(),
        shown,
    }
}

/// Mounts the desk on `root`, in `lang` ("zh-CN" or "en").
#[wasm_bindgen]
pub fn mount(root: web_sys::Element, lang: &str) {
    let app = yew::Renderer::<DeskRoot>::with_root_and_props(root, props(lang, 0)).render();
    APP.with(|a| *a.borrow_mut() = Some((app, 0)));
}

/// The desk is shown again, perhaps in another language: it also re-reads the
/// checklists, which the user may have loaded in the meantime.
#[wasm_bindgen]
pub fn show(lang: &str) {
    APP.with(|a| {
        if let Some((app, shown)) = a.borrow_mut().as_mut() {
            *shown += 1;
            app.update(props(lang, *shown));
        }
    });
}

fn main() {}
