//! The unit-information fields (单位基本信息), used both to start a new
//! assessment and as the first step of the walk.

use yew::prelude::*;

use super::widgets::{issue_for, TextField};
use crate::model::messages::Msg;
use crate::model::validation::Issue;
use crate::model::{Edit, Lang, UnitField, UnitInfo, UnitType};

#[derive(Properties, PartialEq)]
pub struct UnitFieldsProps {
    pub unit: UnitInfo,
    pub year: i32,
    pub lang: Lang,
    /// Problems to show (already filtered to what the user should see).
    pub issues: Vec<Issue>,
    /// Show errors before a field is left (after a submit, or once the user asked to finish).
    pub reveal: bool,
    pub onedit: Callback<Edit>,
}

#[function_component]
pub fn UnitFields(props: &UnitFieldsProps) -> Html {
    let lang = props.lang;
    let u = &props.unit;
    let err = |f: &str| {
        issue_for(&props.issues, f).map(|i| AttrValue::from(i.message.tr(lang).to_string()))
    };
    let text = |field: UnitField,
                key: &str,
                label: Msg,
                value: &str,
                required: bool,
                kind: &'static str| {
        let onedit = props.onedit.clone();
        html! {
            <TextField id={ format!("unit-{key}") } label={ label.tr(lang) } value={ value.to_string() }
                       error={ err(key) } {required} kind={ kind } reveal={ props.reveal }
                       oninput={ Callback::from(move |v| onedit.emit(Edit::Unit(field, v))) } />
        }
    };
    let on_type = {
        let onedit = props.onedit.clone();
        Callback::from(move |e: Event| {
            let v = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            if let Some(t) = UnitType::from_key(&v) {
                onedit.emit(Edit::UnitType(t));
            }
        })
    };
    let on_year = {
        let onedit = props.onedit.clone();
        Callback::from(move |v: String| {
            if let Ok(y) = v.trim().parse::<i32>() {
                onedit.emit(Edit::Year(y));
            }
        })
    };
    html! {
        <div class="unit-fields">
            { text(UnitField::Name, "name", Msg::UnitName, &u.name, true, "text") }
            <div class="field">
                <label for="unit-type">{ Msg::UnitType.tr(lang) }<span class="req" aria-hidden="true">{ " *" }</span></label>
                <select id="unit-type" onchange={on_type}>
                    { for UnitType::ALL.iter().map(|t| html!{
                        <option value={ t.key() } selected={ *t == u.unit_type }>{ t.label().tr(lang).to_string() }</option>
                    }) }
                </select>
            </div>
            <div class="field-row">
                { text(UnitField::HeadName, "head_name", Msg::HeadName, &u.head_name, true, "text") }
                { text(UnitField::HeadTitle, "head_title", Msg::HeadTitle, &u.head_title, true, "text") }
            </div>
            <div class="field-row">
                { text(UnitField::FilledBy, "filled_by", Msg::FilledBy, &u.filled_by, false, "text") }
                { text(UnitField::Phone, "phone", Msg::Phone, &u.phone, false, "tel") }
            </div>
            <TextField id="unit-year" label={ Msg::Year.tr(lang) } value={ props.year.to_string() }
                       kind="number" required=true error={ err("year") } reveal={ props.reveal } oninput={on_year} />
        </div>
    }
}
