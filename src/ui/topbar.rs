//! The top bar: the app's name, and for an open draft its unit and year, the
//! save indicator, 下载草稿 and 返回首页; the language switch always. While
//! saving is paused (the draft is held by another tab) it says so where
//! 已自动保存 stands, offers to save from here, and stays in view.

use yew::prelude::*;

use super::state::SaveState;
use super::widgets::SaveIndicator;
use crate::model::messages::Msg;
use crate::model::Lang;

pub struct TopBarProps {
    /// The open draft's unit name and year.
    pub open: Option<(String, i32)>,
    pub save: SaveState,
    /// Saving is paused (another tab holds the draft, or the user is to
    /// choose between two versions): why, said where 已自动保存 stands.
    pub paused: Option<Msg>,
    pub lang: Lang,
    pub on_download: Callback<()>,
    pub on_take_over: Callback<()>,
    pub on_home: Callback<()>,
    pub on_lang: Callback<()>,
}

pub fn top_bar(props: TopBarProps) -> Html {
    let lang = props.lang;
    let click = |cb: &Callback<()>| cb.reform(|_: MouseEvent| ());
    html! {
        <header class={ classes!("topbar", props.paused.is_some().then_some("paused")) }>
            <span class="brand">{ Msg::BrandShort.tr(lang) }</span>
            <span class="topbar-tools">
                if let Some((unit, year)) = &props.open {
                    <span class="unit-chip">{ format!("{unit} · {year}") }</span>
                    if let Some(why) = props.paused {
                        <span class="save-indicator failed" role="status" title={ why.tr(lang) }>{ Msg::SavePaused.tr(lang) }</span>
                        <button type="button" class="ghost" onclick={ click(&props.on_take_over) }
                                aria-describedby="paused-hint">{ Msg::SaveHere.tr(lang) }</button>
                        <span id="paused-hint" class="visually-hidden">{ why.tr(lang) }</span>
                    } else {
                        <SaveIndicator state={ props.save.clone() } {lang} />
                    }
                    <button type="button" class="ghost" onclick={ click(&props.on_download) }>{ Msg::DownloadDraft.tr(lang) }</button>
                    <button type="button" class="ghost" onclick={ click(&props.on_home) }>{ Msg::BackToStart.tr(lang) }</button>
                }
                <button type="button" class="lang-switch" onclick={ click(&props.on_lang) }
                        lang={ match lang { Lang::Zh => "en", Lang::En => "zh-CN" } }>{ Msg::LanguageSwitch.tr(lang) }</button>
            </span>
        </header>
    }
}
