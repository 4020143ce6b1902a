//! Where the reviewer picks or drops report files: reading them a chunk at a
//! time with progress, the counts, the choice of checklist group and the tabs.

use crate::model::messages::bureau as b;
use std::rc::Rc;

use yew::prelude::*;

use super::{tab_label, tab_msg, Tab};
use crate::browser::{digest, files};
use crate::model::desk::{Desk, DeskCounts, Failed};
use crate::model::import::ImportError;
use crate::model::messages::Msg;
use crate::model::{Checklist, Lang};

/// Files are processed in chunks so the page stays responsive and shows
/// progress: 50 reports take 20–40 ms, and each chunk's digests are one
/// WebCrypto batch (25 measured slower, 100 would block the page too long).
/// The outcome does not depend on where the chunks begin and end.
pub const CHUNK: usize = 50;

/// Reads the picked files and adds them to a copy of `base`, a chunk at a
/// time: a chunk's files are read together, processed, and their bytes let
/// go before the next (ten thousand reports are some 300 MB), with progress
/// shown between chunks. Returns the desk and the time spent processing,
/// without the reading (which depends on the disk).
pub async fn ingest(
    picked: Vec<web_sys::File>,
    base: &Desk,
    library: &[Rc<Checklist>],
    progress: &UseStateHandle<Option<(usize, usize)>>,
) -> (Desk, f64) {
    let total = picked.len();
    progress.set(Some((0, total)));
    let mut spent = 0.0;
    let mut d = base.clone();
    d.begin_selection(&crate::browser::clock::local_hms());
    for (n, files) in picked.chunks(CHUNK).enumerate() {
        // A file that cannot be read is listed as such, not as an empty one.
        let bytes = files::read_many(files).await;
        let chunk: Vec<(String, Result<Vec<u8>, String>)> =
            files.iter().map(|f| f.name()).zip(bytes).collect();
        let t0 = js_sys::Date::now();
        let pending: Vec<_> = chunk
            .iter()
            .map(|(_, bytes)| match bytes {
                Ok(bytes) => Desk::read(bytes, library),
                Err(detail) => Err(Failed::from(ImportError::Unreadable {
                    detail: detail.clone(),
                })),
            })
            .collect();
        let contents: Vec<_> = pending
            .iter()
            .map(|p| p.as_ref().ok().and_then(|u| u.content()))
            .collect();
        // Where WebCrypto is unavailable each report is hashed in Rust.
        let hashes = digest::sha256_hex_all(&contents).await;
        for (i, ((name, _), p)) in chunk.iter().zip(pending).enumerate() {
            let computed = hashes.as_ref().and_then(|h| h[i].clone());
            d.add_read(name, p.map(|u| u.finish(computed)), library);
        }
        spent += js_sys::Date::now() - t0;
        progress.set(Some(((n * CHUNK + chunk.len()).min(total), total)));
        gloo::timers::future::TimeoutFuture::new(0).await;
    }
    (d, spent)
}

pub struct IntakeProps<'a> {
    pub desk: &'a Desk,
    pub counts: DeskCounts,
    pub progress: Option<(usize, usize)>,
    pub elapsed: Option<f64>,
    pub lang: Lang,
    pub on_files: Callback<Vec<web_sys::File>>,
    pub on_clear: Callback<()>,
}

/// A file picker that also takes dropped files.
pub fn picker(
    label: &str,
    hint: &str,
    kind: &'static str,
    on_files: &Callback<Vec<web_sys::File>>,
) -> Html {
    let on_pick = on_files.reform(|e: Event| files::take_picked(&e));
    let on_drop = on_files.reform(|e: DragEvent| files::dropped(&e));
    html! {
        <div class="drop-zone" data-drop={ kind } ondragover={ Callback::from(|e: DragEvent| e.prevent_default()) } ondrop={on_drop}>
            <label class={ classes!("button", "file-pick", if kind == "desk" { "primary" } else { "secondary" }) }>
                { label }
                <input type="file" multiple=true accept=".json,application/json" class="visually-hidden" onchange={on_pick} />
            </label>
            <span class="hint">{ " " }{ hint }</span>
        </div>
    }
}

/// Where files are picked or dropped, with the progress and the counts.
pub fn desk_intake(props: &IntakeProps) -> Html {
    let (lang, d, c) = (props.lang, props.desk, props.counts);
    html! {
        <div class="panel drop">
            { picker(b::Msg::DeskPick.tr(lang), Msg::DropHint.tr(lang), "desk", &props.on_files) }
            if d.files() > 0 {
                <button type="button" class="link" onclick={ props.on_clear.reform(|_| ()) }>{ b::Msg::DeskClear.tr(lang) }</button>
            }
            if let Some((done, total)) = props.progress {
                <div class="progress">
                    <div class="progress-track" role="progressbar" aria-label={ b::Msg::DeskProcessing.tr(lang) }
                         aria-valuemin="0" aria-valuemax={ total.to_string() } aria-valuenow={ done.to_string() }>
                        <div class="progress-fill" style={ format!("width:{}%", (done * 100).checked_div(total).unwrap_or(0)) }></div>
                    </div>
                    <span class="progress-text">{ format!("{} {done}/{total}", b::Msg::DeskProcessing.tr(lang)) }</span>
                </div>
            }
            <p class="desk-counts" role="status" data-testid="desk-counts">
                { b::m::DeskCounts { files: c.files, counted: c.counted, not_counted: c.files - c.counted, invalid: c.invalid, superseded: c.superseded, attention: c.attention }.tr(lang) }
                if c.left_out > 0 { { b::m::DeskLeftOut { n: c.left_out }.tr(lang) } }
                if let Some(ms) = props.elapsed {
                    <span data-testid="desk-ms" data-ms={ format!("{ms:.1}") }>{ b::m::DeskElapsed { ms: format!("{ms:.0}") }.tr(lang) }</span>
                }
            </p>
            if d.files() > 0 {
                <p class="hint">{ b::Msg::DeskRule.tr(lang) }</p>
            }
        </div>
    }
}

/// 检查清单版本: which group of reports is shown, when there is more than one.
pub fn group_select(d: &Desk, current: usize, lang: Lang, on_group: Callback<usize>) -> Html {
    let groups = d.groups();
    if groups.len() < 2 {
        return Html::default();
    }
    let onchange = Callback::from(move |e: Event| {
        let v = e
            .target_unchecked_into::<web_sys::HtmlSelectElement>()
            .value();
        if let Ok(i) = v.parse() {
            on_group.emit(i);
        }
    });
    html! {
        <div class="field">
            <label for="desk-group">{ b::Msg::DeskGroup.tr(lang) }</label>
            <select id="desk-group" {onchange}>
                { for d.groups_by_size().into_iter().map(|i| (i, &groups[i])).map(|(i, g)| html!{
                    <option value={ i.to_string() } selected={ i == current }>
                        { b::m::GroupOption { title: g.checklist.title.clone(), version: g.reference.version.clone(), n: g.len() }.tr(lang) }
                    </option>
                }) }
            </select>
            <p class="hint">{ b::Msg::DeskGroupHint.tr(lang) }</p>
        </div>
    }
}

/// 总体情况 / 单位一览 / 履职矩阵 / 整改跟踪 / 多份报告 / 问题文件, the last two
/// with their counts (units with several reports; files needing attention).
pub fn desk_tabs(
    shown: Tab,
    several: usize,
    problems: usize,
    lang: Lang,
    on_tab: Callback<Tab>,
) -> Html {
    let tab = |t: Tab, label: String| {
        let current = shown == t;
        html! {
            <button type="button" role="tab" aria-selected={ current.to_string() }
                    class={ classes!("tab", current.then_some("current")) }
                    onclick={ on_tab.reform(move |_| t) }>{ label }</button>
        }
    };
    let counted = |t: Tab, n: usize| b::m::TabWithCount { tab: tab_msg(t), n }.tr(lang);
    html! {
        <div class="tabs" role="tablist" aria-label={ Msg::Desk.tr(lang) }>
            { tab(Tab::Overview, tab_label(Tab::Overview, lang).into()) }
            { tab(Tab::Units, tab_label(Tab::Units, lang).into()) }
            { tab(Tab::Matrix, tab_label(Tab::Matrix, lang).into()) }
            { tab(Tab::Rectifications, tab_label(Tab::Rectifications, lang).into()) }
            { tab(Tab::Several, counted(Tab::Several, several)) }
            { tab(Tab::Problems, counted(Tab::Problems, problems)) }
        </div>
    }
}
