//! 单位一览: one row per counted report, sortable and filterable; the filters
//! live with the desk, so they are still set after reading a report. Reports
//! left out of the figures (not verified) come last, marked, each with the
//! reviewer's way to count it.

use crate::model::messages::bureau as b;
use yew::prelude::*;

use super::{Open, Shared};
use crate::model::desk::{self, csv::basis_label, resubmission::Basis, Row, UnitColumn};
use crate::model::messages::Msg;
use crate::model::{Lang, UnitType};
use crate::ui::widgets::TextField;

/// The units table's filters and sort.
#[derive(Clone, Debug, PartialEq)]
pub struct UnitsFilter {
    pub text: String,
    pub kind: Option<UnitType>,
    /// The grade band chosen (its index), compared as a value, not as text in one language.
    pub grade: Option<usize>,
    /// The column and whether ascending.
    pub sort: (UnitColumn, bool),
}

impl Default for UnitsFilter {
    fn default() -> UnitsFilter {
        UnitsFilter {
            text: String::new(),
            kind: None,
            grade: None,
            sort: (UnitColumn::Score, false),
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct UnitsProps {
    pub desk: Shared,
    pub group: usize,
    pub lang: Lang,
    pub filter: UnitsFilter,
    pub on_filter: Callback<UnitsFilter>,
    pub on_open: Callback<Open>,
    /// The reviewer counts a report left out of the figures (group, report).
    pub on_count: Callback<(usize, usize)>,
    /// The reviewer takes that back.
    pub on_uncount: Callback<(usize, usize)>,
}

#[function_component]
pub fn UnitsTable(props: &UnitsProps) -> Html {
    let lang = props.lang;
    let f = &props.filter;
    let g = props.desk.group(props.group);
    let bands = &g.checklist.grade_bands;
    let chosen = f.grade.and_then(|i| bands.get(i)).map(|b| &b.label);
    let mut rows: Vec<(usize, &Row)> = g
        .counted()
        .filter(|(_, r)| f.kind.is_none_or(|k| r.unit.unit_type == k))
        .filter(|(_, r)| chosen.is_none_or(|label| r.tally.grade == *label))
        .filter(|(_, r)| r.matches(&f.text))
        .collect();
    let (col, asc) = f.sort;
    let out = |i: usize| g.slot_of(i).is_some_and(|s| !g.in_figures(s));
    // Stable: equal values keep the natural order of the units.
    rows.sort_by(|&(i, a), &(j, b)| {
        let o = a.cmp_by(b, col);
        out(i).cmp(&out(j)).then(if asc { o } else { o.reverse() })
    });
    let set = |change: Box<dyn Fn(&mut UnitsFilter)>| {
        let (f, cb) = (f.clone(), props.on_filter.clone());
        move || {
            let mut next = f.clone();
            change(&mut next);
            cb.emit(next);
        }
    };
    let head = |c: UnitColumn, label: &str, title: Option<&str>| {
        let aria = match f.sort {
            (cur, true) if cur == c => "ascending",
            (cur, false) if cur == c => "descending",
            _ => "none",
        };
        let click = set(Box::new(move |x: &mut UnitsFilter| {
            let (cur, asc) = x.sort;
            x.sort = (
                c,
                if cur == c {
                    !asc
                } else {
                    c == UnitColumn::Unit || c == UnitColumn::Type
                },
            );
        }));
        html! {
            <th scope="col" aria-sort={ aria } title={ title.map(str::to_string) }>
                <button type="button" class="sort" onclick={ Callback::from(move |_| click()) }>{ label }
                    <span class="sort-mark" aria-hidden="true">{ match aria { "ascending" => " ▲", "descending" => " ▼", _ => "" } }</span>
                </button>
            </th>
        }
    };
    let on_text = {
        let (f, cb) = (f.clone(), props.on_filter.clone());
        Callback::from(move |v: String| {
            let mut next = f.clone();
            next.text = v;
            cb.emit(next);
        })
    };
    let on_kind = {
        let (f, cb) = (f.clone(), props.on_filter.clone());
        Callback::from(move |e: Event| {
            let mut next = f.clone();
            next.kind = UnitType::from_key(
                &e.target_unchecked_into::<web_sys::HtmlSelectElement>()
                    .value(),
            );
            cb.emit(next);
        })
    };
    let on_grade = {
        let (f, cb) = (f.clone(), props.on_filter.clone());
        Callback::from(move |e: Event| {
            let mut next = f.clone();
            next.grade = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value()
                .parse()
                .ok();
            cb.emit(next);
        })
    };
    let gi = props.group;
    html! {
        <div class="units">
            <div class="filters">
                <TextField id="f-text" label={ b::Msg::FilterUnits.tr(lang) } value={ f.text.clone() } kind="search" oninput={ on_text } />
                <div class="field">
                    <label for="f-type">{ Msg::UnitType.tr(lang) }</label>
                    <select id="f-type" onchange={ on_kind }>
                        <option value="" selected={ f.kind.is_none() }>{ b::Msg::All.tr(lang) }</option>
                        { for UnitType::ALL.iter().map(|t| html!{ <option value={ t.key() } selected={ f.kind == Some(*t) }>{ t.label().tr(lang).to_string() }</option> }) }
                    </select>
                </div>
                <div class="field">
                    <label for="f-grade">{ Msg::Grade.tr(lang) }</label>
                    <select id="f-grade" onchange={ on_grade }>
                        <option value="" selected={ f.grade.is_none() }>{ b::Msg::All.tr(lang) }</option>
                        { for bands.iter().enumerate().map(|(i, b)| html!{ <option value={ i.to_string() } selected={ f.grade == Some(i) }>{ b.label.get(lang) }</option> }) }
                    </select>
                </div>
            </div>
            <p class="hint" role="status">{ b::m::ShownOf { n: rows.len(), total: g.len() }.tr(lang) }</p>
            <div class="table-wrap">
            <table class="units-table">
                <thead><tr>
                    { head(UnitColumn::Unit, Msg::UnitName.tr(lang), None) }
                    { head(UnitColumn::Type, Msg::UnitType.tr(lang), None) }
                    <th scope="col">{ Msg::HeadLabel.tr(lang) }</th>
                    { head(UnitColumn::Year, Msg::Year.tr(lang), None) }
                    { head(UnitColumn::Progress, Msg::Progress.tr(lang), None) }
                    { head(UnitColumn::Score, Msg::Score.tr(lang), None) }
                    <th scope="col">{ Msg::Grade.tr(lang) }</th>
                    { head(UnitColumn::NotDone, b::Msg::NotDoneCount.tr(lang), None) }
                    { head(UnitColumn::Partial, b::Msg::PartialCount.tr(lang), None) }
                    { head(UnitColumn::Evidence, b::Msg::EvidenceCount.tr(lang), Some(b::Msg::EvidenceCountHint.tr(lang))) }
                    <th scope="col">{ Msg::FingerprintShort.tr(lang) }</th>
                    <th scope="col"><span class="visually-hidden">{ Msg::Actions.tr(lang) }</span></th>
                </tr></thead>
                <tbody>
                    { for rows.iter().map(|&(i, r)| unit_row(g, (gi, i), r, lang, &props.on_open, (&props.on_count, &props.on_uncount))) }
                </tbody>
            </table>
            </div>
            <p class="hint">{ b::Msg::EvidenceCountHint.tr(lang) }</p>
            if g.counted().any(|(_, r)| !r.trusted()) {
                <p class="hint">{ b::Msg::LeftOutHint.tr(lang) }</p>
            }
        </div>
    }
}

/// A callback naming a report (group, report).
type Pick = Callback<(usize, usize)>;

/// One counted report's row: a ✗ or — fingerprint and a note when another
/// report of the unit and year exists or the reviewer is to choose.
fn unit_row(
    g: &desk::Group,
    (gi, i): (usize, usize),
    r: &Row,
    lang: Lang,
    on_open: &Callback<Open>,
    (on_count, on_uncount): (&Pick, &Pick),
) -> Html {
    let id = format!("u-{gi}-{i}");
    let open = {
        let (cb, id) = (on_open.clone(), id.clone());
        Callback::from(move |_| cb.emit((gi, i, id.clone())))
    };
    let slot = g.slot_of(i);
    let several = slot.filter(|s| s.reports.len() > 1 || s.basis == Basis::Chosen);
    let left_out = slot.filter(|s| !g.in_figures(s));
    let ok = r.verified();
    let count = {
        let cb = on_count.clone();
        Callback::from(move |_| cb.emit((gi, i)))
    };
    // Counted anyway: the reviewer's choice of a report that does not verify.
    let anyway = !r.trusted() && slot.is_some_and(|s| s.basis == Basis::Chosen);
    let uncount = {
        let cb = on_uncount.clone();
        Callback::from(move |_| cb.emit((gi, i)))
    };
    html! {
        <tr data-file={ r.file.clone() } class={ classes!((!ok).then_some("flagged"), left_out.is_some().then_some("left-out"), slot.is_some_and(|s| s.awaiting_choice()).then_some("awaiting")) }>
            <th scope="row">{ &r.unit.name }
                if let Some(s) = left_out {
                    <span class="sub badge-left-out">{ basis_label(g, s, lang) }</span>
                } else if let Some(s) = several {
                    <span class="sub">{ basis_label(g, s, lang) }</span>
                }
            </th>
            <td>{ r.unit.unit_type.label().tr(lang).to_string() }</td>
            <td>{ format!("{} {}", r.unit.head_name, r.unit.head_title) }</td>
            <td>{ r.year }</td>
            <td>{ format!("{:.0}%", r.tally.progress() * 100.0) }</td>
            <td>{ r.tally.normalized }</td>
            <td class="nowrap">{ r.tally.grade.get(lang) }</td>
            <td>{ r.tally.counts.not_done }</td>
            <td>{ r.tally.counts.partial }</td>
            <td>{ r.evidence }</td>
            <td class={ classes!("fp", if ok { "fp-ok" } else { "fp-bad" }) }
                title={ r.digest.label().tr(lang).to_string() }>
                <span aria-hidden="true">{ r.digest.mark() }</span><span class="visually-hidden">{ r.digest.label().tr(lang) }</span></td>
            <td class="nowrap"><button type="button" class="link" id={ id } onclick={ open }
                        aria-label={ format!("{} {}", b::Msg::View.tr(lang), r.unit.name) }>{ b::Msg::View.tr(lang) }</button>
                if left_out.is_some() {
                    <button type="button" class="link" onclick={ count }
                            aria-label={ format!("{} {}", b::Msg::CountAnyway.tr(lang), r.unit.name) }>{ b::Msg::CountAnyway.tr(lang) }</button>
                }
                if anyway {
                    <button type="button" class="link" onclick={ uncount }
                            aria-label={ format!("{} {}", b::Msg::LeaveOut.tr(lang), r.unit.name) }>{ b::Msg::LeaveOut.tr(lang) }</button>
                }
            </td>
        </tr>
    }
}
