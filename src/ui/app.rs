//! The root component: the page frame, the language switch and the current view.

use yew::prelude::*;

use super::checklist_view::{ChecklistHandle, ChecklistView};
use super::i18n::Msg;
use crate::browser::prefs;
use crate::model::Lang;

#[function_component]
pub fn App() -> Html {
    let lang = use_state(prefs::load_lang);
    let checklist = use_memo((), |_| ChecklistHandle::builtin());
    {
        let lang = *lang;
        use_effect_with(lang, move |_| prefs::save_lang(lang));
    }
    let toggle = {
        let lang = lang.clone();
        Callback::from(move |_| {
            lang.set(match *lang {
                Lang::Zh => Lang::En,
                Lang::En => Lang::Zh,
            })
        })
    };
    html! {
        <div class="app">
            <header class="topbar">
                <span class="brand">{ Msg::AppName.tr(*lang) }</span>
                <button type="button" class="lang-switch" onclick={toggle}
                        lang={ match *lang { Lang::Zh => "en", Lang::En => "zh-CN" } }>
                    { Msg::LanguageSwitch.tr(*lang) }
                </button>
            </header>
            <main id="main">
                <ChecklistView checklist={ (*checklist).clone() } lang={ *lang } />
            </main>
            <footer class="footer"><p>{ Msg::OfflineNote.tr(*lang) }</p></footer>
        </div>
    }
}
