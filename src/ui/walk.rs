//! The walk through an open assessment: the side navigation with each
//! section's completion, the overall progress, and the current step.

use yew::prelude::*;

use super::checklist_view::ChecklistHandle;
use super::finish::FinishStep;
use super::follow_ups::FollowUps;
use super::item_card::ItemCard;
use super::print::PrintReport;
use super::state::{Action, AppState, Open};
use super::summary::SummaryPage;
use super::unit_form::UnitFields;
use super::widgets::ProgressBar;
use crate::browser::clock;
use crate::model::draft::Step;
use crate::model::messages::Msg;
use crate::model::scoring::{summarize, Summary};
use crate::model::validation::{follow_up_issues, unit_issues};
use crate::model::{Edit, Lang};

#[derive(Properties, PartialEq)]
pub struct WorkspaceProps {
    pub open: Open,
    pub checklist: ChecklistHandle,
    pub lang: Lang,
    pub dispatch: UseReducerDispatcher<AppState>,
}

#[function_component]
pub fn Workspace(props: &WorkspaceProps) -> Html {
    let lang = props.lang;
    let c = &props.checklist.0;
    let o = &props.open;
    let summary = summarize(c, &o.assessment);
    let go = |step: Step| {
        let d = props.dispatch.clone();
        Callback::from(move |_| d.dispatch(Action::GoTo(step)))
    };
    let body = match o.step {
        Step::Unit => {
            let issues = unit_issues(&o.assessment);
            let d = props.dispatch.clone();
            let onedit = Callback::from(move |edit: Edit| {
                d.dispatch(Action::Edit {
                    edit,
                    at: clock::now_iso(),
                })
            });
            html! {
                <section class="step" aria-labelledby="step-h">
                    <h2 id="step-h" tabindex="-1">{ Msg::UnitInfo.tr(lang) }</h2>
                    <UnitFields unit={ o.assessment.unit.clone() } year={ o.assessment.year } {lang} {issues} onedit={ onedit.clone() } />
                    <FollowUps follow_ups={ o.assessment.follow_ups.clone() } issues={ follow_up_issues(&o.assessment) }
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
                    <h2 id="step-h" tabindex="-1">{ group.title.get(lang) }</h2>
                    <p class="step-meta">{ format!("{} {}/{} · {} {}/{}", Msg::Completed.tr(lang), tally.complete, tally.applicable,
                                                   Msg::Score.tr(lang), tally.score, tally.max) }</p>
                    { for group.items.iter().enumerate().map(|(pos, item)| html!{
                        <ItemCard key={ item.id.clone() } checklist={ props.checklist.clone() } section={i} position={pos}
                                  number={ first_number + pos } answer={ o.assessment.answer(&item.id).cloned() }
                                  show_all_issues={ o.show_all_issues } {lang} dispatch={ props.dispatch.clone() } />
                    }) }
                    <StepButtons prev={ Some(prev) } next={ Some(next) } {lang} />
                </section>
            }
        }
        Step::Finish => html! {
            <FinishStep assessment={ o.assessment.clone() } checklist={ props.checklist.clone() } {lang}
                        dispatch={ props.dispatch.clone() } />
        },
        Step::Summary => html! {
            <SummaryPage summary={ summary.clone() } assessment={ o.assessment.clone() }
                         checklist={ props.checklist.clone() } {lang} dispatch={ props.dispatch.clone() } />
        },
        Step::Print => html! {
            <section class="step print-step" aria-labelledby="step-h">
                <div class="print-toolbar">
                    <h2 id="step-h" tabindex="-1">{ Msg::PrintPreview.tr(lang) }</h2>
                    <p class="hint">{ Msg::PrintHint.tr(lang) }</p>
                    <button type="button" class="primary" onclick={ Callback::from(|_| crate::browser::print()) }>
                        { Msg::PrintButton.tr(lang) }</button>
                </div>
                <PrintReport checklist={ props.checklist.clone() } assessment={ o.assessment.clone() } {lang}
                             today={ clock::today() } />
            </section>
        },
    };
    html! {
        <div class="workspace">
            <SideNav step={ o.step } summary={ summary.clone() } unit_ok={ unit_issues(&o.assessment).is_empty() && follow_up_issues(&o.assessment).is_empty() }
                     {lang} dispatch={ props.dispatch.clone() } />
            <div class="step-area">
                <ProgressBar value={ summary.total.progress() } label={ Msg::Progress.tr(lang) } />
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

#[derive(Properties, PartialEq)]
struct SideNavProps {
    step: Step,
    summary: Summary,
    unit_ok: bool,
    lang: Lang,
    dispatch: UseReducerDispatcher<AppState>,
}

#[function_component]
fn SideNav(props: &SideNavProps) -> Html {
    let lang = props.lang;
    let entry = |step: Step, label: String, detail: String, done: bool| {
        let d = props.dispatch.clone();
        let current = props.step == step;
        html! {
            <li class={ classes!(current.then_some("current"), done.then_some("done")) }>
                <button type="button" aria-current={ current.then_some("step") }
                        onclick={ Callback::from(move |_| d.dispatch(Action::GoTo(step))) }>
                    <span class="nav-label">{ label }</span>
                    <span class="nav-detail">
                        if done { <span class="tick" aria-hidden="true">{ "✓ " }</span> }
                        { detail }
                    </span>
                </button>
            </li>
        }
    };
    html! {
        <nav class="sidenav" aria-label={ Msg::Sections.tr(lang) }>
            <ol>
                { entry(Step::Unit, Msg::UnitInfo.tr(lang).into(), String::new(), props.unit_ok) }
                { for props.summary.sections.iter().enumerate().map(|(i, s)| {
                    let t = &s.tally;
                    entry(Step::Section(i), s.title.get(lang).to_string(),
                          format!("{}/{}", t.complete, t.applicable), t.complete == t.applicable)
                }) }
                { entry(Step::Finish, Msg::Finish.tr(lang).into(), String::new(), false) }
                { entry(Step::Summary, Msg::Summary.tr(lang).into(), String::new(), false) }
                { entry(Step::Print, Msg::PrintPreview.tr(lang).into(), String::new(), false) }
            </ol>
        </nav>
    }
}
