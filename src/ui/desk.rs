//! 汇总审阅 — the reviewer desk for the county Justice Bureau: many report
//! files read and verified in the browser (nothing uploaded), shown as a units
//! table, a duty matrix and a rectification tracker, each exportable as CSV.
//! The rules live in `model::desk`; this is only their view.

use std::rc::Rc;

use yew::prelude::*;

use super::checklist_view::ChecklistHandle;
use super::print::PrintReport;
use super::widgets::TextField;
use crate::browser::{clock, digest, download, files, storage};
use crate::model::calendar::Deadline;
use crate::model::desk::{self, Desk, Group, Row, UnitColumn};
use crate::model::import::ImportError;
use crate::model::messages::{m, Msg};
use crate::model::text::clause;
use crate::model::{Checklist, Lang, Status, UnitType};

#[derive(Properties, PartialEq)]
pub struct DeskRootProps {
    pub lang: Lang,
    /// Counts the times the desk was shown: each time, the checklists are read
    /// again (the user may have loaded one on the start screen meanwhile).
    pub shown: u32,
}

/// The desk as its own app (src/bin/desk.rs): the checklists this browser
/// knows, and the desk in the page's main landmark while it is shown.
#[function_component]
pub fn DeskRoot(props: &DeskRootProps) -> Html {
    let library = use_memo(props.shown, |_| {
        let mut library = vec![Rc::new(Checklist::builtin().clone())];
        library.extend(storage::list_checklists().into_iter().map(Rc::new));
        library
    });
    html! {
        <main id="desk-main" class="desk-main">
            <ReviewDesk library={ (*library).clone() } lang={ props.lang } />
        </main>
    }
}

#[derive(Properties, PartialEq)]
pub struct DeskProps {
    pub library: Vec<Rc<Checklist>>,
    pub lang: Lang,
}

/// The desk as the views read it; equal only when it is the same snapshot,
/// so comparing props never walks a thousand reports.
#[derive(Clone)]
struct Shared(Rc<Desk>);

impl PartialEq for Shared {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Shared {
    fn group(&self, i: usize) -> &Group {
        &self.0.groups()[i]
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tab {
    Units,
    Matrix,
    Rectifications,
    Problems,
}

/// Files are processed in chunks so the page stays responsive and shows
/// progress: 50 reports take 20–40 ms, and each chunk's digests are one
/// WebCrypto batch (25 measured slower, 100 would block the page too long).
const CHUNK: usize = 50;

/// Reads the picked files and adds them to a copy of `base`, a chunk at a
/// time (progress shown between chunks). Returns the desk and the time spent
/// processing, without the reading (which depends on the disk).
async fn ingest(
    picked: Vec<web_sys::File>,
    base: &Desk,
    library: &[Rc<Checklist>],
    progress: &UseStateHandle<Option<(usize, usize)>>,
) -> (Desk, f64) {
    let total = picked.len();
    progress.set(Some((0, total)));
    let mut read = Vec::with_capacity(total);
    for f in picked {
        let name = f.name();
        // A file that cannot be read is listed as such, not as an empty one.
        let bytes = files::read_bytes(f).await.map_err(|e| e.detail);
        read.push((name, bytes));
    }
    let mut spent = 0.0;
    let mut d = base.clone();
    for (n, chunk) in read.chunks(CHUNK).enumerate() {
        let t0 = js_sys::Date::now();
        let pending: Vec<_> = chunk
            .iter()
            .map(|(_, bytes)| match bytes {
                Ok(bytes) => Desk::read(bytes, library),
                Err(detail) => Err(ImportError::Unreadable {
                    detail: detail.clone(),
                }),
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

/// Downloads one of the group's CSV exports.
fn export_csv(g: &Group, kind: Export, today: &str, lang: Lang) {
    let (name, text) = match kind {
        Export::Units => (Msg::CsvUnits, desk::units_csv(g, lang)),
        Export::Matrix => (Msg::CsvMatrix, desk::matrix_csv(g, lang)),
        Export::Rectifications => (Msg::CsvRect, desk::rectifications_csv(g, today, lang)),
    };
    let _ = download::save_text(
        &format!("{}.csv", name.tr(lang)),
        &text,
        "text/csv;charset=utf-8",
    );
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Export {
    Units,
    Matrix,
    Rectifications,
}

#[function_component]
pub fn ReviewDesk(props: &DeskProps) -> Html {
    let lang = props.lang;
    let desk = use_state(|| Shared(Rc::new(Desk::new())));
    let progress = use_state(|| None::<(usize, usize)>);
    let elapsed = use_state(|| None::<f64>);
    let tab = use_state(|| Tab::Units);
    // None until the reviewer picks a group: then the largest one is shown.
    let group_ix = use_state(|| None::<usize>);
    let viewing = use_state(|| None::<usize>);

    let take = {
        let (desk, progress, elapsed) = (desk.clone(), progress.clone(), elapsed.clone());
        let library = props.library.clone();
        Callback::from(move |picked: Vec<web_sys::File>| {
            let (desk, progress, elapsed) = (desk.clone(), progress.clone(), elapsed.clone());
            let library = library.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let (d, spent) = ingest(picked, &desk.0, &library, &progress).await;
                elapsed.set(Some(spent));
                progress.set(None);
                desk.set(Shared(Rc::new(d)));
            });
        })
    };
    let clear = {
        let (desk, elapsed, group_ix) = (desk.clone(), elapsed.clone(), group_ix.clone());
        Callback::from(move |_| {
            desk.set(Shared(Rc::new(Desk::new())));
            elapsed.set(None);
            group_ix.set(None);
        })
    };

    let shared = (*desk).clone();
    let d = shared.0.clone();
    let order = d.groups_by_size();
    let gi = (*group_ix)
        .or_else(|| order.first().copied())
        .unwrap_or(0)
        .min(d.groups().len().saturating_sub(1));
    let group = d.groups().get(gi);
    let today = clock::today();
    if let Some(row) = group
        .zip(*viewing)
        .and_then(|(g, i)| g.rows.get(i).map(|r| (g, r)))
    {
        let back = {
            let v = viewing.clone();
            Callback::from(move |_| v.set(None))
        };
        return read_only_report(&ReadOnlyProps {
            checklist: ChecklistHandle(row.0.checklist.clone()),
            row: row.1,
            lang,
            today: today.into(),
            on_back: back,
        });
    }
    let body = match (group, *tab) {
        (_, Tab::Problems) => html! { <ProblemFiles desk={ shared.clone() } {lang} /> },
        (None, _) => html! { <p class="hint">{ Msg::DeskEmpty.tr(lang) }</p> },
        (Some(_), Tab::Units) => html! {
            <UnitsTable desk={ shared.clone() } group={gi} {lang}
                        on_view={ { let v = viewing.clone(); Callback::from(move |i| v.set(Some(i))) } } />
        },
        (Some(_), Tab::Matrix) => {
            html! { <DutyMatrix desk={ shared.clone() } group={gi} {lang} /> }
        }
        (Some(_), Tab::Rectifications) => html! {
            <RectTracker desk={ shared.clone() } group={gi} {lang} today={ today.clone() } />
        },
    };
    let on_export = {
        let (shared, today) = (shared.clone(), today.clone());
        Callback::from(move |kind| {
            if let Some(g) = shared.0.groups().get(gi) {
                export_csv(g, kind, &today, lang);
            }
        })
    };
    let on_group = {
        let gx = group_ix.clone();
        Callback::from(move |i| gx.set(Some(i)))
    };
    let on_tab = {
        let tab = tab.clone();
        Callback::from(move |t| tab.set(t))
    };
    html! {
        <section class="desk" aria-labelledby="desk-h">
            <h1 id="desk-h">{ Msg::Desk.tr(lang) }</h1>
            <p>{ Msg::DeskIntro.tr(lang) }</p>
            { desk_intake(&IntakeProps { desk: &d, progress: *progress, elapsed: *elapsed, lang, on_files: take, on_clear: clear }) }
            { group_select(&d, gi, lang, on_group) }
            { desk_tabs(*tab, d.rejected().len() + d.flagged().len(), lang, on_tab) }
            if group.is_some() && *tab != Tab::Problems {
                <div class="desk-actions">
                    <button type="button" class="secondary" onclick={ on_export.reform(|_| Export::Units) }>{ Msg::ExportUnits.tr(lang) }</button>
                    <button type="button" class="secondary" onclick={ on_export.reform(|_| Export::Matrix) }>{ Msg::ExportMatrix.tr(lang) }</button>
                    <button type="button" class="secondary" onclick={ on_export.reform(|_| Export::Rectifications) }>{ Msg::ExportRect.tr(lang) }</button>
                    <button type="button" class="secondary" onclick={ Callback::from(|_| crate::browser::print()) }>{ Msg::PrintSummary.tr(lang) }</button>
                </div>
            }
            <div role="tabpanel" class="tab-panel">{ body }</div>
        </section>
    }
}

struct ReadOnlyProps<'a> {
    checklist: ChecklistHandle,
    row: &'a Row,
    lang: Lang,
    today: AttrValue,
    on_back: Callback<()>,
}

/// One report opened with 查看: the printable layout, read-only.
fn read_only_report(props: &ReadOnlyProps) -> Html {
    let lang = props.lang;
    html! {
        <section class="desk step print-step" aria-labelledby="step-h">
            <div class="print-toolbar">
                <h2 id="step-h" tabindex="-1">{ format!("{} · {}", Msg::ReadOnlyReport.tr(lang), props.row.unit.name) }</h2>
                <button type="button" class="secondary" onclick={ props.on_back.reform(|_| ()) }>{ Msg::Back.tr(lang) }</button>
                <button type="button" class="primary" onclick={ Callback::from(|_| crate::browser::print()) }>
                    { Msg::PrintButton.tr(lang) }</button>
            </div>
            <PrintReport checklist={ props.checklist.clone() } assessment={ props.row.assessment.clone() }
                         {lang} today={ props.today.clone() } />
        </section>
    }
}

struct IntakeProps<'a> {
    desk: &'a Desk,
    progress: Option<(usize, usize)>,
    elapsed: Option<f64>,
    lang: Lang,
    on_files: Callback<Vec<web_sys::File>>,
    on_clear: Callback<()>,
}

/// Where files are picked or dropped, with the progress and the counts.
fn desk_intake(props: &IntakeProps) -> Html {
    let (lang, d) = (props.lang, props.desk);
    let on_pick = props.on_files.reform(|e: Event| files::take_picked(&e));
    let on_drop = props.on_files.reform(|e: DragEvent| files::dropped(&e));
    html! {
        <div class="panel drop" data-drop="desk" ondragover={ Callback::from(|e: DragEvent| e.prevent_default()) } ondrop={on_drop}>
            <label class="button primary file-pick">
                { Msg::DeskPick.tr(lang) }
                <input type="file" multiple=true accept=".json,application/json" class="visually-hidden" onchange={on_pick} />
            </label>
            <span class="hint">{ " " }{ Msg::DropHint.tr(lang) }</span>
            if d.files() > 0 {
                <button type="button" class="link" onclick={ props.on_clear.reform(|_| ()) }>{ Msg::DeskClear.tr(lang) }</button>
            }
            if let Some((done, total)) = props.progress {
                <div class="progress">
                    <div class="progress-track" role="progressbar" aria-label={ Msg::DeskProcessing.tr(lang) }
                         aria-valuemin="0" aria-valuemax={ total.to_string() } aria-valuenow={ done.to_string() }>
                        <div class="progress-fill" style={ format!("width:{}%", (done * 100).checked_div(total).unwrap_or(0)) }></div>
                    </div>
                    <span class="progress-text">{ format!("{} {done}/{total}", Msg::DeskProcessing.tr(lang)) }</span>
                </div>
            }
            <p class="desk-counts" role="status" data-testid="desk-counts">
                { m::DeskCounts { files: d.files(), accepted: d.accepted(), rejected: d.rejected().len(), flagged: d.flagged().len() }.tr(lang) }
                if let Some(ms) = props.elapsed {
                    <span data-testid="desk-ms" data-ms={ format!("{ms:.1}") }>{ format!(" · {} {ms:.0} ms", Msg::DeskTime.tr(lang)) }</span>
                }
            </p>
        </div>
    }
}

/// 检查清单版本: which group of reports is shown, when there is more than one.
fn group_select(d: &Desk, current: usize, lang: Lang, on_group: Callback<usize>) -> Html {
    let groups = d.groups();
    if groups.len() < 2 {
        return Html::default();
    }
    let onchange = {
        let cb = on_group;
        Callback::from(move |e: Event| {
            let v = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            if let Ok(i) = v.parse() {
                cb.emit(i);
            }
        })
    };
    html! {
        <div class="field">
            <label for="desk-group">{ Msg::DeskGroup.tr(lang) }</label>
            <select id="desk-group" {onchange}>
                { for d.groups_by_size().into_iter().map(|i| (i, &groups[i])).map(|(i, g)| html!{
                    <option value={ i.to_string() } selected={ i == current }>
                        { format!("{}（{}，{}）", g.checklist.title.get(lang), g.reference.version, m::ReportsCount { n: g.rows.len() }.tr(lang)) }
                    </option>
                }) }
            </select>
            <p class="hint">{ Msg::DeskGroupHint.tr(lang) }</p>
        </div>
    }
}

/// 单位一览 / 履职矩阵 / 整改跟踪 / 问题文件 (with the count of problem files).
fn desk_tabs(shown: Tab, problems: usize, lang: Lang, on_tab: Callback<Tab>) -> Html {
    let tab = |t: Tab, label: String| {
        let current = shown == t;
        html! {
            <button type="button" role="tab" aria-selected={ current.to_string() }
                    class={ classes!("tab", current.then_some("current")) }
                    onclick={ on_tab.reform(move |_| t) }>{ label }</button>
        }
    };
    html! {
        <div class="tabs" role="tablist" aria-label={ Msg::Desk.tr(lang) }>
            { tab(Tab::Units, Msg::DeskUnits.tr(lang).into()) }
            { tab(Tab::Matrix, Msg::DeskMatrix.tr(lang).into()) }
            { tab(Tab::Rectifications, Msg::DeskRect.tr(lang).into()) }
            { tab(Tab::Problems, format!("{}（{}）", Msg::DeskProblems.tr(lang), problems)) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct GroupProps {
    desk: Shared,
    group: usize,
    lang: Lang,
    #[prop_or_default]
    on_view: Callback<usize>,
}

#[function_component]
fn UnitsTable(props: &GroupProps) -> Html {
    let lang = props.lang;
    let sort = use_state(|| (UnitColumn::Score, false));
    let text = use_state(String::new);
    let kind = use_state(|| None::<UnitType>);
    // The grade band chosen (its index), compared as a value, not as text in one language.
    let grade = use_state(|| None::<usize>);
    let g = props.desk.group(props.group);
    let bands = &g.checklist.grade_bands;
    let chosen = grade.and_then(|i| bands.get(i)).map(|b| &b.label);
    let mut rows: Vec<(usize, &Row)> = g
        .rows
        .iter()
        .enumerate()
        .filter(|(_, r)| kind.is_none_or(|k| r.unit.unit_type == k))
        .filter(|(_, r)| chosen.is_none_or(|label| r.tally.grade == *label))
        .filter(|(_, r)| r.matches(&text))
        .collect();
    let (col, asc) = *sort;
    rows.sort_by(|(_, a), (_, b)| {
        let o = a.cmp_by(b, col);
        if asc {
            o
        } else {
            o.reverse()
        }
    });
    let head = |c: UnitColumn, label: Msg| {
        let sort = sort.clone();
        let (cur, asc) = *sort;
        let aria = if cur == c {
            if asc {
                "ascending"
            } else {
                "descending"
            }
        } else {
            "none"
        };
        html! {
            <th scope="col" aria-sort={ aria }>
                <button type="button" class="sort" onclick={ Callback::from(move |_| {
                    let (cur, asc) = *sort;
                    sort.set((c, if cur == c { !asc } else { c == UnitColumn::Unit || c == UnitColumn::Type }));
                }) }>{ label.tr(lang) }{ match aria { "ascending" => " ▲", "descending" => " ▼", _ => "" } }</button>
            </th>
        }
    };
    html! {
        <div class="units">
            <div class="filters">
                <TextField id="f-text" label={ Msg::FilterUnits.tr(lang) } value={ (*text).clone() } kind="search"
                           oninput={ { let t = text.clone(); Callback::from(move |v: String| t.set(v)) } } />
                <div class="field">
                    <label for="f-type">{ Msg::UnitType.tr(lang) }</label>
                    <select id="f-type" onchange={ { let k = kind.clone(); Callback::from(move |e: Event| {
                        k.set(UnitType::from_key(&e.target_unchecked_into::<web_sys::HtmlSelectElement>().value()))
                    }) } }>
                        <option value="" selected={ kind.is_none() }>{ Msg::All.tr(lang) }</option>
                        { for UnitType::ALL.iter().map(|t| html!{ <option value={ t.key() } selected={ *kind == Some(*t) }>{ t.label().tr(lang).to_string() }</option> }) }
                    </select>
                </div>
                <div class="field">
                    <label for="f-grade">{ Msg::Grade.tr(lang) }</label>
                    <select id="f-grade" onchange={ { let gr = grade.clone(); Callback::from(move |e: Event| {
                        gr.set(e.target_unchecked_into::<web_sys::HtmlSelectElement>().value().parse().ok())
                    }) } }>
                        <option value="" selected={ grade.is_none() }>{ Msg::All.tr(lang) }</option>
                        { for bands.iter().enumerate().map(|(i, b)| html!{ <option value={ i.to_string() } selected={ *grade == Some(i) }>{ b.label.get(lang) }</option> }) }
                    </select>
                </div>
            </div>
            <p class="hint" role="status">{ m::ShownOf { n: rows.len(), total: g.rows.len() }.tr(lang) }</p>
            <div class="table-wrap">
            <table class="units-table">
                <thead><tr>
                    { head(UnitColumn::Unit, Msg::UnitName) }
                    { head(UnitColumn::Type, Msg::UnitType) }
                    <th scope="col">{ Msg::HeadLabel.tr(lang) }</th>
                    { head(UnitColumn::Year, Msg::Year) }
                    { head(UnitColumn::Progress, Msg::Progress) }
                    { head(UnitColumn::Score, Msg::Score) }
                    <th scope="col">{ Msg::Grade.tr(lang) }</th>
                    { head(UnitColumn::NotDone, Msg::NotDoneCount) }
                    { head(UnitColumn::Partial, Msg::PartialCount) }
                    <th scope="col">{ Msg::FingerprintShort.tr(lang) }</th>
                    <th scope="col"><span class="visually-hidden">{ Msg::Actions.tr(lang) }</span></th>
                </tr></thead>
                <tbody>
                    { for rows.iter().map(|(i, r)| {
                        let view = { let cb = props.on_view.clone(); let i = *i; Callback::from(move |_| cb.emit(i)) };
                        html!{
                        <tr data-file={ r.file.clone() } class={ classes!((r.digest != desk::DigestStatus::Valid).then_some("flagged")) }>
                            <th scope="row">{ &r.unit.name }</th>
                            <td>{ r.unit.unit_type.label().tr(lang).to_string() }</td>
                            <td>{ format!("{} {}", r.unit.head_name, r.unit.head_title) }</td>
                            <td>{ r.year }</td>
                            <td>{ format!("{:.0}%", r.tally.progress() * 100.0) }</td>
                            <td>{ r.tally.normalized }</td>
                            <td>{ r.tally.grade.get(lang) }</td>
                            <td>{ r.tally.counts.not_done }</td>
                            <td>{ r.tally.counts.partial }</td>
                            <td class={ classes!("fp", format!("fp-{}", if r.digest == desk::DigestStatus::Valid { "ok" } else { "bad" })) }
                                title={ r.digest.label().tr(lang).to_string() }>{ r.digest.mark() }</td>
                            <td><button type="button" class="link" onclick={view}
                                        aria-label={ format!("{} {}", Msg::View.tr(lang), r.unit.name) }>{ Msg::View.tr(lang) }</button></td>
                        </tr>
                    } }) }
                </tbody>
            </table>
            </div>
        </div>
    }
}

#[function_component]
fn DutyMatrix(props: &GroupProps) -> Html {
    let lang = props.lang;
    let g = props.desk.group(props.group);
    let picked = use_state(|| None::<(usize, usize)>);
    let rates = desk::matrix(g);
    let labels = desk::unit_labels(g, lang);
    let items: Vec<_> = g.checklist.items().collect();
    let detail = picked.and_then(|(row, item)| {
        let r = g.rows.get(row)?;
        let it = items.get(item)?;
        let a = r.assessment.answer(&it.id).cloned().unwrap_or_default();
        Some(html! {
            <div class="cell-detail panel" role="region" aria-label={ Msg::AnswerDetail.tr(lang) }>
                <h3>{ format!("{} · {}", r.unit.name, it.duty.get(lang)) }</h3>
                <p><strong>{ Msg::Result.tr(lang) }{ Msg::Colon.tr(lang) }</strong>{ desk::status_label(a.status).tr(lang).to_string() }</p>
                <p><strong>{ Msg::Notes.tr(lang) }{ Msg::Colon.tr(lang) }</strong>{ if a.notes.is_empty() { "—".to_string() } else { a.notes.clone() } }</p>
                if a.status.is_some_and(Status::needs_rectification) {
                    <p><strong>{ Msg::Problem.tr(lang) }{ Msg::Colon.tr(lang) }</strong>{ &a.problem }</p>
                    <p><strong>{ Msg::Rectification.tr(lang) }{ Msg::Colon.tr(lang) }</strong>
                        { format!("{}{}", clause(&a.rectification.measure), m::Parenthesized { text: format!("{}{}{}", a.rectification.owner, Msg::ListSeparator.tr(lang), Deadline::parse(&a.rectification.due).show(lang)) }.tr(lang)) }</p>
                }
                if a.status == Some(Status::NotApplicable) {
                    <p><strong>{ Msg::NaReason.tr(lang) }{ Msg::Colon.tr(lang) }</strong>{ &a.na_reason }</p>
                }
            </div>
        })
    });
    html! {
        <div class="matrix">
            { detail.unwrap_or_default() }
            <div class="table-wrap">
            <table class="matrix-table">
                <thead><tr>
                    <th scope="col">{ Msg::SerialNo.tr(lang) }</th>
                    <th scope="col">{ Msg::CheckItem.tr(lang) }</th>
                    <th scope="col">{ Msg::DoneRate.tr(lang) }</th>
                    { for labels.iter().map(|l| html!{ <th scope="col" class="unit-col"><span>{ l }</span></th> }) }
                </tr></thead>
                <tbody>
                    { for rates.iter().enumerate().map(|(ii, rate)| html!{
                        <tr data-item={ rate.item_id.clone() }>
                            <td>{ rate.number }</td>
                            <th scope="row" class="duty-cell">{ rate.duty.get(lang) }</th>
                            <td class="rate" data-rate={ rate.done_rate.map(|r| format!("{r:.4}")).unwrap_or_default() }>
                                { rate.done_rate.map(|r| format!("{:.0}%", r * 100.0)).unwrap_or_else(|| "—".into()) }</td>
                            { for g.rows.iter().enumerate().map(|(ri, row)| {
                                let s = row.statuses.get(ii).copied().flatten();
                                let p = picked.clone();
                                let label = desk::status_label(s).tr(lang).to_string();
                                html!{
                                    <td class={ classes!("cell", format!("s-{}", s.map(|x| x.key()).unwrap_or("none"))) }>
                                        <button type="button" title={ label.clone() } aria-label={ format!("{} · {} · {}", row.unit.name, rate.number, label) }
                                                onclick={ Callback::from(move |_| p.set(Some((ri, ii)))) }>
                                            { match s { Some(Status::Done) => "✓", Some(Status::Partial) => "◐", Some(Status::NotDone) => "✗", Some(Status::NotApplicable) => "—", None => "·" } }
                                        </button>
                                    </td>
                                }
                            }) }
                        </tr>
                    }) }
                </tbody>
            </table>
            </div>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct RectProps {
    desk: Shared,
    group: usize,
    lang: Lang,
    today: String,
}

#[function_component]
fn RectTracker(props: &RectProps) -> Html {
    let lang = props.lang;
    let text = use_state(String::new);
    let overdue_only = use_state(|| false);
    let all = desk::rectifications(props.desk.group(props.group), &props.today);
    let shown: Vec<_> = all
        .iter()
        .filter(|r| !*overdue_only || r.overdue)
        .filter(|r| r.matches(&text))
        .collect();
    let overdue = all.iter().filter(|r| r.overdue).count();
    html! {
        <div class="rects">
            <div class="filters">
                <TextField id="r-text" label={ Msg::FilterRects.tr(lang) } value={ (*text).clone() } kind="search"
                           oninput={ { let t = text.clone(); Callback::from(move |v: String| t.set(v)) } } />
                <label class="check"><input type="checkbox" checked={ *overdue_only } onchange={ {
                    let o = overdue_only.clone(); Callback::from(move |_| o.set(!*o))
                } } />{ format!(" {}（{overdue}）", Msg::OverdueOnly.tr(lang)) }</label>
            </div>
            <p class="hint" role="status">{ m::ShownOf { n: shown.len(), total: all.len() }.tr(lang) }</p>
            <div class="table-wrap">
            <table class="rect-table">
                <thead><tr>
                    <th scope="col">{ Msg::UnitName.tr(lang) }</th><th scope="col">{ Msg::CheckItem.tr(lang) }</th>
                    <th scope="col">{ Msg::Problem.tr(lang) }</th><th scope="col">{ Msg::Measure.tr(lang) }</th>
                    <th scope="col">{ Msg::Owner.tr(lang) }</th><th scope="col">{ Msg::Due.tr(lang) }</th>
                </tr></thead>
                <tbody>
                    { for shown.iter().map(|r| html!{
                        <tr class={ classes!(r.overdue.then_some("overdue")) } data-overdue={ r.overdue.to_string() }>
                            <th scope="row">{ &r.unit }</th>
                            <td>{ format!("{}. {}", r.item_number, r.duty.get(lang)) }</td>
                            <td>{ &r.problem }</td><td>{ &r.measure }</td><td>{ &r.owner }</td>
                            <td>{ Deadline::parse(&r.due).show(lang) }if r.overdue { <span class="badge">{ Msg::Overdue.tr(lang) }</span> }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            </div>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct ProblemProps {
    desk: Shared,
    lang: Lang,
}

#[function_component]
fn ProblemFiles(props: &ProblemProps) -> Html {
    let lang = props.lang;
    let d = &props.desk.0;
    if d.rejected().is_empty() && d.flagged().is_empty() {
        return html! { <p class="hint">{ Msg::NoProblems.tr(lang) }</p> };
    }
    html! {
        <table class="problems">
            <thead><tr><th scope="col">{ Msg::File.tr(lang) }</th><th scope="col">{ Msg::Reason.tr(lang) }</th></tr></thead>
            <tbody>
                { for d.rejected().iter().map(|r| html!{
                    <tr class="rejected" data-file={ r.file.clone() }><th scope="row">{ &r.file }</th><td>{ r.reason.tr(lang) }</td></tr>
                }) }
                { for d.flagged().iter().map(|f| html!{
                    <tr class="flagged" data-file={ f.file.clone() }><th scope="row">{ &f.file }</th><td>{ f.reason.tr(lang) }</td></tr>
                }) }
            </tbody>
        </table>
    }
}
