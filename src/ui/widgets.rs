//! Small shared pieces: the progress bar, the autosave indicator, and a
//! labelled text field / text area that shows its validation message.

use yew::prelude::*;

use super::state::SaveState;
use crate::model::messages::Msg;
use crate::model::validation::Issue;
use crate::model::Lang;

#[derive(Properties, PartialEq)]
pub struct ProgressProps {
    /// In [0, 1].
    pub value: f64,
    pub label: AttrValue,
}

#[function_component]
pub fn ProgressBar(props: &ProgressProps) -> Html {
    let pct = (props.value * 100.0).round().clamp(0.0, 100.0) as u32;
    html! {
        <div class="progress">
            <div class="progress-track" role="progressbar" aria-label={ props.label.clone() }
                 aria-valuemin="0" aria-valuemax="100" aria-valuenow={ pct.to_string() }>
                <div class="progress-fill" style={ format!("width:{pct}%") }></div>
            </div>
            <span class="progress-text">{ format!("{} {pct}%", props.label) }</span>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct SaveIndicatorProps {
    pub state: SaveState,
    pub lang: Lang,
}

#[function_component]
pub fn SaveIndicator(props: &SaveIndicatorProps) -> Html {
    let text = match &props.state {
        SaveState::Idle => String::new(),
        SaveState::Saved(t) => format!("{} {t}", Msg::AutoSaved.tr(props.lang)),
        SaveState::Failed(_) => Msg::SaveFailedShort.tr(props.lang).to_string(),
    };
    let class = classes!(
        "save-indicator",
        matches!(props.state, SaveState::Failed(_)).then_some("failed")
    );
    html! { <span {class} role="status" aria-live="polite">{ text }</span> }
}

/// The first issue for `field`, if any.
pub fn issue_for<'a>(issues: &'a [Issue], field: &str) -> Option<&'a Issue> {
    issues.iter().find(|i| i.field == field)
}

#[derive(Properties, PartialEq)]
pub struct TextFieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    #[prop_or_default]
    pub error: Option<AttrValue>,
    #[prop_or_default]
    pub multiline: bool,
    #[prop_or_default]
    pub required: bool,
    /// `text`, `date`, `tel` or `number` for single-line fields.
    #[prop_or(AttrValue::Static("text"))]
    pub kind: AttrValue,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    #[prop_or_default]
    pub autocomplete: Option<AttrValue>,
    /// Show the error even before the user has left the field (once they
    /// asked to finish, or tried to submit).
    #[prop_or_default]
    pub reveal: bool,
    pub oninput: Callback<String>,
}

/// A labelled input or text area; its error is announced and tied to it.
/// The error shows once the user has left the field (or [`TextFieldProps::reveal`]
/// says so), never while they have not yet had the chance to type.
#[function_component]
pub fn TextField(props: &TextFieldProps) -> Html {
    let left = use_state(|| false);
    let onblur = {
        let left = left.clone();
        Callback::from(move |_: FocusEvent| left.set(true))
    };
    let error = props.error.clone().filter(|_| props.reveal || *left);
    let err_id = format!("{}-err", props.id);
    let hint_id = format!("{}-hint", props.id);
    let described = [
        props.hint.as_ref().map(|_| hint_id.clone()),
        error.as_ref().map(|_| err_id.clone()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let described = (!described.is_empty()).then_some(described);
    let invalid = error.as_ref().map(|_| "true");
    let cb = props.oninput.clone();
    let field = if props.multiline {
        let oninput = Callback::from(move |e: InputEvent| {
            cb.emit(
                e.target_unchecked_into::<web_sys::HtmlTextAreaElement>()
                    .value(),
            )
        });
        html! {
            <textarea id={ props.id.clone() } value={ props.value.clone() } rows="3" {onblur}
                      aria-invalid={ invalid } aria-describedby={ described }
                      aria-required={ props.required.then_some("true") } {oninput} />
        }
    } else {
        let oninput = Callback::from(move |e: InputEvent| {
            cb.emit(
                e.target_unchecked_into::<web_sys::HtmlInputElement>()
                    .value(),
            )
        });
        html! {
            <input id={ props.id.clone() } type={ props.kind.clone() } value={ props.value.clone() } {onblur}
                   aria-invalid={ invalid } aria-describedby={ described }
                   autocomplete={ props.autocomplete.clone() }
                   aria-required={ props.required.then_some("true") } {oninput} />
        }
    };
    html! {
        <div class={ classes!("field", error.as_ref().map(|_| "has-error")) }>
            // The error sits beside the label: appearing when a field is left, it
            // must not push down the control the user is clicking next.
            <div class="field-head">
                <label for={ props.id.clone() }>
                    { props.label.clone() }
                    if props.required { <span class="req" aria-hidden="true">{ " *" }</span> }
                </label>
                if let Some(e) = &error { <span class="error" id={ err_id }>{ e.clone() }</span> }
            </div>
            if let Some(h) = &props.hint { <p class="hint" id={ hint_id }>{ h.clone() }</p> }
            { field }
        </div>
    }
}
