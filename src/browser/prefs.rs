//! Small remembered preferences (the interface language), in localStorage.

use gloo::storage::{LocalStorage, Storage};

use crate::model::Lang;

const LANG_KEY: &str = "selfcheck.lang";

/// The remembered interface language; zh-CN when none was chosen or storage is unavailable.
pub fn load_lang() -> Lang {
    LocalStorage::get::<String>(LANG_KEY)
        .ok()
        .and_then(|t| Lang::from_tag(&t))
        .unwrap_or_default()
}

/// Remembers the language; a failure (storage disabled) only means it is not remembered.
pub fn save_lang(lang: Lang) {
    let _ = LocalStorage::set(LANG_KEY, lang.tag());
    if let Some(html) = gloo::utils::document().document_element() {
        let _ = html.set_attribute("lang", lang.tag());
    }
}
