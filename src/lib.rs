//! 法治政府建设第一责任人履职自查 — an offline self-assessment app.
//!
//! Three rooms: [`model`] (pure Rust, tested natively), [`ui`] (Yew function
//! components) and [`browser`] (thin glue to storage, downloads and printing).

pub mod browser;
#[cfg(feature = "fixtures")]
pub mod fixtures;
pub mod model;
/// The Word and Excel writers, never in the main app binary (feature `office`).
#[cfg(feature = "office")]
pub mod office;
pub mod ui;

/// Mounts the app on its own root element in the page's `<body>`: the
/// reviewer desk, a second module, mounts beside it (`browser::lazy`).
pub fn run() {
    let document = gloo::utils::document();
    let root = document.get_element_by_id("app").unwrap_or_else(|| {
        let root = document
            .create_element("div")
            .expect("a div can be created");
        root.set_id("app");
        gloo::utils::body().append_child(&root).ok();
        root
    });
    yew::Renderer::<ui::App>::with_root(root).render();
}
