//! 完成时限: a date, or one of the fixed terms 长期坚持 and 立行立改
//! (model/calendar.rs). The date input keeps the field's name, 完成时限; the
//! three choices sit beside it.

use yew::prelude::*;

use crate::model::calendar::{Deadline, DeadlineKind};
use crate::model::messages::Msg;
use crate::model::Lang;

/// What [`due_field`] shows.
pub struct DueFieldProps {
    /// The date input's id; the choices and the error derive theirs from it.
    pub id: AttrValue,
    /// The stored `due`.
    pub value: AttrValue,
    pub error: Option<AttrValue>,
    /// Show the error: the user left the date, or asked to finish.
    pub reveal: bool,
    /// The user leaves the date.
    pub onblur: Callback<FocusEvent>,
    pub lang: Lang,
    pub oninput: Callback<String>,
}

/// A view function rather than a component (each component costs shipped
/// code); the item card keeps whether the date was left.
pub fn due_field(props: DueFieldProps) -> Html {
    let lang = props.lang;
    let id = &props.id;
    let deadline = Deadline::parse(&props.value);
    let kind = deadline.kind();
    let error = props.error.clone().filter(|_| props.reveal);
    let legend_id = format!("{id}-legend");
    let err_id = format!("{id}-err");
    let choice = |k: DeadlineKind| {
        let input_id = format!("{id}-kind-{}", k.key());
        let onchange = props.oninput.reform(move |_: Event| k.stored().to_string());
        html! {
            <label class="choice" for={ input_id.clone() }>
                <input type="radio" id={ input_id } name={ format!("{id}-kind") } checked={ kind == k } {onchange} />
                <span>{ k.label().tr(lang) }</span>
            </label>
        }
    };
    let date = match deadline {
        Deadline::Date(d) => d.to_string(),
        _ => String::new(),
    };
    let oninput = props.oninput.reform(|e: InputEvent| {
        e.target_unchecked_into::<web_sys::HtmlInputElement>()
            .value()
    });
    let onblur = props.onblur.clone();
    html! {
        <fieldset class={ classes!("field", "due", error.as_ref().map(|_| "has-error")) }>
            <legend id={ legend_id.clone() }>{ Msg::Due.tr(lang) }<span class="req" aria-hidden="true">{ " *" }</span></legend>
            <div class="due-choices">
                { choice(DeadlineKind::Date) }
                <input type="date" id={ id.clone() } value={ date } aria-labelledby={ legend_id }
                       disabled={ kind != DeadlineKind::Date } aria-required="true" {oninput} {onblur}
                       aria-invalid={ error.as_ref().map(|_| "true") }
                       aria-describedby={ error.as_ref().map(|_| err_id.clone()) } />
                { choice(DeadlineKind::Ongoing) }
                { choice(DeadlineKind::Immediate) }
                // On the same line, so that appearing it moves nothing.
                if let Some(e) = &error { <span class="error" id={ err_id }>{ e.clone() }</span> }
            </div>
        </fieldset>
    }
}
