//! Preview before keeping: a checklist read from a table or a definition
//! file, shown as the units will see it, with its totals per section, every
//! problem found (where it is), the checklist information a table may lack
//! (entered here), and the definition to download. Nothing is kept until
//! the user says so.

use crate::model::messages::bureau as b;
use std::rc::Rc;

use yew::prelude::*;

use super::download_definition;
use crate::model::checklist::{DefinitionProblem, GradeBand};
use crate::model::messages::{m, Message, Msg};
use crate::model::points::Step;
use crate::model::table::{read_table, Loc, Meta, Options, TableProblem, TableRead};
use crate::model::text::{Paragraphs, Text};
use crate::model::{Checklist, Lang};
use crate::ui::checklist_view::{ChecklistHandle, ChecklistView};
use crate::ui::widgets::TextField;

/// What was read from the file the user picked.
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    /// A spreadsheet (or something offered as one).
    Table {
        name: String,
        bytes: Rc<Vec<u8>>,
        read: Rc<Result<TableRead, TableProblem>>,
    },
    /// A JSON checklist definition.
    Definition {
        name: String,
        result: Box<Result<Checklist, Vec<DefinitionProblem>>>,
    },
    /// The browser could not read the file.
    Unreadable(Message),
}

impl Source {
    fn name(&self) -> &str {
        match self {
            Source::Table { name, .. } | Source::Definition { name, .. } => name,
            Source::Unreadable(_) => "",
        }
    }
}

/// The checklist information as typed in the form.
#[derive(Clone, Debug, PartialEq)]
struct Form {
    meta: Meta,
    total: String,
    step: String,
    intro: String,
    grades: Vec<(String, String)>,
}

fn number_text(x: Option<f64>) -> String {
    x.map(|x| x.to_string()).unwrap_or_default()
}

impl Form {
    /// The form's starting values: what the sheet says; for a file without
    /// the sheet, its name as the title and this year's first version.
    fn of(read: &TableRead, file: &str) -> Form {
        let mut meta = read.meta.clone();
        if !read.has_info_sheet {
            let stem = file.rsplit_once('.').map_or(file, |(s, _)| s);
            meta.title.zh = stem.to_string();
            meta.version = format!("{}.1", js_sys::Date::new_0().get_full_year());
        }
        Form {
            total: number_text(meta.total_points),
            step: number_text(meta.score_step),
            intro: meta.introduction.zh.join("\n"),
            grades: meta
                .grade_bands
                .iter()
                .map(|b| (b.label.zh.clone(), b.min.to_string()))
                .collect(),
            meta,
        }
    }

    /// The information, and the problems of the numbers typed.
    fn meta(&self) -> (Meta, Vec<TableProblem>) {
        let mut problems = Vec::new();
        let mut number = |field: b::Msg, s: &str| -> Option<f64> {
            let t = s.trim();
            if t.is_empty() {
                return None;
            }
            let x = t.parse::<f64>().ok().filter(|x| x.is_finite());
            if x.is_none() {
                problems.push(TableProblem {
                    loc: Loc::Meta { field },
                    what: b::m::TableNotNumber { actual: t.into() }.into(),
                });
            }
            x
        };
        let mut meta = self.meta.clone();
        meta.total_points = number(b::Msg::FieldTotal, &self.total);
        meta.score_step = number(b::Msg::FieldStep, &self.step);
        meta.introduction = Paragraphs {
            zh: self
                .intro
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_string)
                .collect(),
            en: self.meta.introduction.en.clone(),
        };
        meta.grade_bands = self
            .grades
            .iter()
            .enumerate()
            .map(|(i, (label, min))| GradeBand {
                min: number(b::Msg::FieldGrades, min).unwrap_or(f64::NAN),
                label: Text::new(
                    label.trim(),
                    self.meta
                        .grade_bands
                        .get(i)
                        .filter(|b| b.label.zh == *label)
                        .map_or("", |b| b.label.en.as_str()),
                ),
            })
            .collect();
        (meta, problems)
    }
}

#[derive(Properties, PartialEq)]
pub struct PreviewProps {
    pub source: Rc<Source>,
    pub lang: Lang,
    pub on_keep: Callback<Rc<Checklist>>,
    pub on_cancel: Callback<()>,
}

/// The outcome shown: the checklist, or every problem.
type Outcome = Result<Rc<Checklist>, Vec<Message>>;

fn definition_problems(problems: &[DefinitionProblem]) -> Vec<Message> {
    problems
        .iter()
        .map(|p| {
            m::ChecklistProblem {
                problem: Box::new(p.message.clone()),
                path: p.path.clone(),
            }
            .into()
        })
        .collect()
}

#[function_component]
pub fn Preview(props: &PreviewProps) -> Html {
    let lang = props.lang;
    let numbered = use_state(|| false);
    // The table as read, again with numbered items when the user asks.
    let read: Rc<Result<TableRead, TableProblem>> = (*use_memo(
        (props.source.clone(), *numbered),
        |(source, numbered)| match &**source {
            Source::Table { bytes, read, .. } if *numbered => {
                Rc::new(read_table(bytes, Options { generate_ids: true }))
            }
            Source::Table { read, .. } => read.clone(),
            _ => Rc::new(Err(TableProblem {
                loc: Loc::File,
                what: b::Msg::TableEmpty.into(),
            })),
        },
    ))
    .clone();
    let form = {
        let (source, read) = (props.source.clone(), read.clone());
        use_state(move || match &*read {
            Ok(t) => Some(Form::of(t, source.name())),
            Err(_) => None,
        })
    };
    let outcome: Rc<Outcome> = (*use_memo(
        ((*form).clone(), read.clone(), props.source.clone()),
        |(form, read, source)| {
            Rc::new(match &**source {
                Source::Unreadable(e) => Err(vec![e.clone()]),
                Source::Definition { result, .. } => result
                    .clone()
                    .map(Rc::new)
                    .map_err(|p| definition_problems(&p)),
                Source::Table { .. } => match (&**read, form) {
                    (Err(p), _) => Err(vec![p.message()]),
                    (Ok(t), Some(form)) => {
                        let (meta, mut problems) = form.meta();
                        match t.checklist(&meta) {
                            Ok(c) if problems.is_empty() => Ok(Rc::new(c)),
                            Ok(_) => Err(problems.iter().map(TableProblem::message).collect()),
                            Err(more) => {
                                problems.extend(more);
                                Err(problems.iter().map(TableProblem::message).collect())
                            }
                        }
                    }
                    (Ok(_), None) => Err(Vec::new()),
                },
            })
        },
    ))
    .clone();
    // The heading takes the focus when the preview opens.
    use_effect_with((), |_| {
        if let Some(el) = gloo::utils::document().get_element_by_id("preview-h") {
            let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(el).focus();
        }
    });
    let table = match &*read {
        Ok(t) if matches!(&*props.source, Source::Table { .. }) => Some(t),
        _ => None,
    };
    let title = match &*outcome {
        Ok(c) => c.title.get(lang).to_string(),
        Err(_) => props.source.name().to_string(),
    };
    let keep = match &*outcome {
        Ok(c) => {
            let (cb, c) = (props.on_keep.clone(), c.clone());
            Some(Callback::from(move |_| cb.emit(c.clone())))
        }
        Err(_) => None,
    };
    html! {
        <div class="preview">
            <p class="eyebrow">{ b::Msg::PreviewEyebrow.tr(lang) }</p>
            <h1 id="preview-h" tabindex="-1">{ b::m::PreviewTitle { title }.tr(lang) }</h1>
            if !props.source.name().is_empty() {
                <p class="hint">{ b::m::PreviewFile { name: props.source.name().to_string() }.tr(lang) }</p>
            }
            <p>{ b::Msg::PreviewHint.tr(lang) }</p>
            if let Err(problems) = &*outcome {
                if !problems.is_empty() {
                    <section class="panel table-problems" aria-labelledby="problems-h">
                        <h2 id="problems-h">{ b::Msg::PreviewProblems.tr(lang) }</h2>
                        <ul>{ for problems.iter().map(|p| html! { <li>{ p.tr(lang) }</li> }) }</ul>
                        if table.is_some_and(|t| t.ids_faulty) {
                            <button type="button" class="secondary" onclick={ { let n = numbered.clone(); Callback::from(move |_| n.set(true)) } }>
                                { b::Msg::GenerateIds.tr(lang) }</button>
                        }
                    </section>
                }
            }
            if table.is_some_and(|t| t.ids_generated) {
                <p class="note">{ b::Msg::IdsGenerated.tr(lang) }</p>
            }
            if let Some(f) = &*form {
                if table.is_some() {
                    { meta_form(f, &form, lang) }
                }
            }
            if let Ok(c) = &*outcome { { totals(c, lang) } }
            <div class="preview-actions">
                if let Some(onclick) = keep {
                    <button type="button" class="primary" {onclick}>{ b::Msg::KeepChecklist.tr(lang) }</button>
                }
                if let Ok(c) = &*outcome {
                    <button type="button" class="secondary" onclick={ { let c = c.clone(); Callback::from(move |_| download_definition(&c)) } }>
                        { b::Msg::DownloadDefinition.tr(lang) }</button>
                }
                <button type="button" class="secondary" onclick={ props.on_cancel.reform(|_| ()) }>{ Msg::Cancel.tr(lang) }</button>
            </div>
            if let Ok(c) = &*outcome {
                <ChecklistView checklist={ ChecklistHandle(c.clone()) } {lang} nested=true />
            }
        </div>
    }
}

/// 各方面分值: each section's items and points, and the whole checklist's.
fn totals(c: &Checklist, lang: Lang) -> Html {
    let step = c.step().points();
    html! {
        <section class="panel totals" aria-labelledby="totals-h">
            <h2 id="totals-h">{ b::Msg::SectionTotals.tr(lang) }</h2>
            <p>{ b::m::PreviewTotals { sections: c.section_count(), items: c.items().count(), total: c.max_points(), step }.tr(lang) }</p>
            <table class="section-totals">
                <thead><tr>
                    <th scope="col">{ b::Msg::ColPart.tr(lang) }</th><th scope="col">{ b::Msg::ColSection.tr(lang) }</th>
                    <th scope="col">{ b::Msg::ColItems.tr(lang) }</th><th scope="col">{ Msg::Points.tr(lang) }</th>
                </tr></thead>
                <tbody>
                    { for c.parts.iter().flat_map(|p| p.groups.iter().map(move |g| (p, g))).map(|(p, g)| html! {
                        <tr>
                            <td>{ p.title.get(lang) }</td>
                            <th scope="row">{ g.title.get(lang) }</th>
                            <td class="num">{ g.items.len() }</td>
                            <td class="num">{ Step::sum(g.items.iter().map(|i| i.points)) }</td>
                        </tr>
                    }) }
                </tbody>
                <tfoot><tr>
                    <th scope="row" colspan="2">{ Msg::Total.tr(lang) }</th>
                    <td class="num">{ c.items().count() }</td><td class="num">{ c.max_points() }</td>
                </tr></tfoot>
            </table>
        </section>
    }
}

/// The checklist information a table gives on its sheet 清单信息, editable.
fn meta_form(f: &Form, state: &UseStateHandle<Option<Form>>, lang: Lang) -> Html {
    let edit = |apply: fn(&mut Form, String)| {
        let state = state.clone();
        Callback::from(move |v: String| {
            if let Some(mut f) = (*state).clone() {
                apply(&mut f, v);
                state.set(Some(f));
            }
        })
    };
    let grade = |i: usize, label: bool| {
        let state = state.clone();
        Callback::from(move |e: InputEvent| {
            let v = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .value();
            if let Some(mut f) = (*state).clone() {
                if let Some(g) = f.grades.get_mut(i) {
                    if label {
                        g.0 = v
                    } else {
                        g.1 = v
                    }
                }
                state.set(Some(f));
            }
        })
    };
    let add = {
        let state = state.clone();
        Callback::from(move |_| {
            if let Some(mut f) = (*state).clone() {
                f.grades.push((String::new(), String::new()));
                state.set(Some(f));
            }
        })
    };
    let remove = |i: usize| {
        let state = state.clone();
        Callback::from(move |_| {
            if let Some(mut f) = (*state).clone() {
                f.grades.remove(i);
                state.set(Some(f));
            }
        })
    };
    html! {
        <section class="panel meta-form" aria-labelledby="meta-h">
            <h2 id="meta-h">{ b::Msg::MetaHeading.tr(lang) }</h2>
            <p class="hint">{ b::Msg::MetaHint.tr(lang) }</p>
            <TextField id="meta-title" label={ b::Msg::FieldTitle.tr(lang) } required=true value={ f.meta.title.zh.clone() }
                       oninput={ edit(|f, v| f.meta.title.zh = v) } />
            <div class="field-row">
                <TextField id="meta-id" label={ b::Msg::FieldId.tr(lang) } required=true value={ f.meta.id.clone() }
                           hint={ b::Msg::FieldIdHint.tr(lang) } oninput={ edit(|f, v| f.meta.id = v) } />
                <TextField id="meta-version" label={ b::Msg::FieldVersion.tr(lang) } required=true value={ f.meta.version.clone() }
                           oninput={ edit(|f, v| f.meta.version = v) } />
            </div>
            <div class="field-row">
                <TextField id="meta-total" label={ b::Msg::FieldTotal.tr(lang) } value={ f.total.clone() } hint={ b::Msg::FieldTotalHint.tr(lang) }
                           oninput={ edit(|f, v| f.total = v) } />
                <TextField id="meta-step" label={ b::Msg::FieldStep.tr(lang) } value={ f.step.clone() } hint={ b::Msg::FieldStepHint.tr(lang) }
                           oninput={ edit(|f, v| f.step = v) } />
            </div>
            <TextField id="meta-source" label={ b::Msg::FieldSource.tr(lang) } value={ f.meta.source.zh.clone() }
                       oninput={ edit(|f, v| f.meta.source.zh = v) } />
            <TextField id="meta-intro" label={ b::Msg::FieldIntro.tr(lang) } multiline=true value={ f.intro.clone() }
                       oninput={ edit(|f, v| f.intro = v) } />
            <fieldset class="grades">
                <legend>{ b::Msg::FieldGrades.tr(lang) }</legend>
                { for f.grades.iter().enumerate().map(|(i, (label, min))| html! {
                    <div class="grade-row">
                        <label for={ format!("grade-{i}-label") }>{ format!("{} {}", b::Msg::GradeLabel.tr(lang), i + 1) }</label>
                        <input id={ format!("grade-{i}-label") } type="text" value={ label.clone() } oninput={ grade(i, true) } />
                        <label for={ format!("grade-{i}-min") }>{ b::Msg::GradeMin.tr(lang) }</label>
                        <input id={ format!("grade-{i}-min") } type="text" inputmode="decimal" value={ min.clone() } oninput={ grade(i, false) } />
                        <button type="button" class="link danger" onclick={ remove(i) }
                                aria-label={ format!("{} {}", Msg::Remove.tr(lang), label) }>{ Msg::Remove.tr(lang) }</button>
                    </div>
                }) }
                <button type="button" class="secondary" onclick={ add }>{ b::Msg::AddGrade.tr(lang) }</button>
            </fieldset>
        </section>
    }
}
