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

/// Mounts the app on the page's `<body>`.
pub fn run() {
    yew::Renderer::<ui::App>::new().render();
}
