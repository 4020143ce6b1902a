//! Component tests in headless Chromium (wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]

use selfcheck::model::{Checklist, Lang};
use selfcheck::ui::{ChecklistHandle, ChecklistView};
use wasm_bindgen_test::*;
use yew::Renderer;

wasm_bindgen_test_configure!(run_in_browser);

fn mount() -> web_sys::Element {
    let doc = gloo::utils::document();
    let root = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&root).unwrap();
    root
}

#[wasm_bindgen_test]
async fn checklist_view_renders_every_item_with_its_id() {
    let root = mount();
    let props = selfcheck::ui::ChecklistViewProps {
        checklist: ChecklistHandle::builtin(),
        lang: Lang::Zh,
    };
    Renderer::<ChecklistView>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;

    let c = Checklist::builtin();
    let items = root.query_selector_all("[data-item-id]").unwrap();
    assert_eq!(items.length() as usize, c.items().count());
    let first = c.items().next().unwrap();
    let node = root
        .query_selector(&format!("[data-item-id=\"{}\"]", first.id))
        .unwrap()
        .expect("first item rendered");
    assert!(node.text_content().unwrap().contains(&first.duty.zh));
    let h1 = root.query_selector("h1").unwrap().unwrap();
    assert_eq!(h1.text_content().unwrap(), c.title.zh);
}

#[wasm_bindgen_test]
async fn checklist_view_renders_english() {
    let root = mount();
    let props = selfcheck::ui::ChecklistViewProps {
        checklist: ChecklistHandle::builtin(),
        lang: Lang::En,
    };
    Renderer::<ChecklistView>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    let c = Checklist::builtin();
    assert_eq!(
        root.query_selector("h1")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        c.title.en
    );
}
