//! The walk through an open assessment: the side navigation with each
//! section's completion, the overall progress, and the current step.

use super::word::WordButton;
use crate::model::document::DocKind;
use yew::prelude::*;

use super::checklist_view::ChecklistHandle;
use super::finish::FinishStep;
use super::follow_ups::FollowUps;
use super::item_card::ItemCard;
use super::print::PrintReport;
use super::state::Open;
use super::summary::SummaryPage;
use super::unit_form::UnitFields;
use super::widgets::ProgressBar;
use crate::browser::clock;
use crate::model::draft::Step;
use crate::model::messages::Msg;
use crate::model::scoring::{summarize, Summary};
use crate::model::validation::{follow_up_issues, progress, sections_done, unit_issues};
use crate::model::{Checklist, Edit, Lang};

/// What the walk's screens send upward.
#[derive(Clone, PartialEq)]
pub struct WorkspaceEvents {
    pub edit: Callback<Edit>,
    pub step: Callback<Step>,
    /// Go to a field: (item id, or None for the unit, and the field key).
    pub fix: Callback<(Option<String>, String)>,
}

#[derive(Properties, PartialEq)]
pub struct WorkspaceProps {
    pub open: Open,
    pub checklist: ChecklistHandle,
    pub lang: Lang,
    pub events: WorkspaceEvents,
}

#[function_component]
pub fn Workspace(props: &WorkspaceProps) -> Html {
    let lang = props.lang;
    let c = &props.checklist.0;
    let o = &props.open;
    let summary = summarize(c, &o.assessment);
    let ev = &props.events;
    let go = |step: Step| ev.step.reform(move |_: MouseEvent| step);
    let body = match o.step {
        Step::Unit => {
            let issues = unit_issues(&o.assessment);
            let onedit = ev.edit.clone();
            html! {
                <section class="step" aria-labelledby="step-h">
                    <h1 id="step-h" tabindex="-1">{ Msg::UnitInfo.tr(lang) }</h1>
                    <UnitFields unit={ o.assessment.unit.clone() } year={ o.assessment.year } {lang} {issues}
                                reveal={ o.show_all_issues } onedit={ onedit.clone() } />
                    <FollowUps follow_ups={ o.assessment.follow_ups.clone() } issues={ follow_up_issues(&o.assessment) }
                               checklist={ props.checklist.clone() } reveal={ o.show_all_issues }
                               {lang} {onedit} />
                    <StepButtons prev={ None::<Callback<MouseEvent>> } next={ Some(go(Step::Section(0))) } {lang} />
                </section>
            }
        }
        Step::Section(i) => {
            let group = c.sections().nth(i).expect("clamped by the reducer");
            let first_number = c.sections().take(i).map(|g| g.items.len()).sum::<usize>() + 1;
            let prev = if i == 0 {
                go(Step::Unit)
            } else {
                go(Step::Section(i - 1))
            };
            let next = if i + 1 < c.section_count() {
                go(Step::Section(i + 1))
            } else {
                go(Step::Finish)
            };
            let tally = &summary.sections[i].tally;
            html! {
                <section class="step" aria-labelledby="step-h">
                    <p class="step-part">{ part_of(c, i).map(|p| p.title.get(lang)).unwrap_or_default() }</p>
                    <h1 id="step-h" tabindex="-1">{ group.title.get(lang) }</h1>
                    <p class="step-meta">{ format!("{} {}/{} · {} {}/{}", Msg::Completed.tr(lang), tally.complete, tally.applicable,
                                                   Msg::Score.tr(lang), tally.score, tally.max) }</p>
                    { for group.items.iter().enumerate().map(|(pos, item)| html!{
                        <ItemCard key={ item.id.clone() } checklist={ props.checklist.clone() } section={i} position={pos}
                                  number={ first_number + pos } answer={ o.assessment.answer(&item.id).cloned() }
                                  show_all_issues={ o.show_all_issues } {lang} on_edit={ ev.edit.clone() } />
                    }) }
                    <StepButtons prev={ Some(prev) } next={ Some(next) } {lang} />
                </section>
            }
        }
        Step::Finish => html! {
            <FinishStep assessment={ o.assessment.clone() } checklist={ props.checklist.clone() } {lang}
                        on_step={ ev.step.clone() } on_fix={ ev.fix.clone() } />
        },
        Step::Summary => html! {
            <SummaryPage summary={ summary.clone() } assessment={ o.assessment.clone() }
                         checklist={ props.checklist.clone() } {lang} on_edit={ ev.edit.clone() } on_step={ ev.step.clone() } />
        },
        Step::Print => html! {
            <section class="step print-step" aria-labelledby="step-h">
                <div class="print-toolbar">
                    <h2 id="step-h" tabindex="-1">{ Msg::PrintPreview.tr(lang) }</h2>
                    <p class="hint">{ Msg::PrintHint.tr(lang) }</p>
                    <button type="button" class="primary" onclick={ Callback::from(|_| crate::browser::print()) }>
                        { Msg::PrintButton.tr(lang) }</button>
                    <WordButton kind={ DocKind::Report } checklist={ props.checklist.clone() } assessment={ o.assessment.clone() }
                                {lang} today={ clock::today() } />
                </div>
                <PrintReport checklist={ props.checklist.clone() } assessment={ o.assessment.clone() } {lang}
                             today={ clock::today() } />
            </section>
        },
    };
    html! {
        <div class="workspace">
            <SideNav step={ o.step } summary={ summary.clone() } checklist={ props.checklist.clone() }
                     unit_ok={ unit_issues(&o.assessment).is_empty() && follow_up_issues(&o.assessment).is_empty() }
                     done={ sections_done(&props.checklist.0, &o.assessment) }
                     {lang} on_step={ ev.step.clone() } />
            <div class="step-area">
                <ProgressBar value={ progress(&props.checklist.0, &o.assessment) } label={ Msg::Progress.tr(lang) } />
                { body }
            </div>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct StepButtonsProps {
    prev: Option<Callback<MouseEvent>>,
    next: Option<Callback<MouseEvent>>,
    lang: Lang,
}

#[function_component]
fn StepButtons(props: &StepButtonsProps) -> Html {
    html! {
        <div class="step-buttons">
            if let Some(p) = &props.prev {
                <button type="button" class="secondary" onclick={ p.clone() }>{ Msg::Previous.tr(props.lang) }</button>
            }
            if let Some(n) = &props.next {
                <button type="button" class="primary" onclick={ n.clone() }>{ Msg::Next.tr(props.lang) }</button>
            }
        </div>
    }
}

/// The part (二、… / 三、…) that section `index` belongs to.
fn part_of(c: &Checklist, index: usize) -> Option<&crate::model::checklist::Part> {
    let mut first = 0;
    c.parts.iter().find(|p| {
        first += p.groups.len();
        index < first
    })
}

#[derive(Properties, PartialEq)]
struct SideNavProps {
    step: Step,
    summary: Summary,
    checklist: ChecklistHandle,
    unit_ok: bool,
    /// Each section: every item answered with nothing left to fill in (its tick).
    done: Vec<bool>,
    lang: Lang,
    on_step: Callback<Step>,
}

struct NavEntryProps {
    step: Step,
    current: bool,
    label: AttrValue,
    detail: AttrValue,
    done: bool,
    on_step: Callback<Step>,
}

fn nav_entry(props: NavEntryProps) -> Html {
    let step = props.step;
    html! {
        <li class={ classes!(props.current.then_some("current"), props.done.then_some("done")) }>
            <button type="button" aria-current={ props.current.then_some("step") }
                    onclick={ props.on_step.reform(move |_: MouseEvent| step) }>
                <span class="nav-label">{ props.label.clone() }</span>
                <span class="nav-detail">
                    if props.done { <span class="tick" aria-hidden="true">{ "✓ " }</span> }
                    { props.detail.clone() }
                </span>
            </button>
        </li>
    }
}

/// The side navigation: the unit step, the sections under their parts'
/// headings, then 检查并完成, 自查结果 and 打印预览.
#[function_component]
fn SideNav(props: &SideNavProps) -> Html {
    let lang = props.lang;
    let entry = |step: Step, label: &str, detail: String, done: bool| {
        nav_entry(NavEntryProps {
            step,
            current: props.step == step,
            label: AttrValue::from(label.to_string()),
            detail: AttrValue::from(detail),
            done,
            on_step: props.on_step.clone(),
        })
    };
    let mut index = 0;
    let parts = props
        .checklist
        .0
        .parts
        .iter()
        .enumerate()
        .map(|(p, part)| {
            let sections = part
                .groups
                .iter()
                .map(|_| {
                    let i = index;
                    index += 1;
                    let s = &props.summary.sections[i];
                    let t = &s.tally;
                    entry(
                        Step::Section(i),
                        s.title.get(lang),
                        format!("{}/{}", t.complete, t.applicable),
                        props.done.get(i).copied().unwrap_or(false),
                    )
                })
                .collect::<Html>();
            let id = format!("nav-part-{p}");
            html! {
                <li class="nav-part">
                    <span class="nav-part-title" id={ id.clone() }>{ part.title.get(lang) }</span>
                    <ol aria-labelledby={ id }>{ sections }</ol>
                </li>
            }
        })
        .collect::<Html>();
    html! {
        <nav class="sidenav" aria-label={ Msg::Sections.tr(lang) }>
            <ol>
                { entry(Step::Unit, Msg::UnitInfo.tr(lang), String::new(), props.unit_ok) }
                { parts }
                { entry(Step::Finish, Msg::Finish.tr(lang), String::new(), false) }
                { entry(Step::Summary, Msg::Summary.tr(lang), String::new(), false) }
                { entry(Step::Print, Msg::PrintPreview.tr(lang), String::new(), false) }
            </ol>
        </nav>
    }
}
