//! The banners above the screen: autosave failed (with 下载草稿), the draft
//! open in another tab, the replace-or-keep-both question for a report file,
//! and notices — each rendered in the current language.

use yew::prelude::*;

use super::hooks::Choice;
use super::state::{Hold, Pending, SaveState};
use crate::model::messages::{m, Message, Msg};
use crate::model::Lang;

pub struct BannersProps {
    pub save: SaveState,
    /// The open draft's hold, when a draft is open.
    pub hold: Option<Hold>,
    pub pending: Option<Box<Pending>>,
    pub notices: Vec<Message>,
    pub lang: Lang,
    pub on_download: Callback<()>,
    pub on_reload: Callback<()>,
    pub on_take_over: Callback<()>,
    pub on_choose: Callback<Choice>,
    pub on_dismiss: Callback<()>,
}

pub fn banners(props: BannersProps) -> Html {
    let lang = props.lang;
    let click = |cb: &Callback<()>| cb.reform(|_: MouseEvent| ());
    let choose = |c: Choice| props.on_choose.reform(move |_: MouseEvent| c);
    html! { <>
        if let SaveState::Failed(reason) = &props.save {
            <div class="banner error" role="alert">
                <p>{ m::SaveFailed { reason: *reason }.tr(lang) }</p>
                <button type="button" class="primary" onclick={ click(&props.on_download) }>{ Msg::DownloadDraft.tr(lang) }</button>
            </div>
        }
        if props.hold.is_some_and(Hold::paused) {
            <div class="banner warn" role="alert">
                <p>{ if props.hold == Some(Hold::BothChanged) { Msg::ConflictBoth } else { Msg::Conflict }.tr(lang) }</p>
                <button type="button" class="secondary" onclick={ click(&props.on_reload) }>{ Msg::LoadOther.tr(lang) }</button>
                <button type="button" class="secondary" onclick={ click(&props.on_take_over) }>{ Msg::KeepMine.tr(lang) }</button>
            </div>
        }
        if let Some(p) = &props.pending {
            <div class="banner warn" role="alertdialog" aria-labelledby="dup-msg">
                <p id="dup-msg">{ m::SameDraftExists {
                    unit: p.intake.record.assessment.unit.name.trim().to_string(),
                    year: p.intake.record.assessment.year,
                }.tr(lang) }</p>
                <button type="button" class="danger" onclick={ choose(Choice::Replace) }>{ Msg::Replace.tr(lang) }</button>
                <button type="button" class="primary" onclick={ choose(Choice::KeepBoth) }>{ Msg::KeepBoth.tr(lang) }</button>
                <button type="button" class="secondary" onclick={ choose(Choice::Cancel) }>{ Msg::Cancel.tr(lang) }</button>
            </div>
        }
        if !props.notices.is_empty() {
            <div class="banner warn" role="alert">
                <div class="notice-list">
                    { for props.notices.iter().map(|n| html! { <p>{ n.tr(lang) }</p> }) }
                </div>
                <button type="button" class="secondary" onclick={ click(&props.on_dismiss) }>{ Msg::Dismiss.tr(lang) }</button>
            </div>
        }
    </> }
}
