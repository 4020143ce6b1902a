//! The language preference: remembered in the browser whenever it changes.

use yew::prelude::*;

use crate::browser::prefs;
use crate::model::Lang;

#[hook]
pub fn use_lang_pref(lang: Lang) {
    use_effect_with(lang, move |_| prefs::save_lang(lang));
}
