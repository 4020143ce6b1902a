//! The county Justice Bureau's tools as a second WebAssembly module, loaded
//! by the app only when someone opens one of them (`browser::lazy`): the
//! reviewer desk (汇总审阅) and the county's checklist tools (a checklist from
//! a table, its preview, the county edition). What a unit downloads on its
//! first visit carries none of them. Each tool mounts its own Yew app on a
//! root element beside the main app's (never inside it: two Yew instances
//! must not share an event subtree) and stays mounted while hidden, so the
//! reviewer's files survive a visit to the start screen.

use std::cell::RefCell;

use selfcheck::model::Lang;
use selfcheck::ui::county::{CountyRoot, CountyRootProps};
use selfcheck::ui::desk::{DeskRoot, DeskRootProps};
use wasm_bindgen::prelude::wasm_bindgen;
use yew::AppHandle;

// The same allocator as the app (src/main.rs): measured faster on the desk.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// A mounted tool and how many times it was shown.
enum Mounted {
    Desk(AppHandle<DeskRoot>, u32),
    County(AppHandle<CountyRoot>, u32),
}

thread_local! {
    static TOOLS: RefCell<Vec<Mounted>> = const { RefCell::new(Vec::new()) };
}

fn lang_of(tag: &str) -> Lang {
    Lang::from_tag(tag).unwrap_or_default()
}

/// Mounts `tool` ("desk" or "county") on `root`, in `lang` ("zh-CN" or "en").
#[wasm_bindgen]
pub fn mount(root: web_sys::Element, tool: &str, lang: &str) {
    let lang = lang_of(lang);
    let mounted = match tool {
        "county" => Mounted::County(
            yew::Renderer::<CountyRoot>::with_root_and_props(
                root,
                CountyRootProps { lang, shown: 0 },
            )
            .render(),
            0,
        ),
        _ => Mounted::Desk(
            yew::Renderer::<DeskRoot>::with_root_and_props(root, DeskRootProps { lang, shown: 0 })
                .render(),
            0,
        ),
    };
    TOOLS.with(|t| t.borrow_mut().push(mounted));
}

/// `tool` is shown again, perhaps in another language: it also re-reads what
/// the user may have changed in the meantime (the checklists kept).
#[wasm_bindgen]
pub fn show(tool: &str, lang: &str) {
    let lang = lang_of(lang);
    TOOLS.with(|t| {
        for m in t.borrow_mut().iter_mut() {
            match (m, tool) {
                (Mounted::Desk(app, shown), "desk") => {
                    *shown += 1;
                    app.update(DeskRootProps {
                        lang,
                        shown: *shown,
                    });
                }
                (Mounted::County(app, shown), "county") => {
                    *shown += 1;
                    app.update(CountyRootProps {
                        lang,
                        shown: *shown,
                    });
                }
                _ => {}
            }
        }
    });
}

fn main() {}
