//! One report opened with 查看: the printable layout, read-only, carrying
//! the desk's verdict — a red banner when it does not verify or does not
//! count, the fingerprint the file states, and on paper the finding in every
//! page's footer.

use crate::model::messages::bureau as b;
use yew::prelude::*;

use crate::model::desk::verdicts::row_findings;
use crate::model::desk::{Desk, DigestStatus, Group};
use crate::model::messages::Msg;
use crate::model::Lang;
use crate::ui::checklist_view::ChecklistHandle;
use crate::ui::print::{DeskVerdict, PrintReport};

/// The read-only view of `g.report(report)`; `on_back` returns to the list.
pub fn read_only_report(
    desk: &Desk,
    g: &Group,
    report: usize,
    today: &str,
    lang: Lang,
    on_back: Callback<()>,
) -> Html {
    let row = g.report(report);
    let findings = row_findings(desk, g, report);
    let failed = match row.digest {
        DigestStatus::Valid => None,
        DigestStatus::Mismatch => Some(b::Msg::DeskTampered.tr(lang).to_string()),
        DigestStatus::Missing => Some(b::Msg::DeskNoFingerprint.tr(lang).to_string()),
    };
    let counted = g.slot_of(report).is_some_and(|s| s.counted == report);
    let verdict = DeskVerdict {
        stated: row.fingerprint.clone(),
        failed: failed.clone(),
        findings: findings.iter().map(|f| f.message().tr(lang)).collect(),
    };
    let status = match (&failed, counted) {
        (Some(_), _) => b::Msg::ReadOnlyFlagged,
        (None, false) => b::Msg::ReadOnlyNotCounted,
        (None, true) => b::Msg::ReadOnlyReport,
    };
    html! {
        <section class="desk step print-step" aria-labelledby="desk-view-h">
            <div class="print-toolbar">
                <h2 id="desk-view-h" tabindex="-1">{ format!("{} · {}", status.tr(lang), row.unit.name) }</h2>
                <button type="button" class="secondary" onclick={ on_back.reform(|_| ()) }>{ b::Msg::BackToList.tr(lang) }</button>
                <button type="button" class="primary" onclick={ Callback::from(|_| crate::browser::print()) }>
                    { Msg::PrintButton.tr(lang) }</button>
            </div>
            <p class="hint print-file">{ b::Msg::File.tr(lang) }{ Msg::Colon.tr(lang) }{ desk.label(&row.file, &row.source).get(lang) }</p>
            <PrintReport checklist={ ChecklistHandle(g.checklist.clone()) } assessment={ row.assessment.clone() }
                         {lang} today={ AttrValue::from(today.to_string()) } verdict={ Some(verdict) } />
        </section>
    }
}
