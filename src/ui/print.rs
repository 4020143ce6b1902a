//! The printable report (自查报告), laid out after the Chinese official-document
//! conventions as far as a browser allows: A4, 37 mm top and 28 mm binding
//! margins, 3号仿宋 body, 2号小标宋 title, headings 一、（一）1., page numbers
//! "— N —", the fingerprint in every footer and a QR code of it on the last page.

use qrcode::render::svg;
use qrcode::QrCode;
use yew::prelude::*;

use super::checklist_view::ChecklistHandle;
use crate::model::assessment::Evidence;
use crate::model::calendar::{long_date, Deadline};
use crate::model::checklist::Item;
use crate::model::messages::{m, Msg};
use crate::model::report_doc::{self, basic_info_rows, notes_line, or_dash, points};
use crate::model::scoring::{item_score, summarize, Summary};
use crate::model::{report, Answer, Assessment, Checklist, Lang, Status};

#[derive(Properties, PartialEq)]
pub struct PrintProps {
    pub checklist: ChecklistHandle,
    pub assessment: Assessment,
    pub lang: Lang,
    /// Today, YYYY-MM-DD, for the date under the signature.
    pub today: AttrValue,
    /// Set at the reviewer desk: what the file states and what the desk found.
    #[prop_or_default]
    pub verdict: Option<DeskVerdict>,
}

/// A report read at the reviewer desk. Its own fingerprint is printed (not
/// one computed anew, which would make an altered report look genuine), and
/// when it does not verify, the finding is printed in a banner on the first
/// page and in every page's footer.
#[derive(Clone, Debug, PartialEq)]
pub struct DeskVerdict {
    /// The fingerprint the file states; empty when it has none.
    pub stated: String,
    /// `None` when it verifies; else what is wrong, for the footer
    /// (e.g. 文件内容与数字指纹不符).
    pub failed: Option<String>,
    /// Every finding of the desk about the file, for the banner.
    pub findings: Vec<String>,
}

/// The QR code's text: enough for a reviewer with the paper to find and check the JSON.
pub fn qr_payload(unit: &str, year: i32, digest: &str) -> String {
    format!("selfcheck-report\nunit={unit}\nyear={year}\nsha256={digest}")
}

fn qr_svg(payload: &str) -> Option<String> {
    let code = QrCode::new(payload.as_bytes()).ok()?;
    Some(
        code.render::<svg::Color>()
            .min_dimensions(150, 150)
            .quiet_zone(true)
            .build(),
    )
}

/// "text（detail）" / "text (detail)".
fn with_parens(text: &str, detail: String, lang: Lang) -> String {
    format!("{text}{}", m::Parenthesized { text: detail }.tr(lang))
}

/// A piece of evidence as one line of the report: its title, then its 文号 and date in brackets.
fn evidence_line(e: &Evidence, lang: Lang) -> String {
    match e {
        Evidence::Reference {
            title,
            doc_number,
            date,
        } => {
            let details: Vec<String> = [doc_number.trim().to_string(), long_date(date, lang)]
                .into_iter()
                .filter(|d| !d.is_empty())
                .collect();
            if details.is_empty() {
                title.trim().to_string()
            } else {
                with_parens(title.trim(), details.join(Msg::Comma.tr(lang)), lang)
            }
        }
        Evidence::File { name, sha256, .. } => with_parens(
            name,
            format!("SHA-256 {}…", sha256.get(..12).unwrap_or(sha256)),
            lang,
        ),
    }
}

/// "label：value" in the report's language; an empty value prints as a dash.
fn labelled(label: Msg, value: &str, lang: Lang) -> String {
    m::Labelled {
        label,
        value: or_dash(value),
    }
    .tr(lang)
}

/// A deadline as printed: 2027年6月30日 / 30 June 2027, 长期坚持, 立行立改, or a dash.
fn deadline(due: &str, lang: Lang) -> String {
    or_dash(&Deadline::parse(due).show(lang))
}

/// 一、基本情况: the unit, its first responsible person, the checklist and the fingerprint.
fn basic_info(c: &Checklist, a: &Assessment, digest: &str, lang: Lang) -> Html {
    let rows = basic_info_rows(c, a, digest, lang);
    html! {
        <table class="info"><tbody>
            { for rows.iter().map(|(k, v)| html!{ <tr><th scope="row">{ k.tr(lang) }</th><td class={ (*k == Msg::Fingerprint).then_some("mono") }>{ v }</td></tr> }) }
        </tbody></table>
    }
}

/// 二、自查得分情况: the total in a sentence and each section's score, under its part.
fn score_table(c: &Checklist, summary: &Summary, lang: Lang) -> Html {
    let t = &summary.total;
    let mut index = 0;
    let body = c.parts.iter().map(|part| {
        let rows = part.groups.iter().map(|_| {
            let s = &summary.sections[index];
            index += 1;
            let x = &s.tally;
            html! { <tr>
                <td class="left sec">{ s.title.get(lang) }</td><td>{ x.score }</td><td>{ x.max }</td>
                <td>{ x.counts.done }</td><td>{ x.counts.partial }</td><td>{ x.counts.not_done }</td><td>{ x.counts.not_applicable }</td>
                <td>{ x.grade.get(lang) }</td>
            </tr> }
        }).collect::<Html>();
        html! { <>
            <tr class="part-row"><td class="left" colspan="8">{ part.title.get(lang) }</td></tr>
            { rows }
        </> }
    }).collect::<Html>();
    html! { <>
        <p class="para">{ m::TotalSentence { score: t.score, max: t.max, total: t.normalized, grade: t.grade.clone() }.tr(lang) }</p>
        <table class="scores">
            <thead><tr>
                <th>{ Msg::Section.tr(lang) }</th><th>{ Msg::Score.tr(lang) }</th><th>{ Msg::Max.tr(lang) }</th>
                { for Status::ALL.iter().map(|s| html!{ <th>{ s.label().tr(lang).to_string() }</th> }) }
                <th>{ Msg::Grade.tr(lang) }</th>
            </tr></thead>
            <tbody>{ body }</tbody>
            <tfoot><tr>
                <td class="left">{ Msg::Total.tr(lang) }</td><td>{ t.score }</td><td>{ t.max }</td>
                <td>{ t.counts.done }</td><td>{ t.counts.partial }</td><td>{ t.counts.not_done }</td><td>{ t.counts.not_applicable }</td>
                <td class="grade-total"><span class="nowrap">{ t.grade.get(lang) }</span><wbr/>
                    <span class="nowrap">{ m::Parenthesized { text: t.normalized.to_string() }.tr(lang) }</span></td>
            </tr></tfoot>
        </table>
    </> }
}

/// One item's row of the item table: what was done and what shows it, and
/// for 部分落实 / 未落实 the problem and the rectification with its owner and deadline.
fn item_row(number: usize, item: &Item, ans: &Answer, c: &Checklist, lang: Lang) -> Html {
    let status = ans.status;
    let score = match status {
        None | Some(Status::NotApplicable) => "—".to_string(),
        Some(_) => item_score(item, Some(ans), c).unwrap_or(0.0).to_string(),
    };
    let evidence: Vec<String> = ans
        .evidence
        .iter()
        .map(|e| evidence_line(e, lang))
        .collect();
    let needs = status.is_some_and(|s| s.needs_rectification());
    let r = &ans.rectification;
    let owner_due = [
        labelled(Msg::Owner, &r.owner, lang),
        labelled(Msg::Due, &deadline(&r.due, lang), lang),
    ]
    .join(Msg::ListSeparator.tr(lang));
    html! {
        <tr>
            <td class="num">{ number }</td>
            <td>{ item.duty.get(lang) }<span class="pts">{ points(item.points, lang) }</span></td>
            <td class="st">{ status.map(|s| s.label().tr(lang).to_string()).unwrap_or_else(|| Msg::Unanswered.tr(lang).to_string()) }</td>
            <td class="num">{ score }</td>
            <td>
                if let Some(notes) = notes_line(ans, status == Some(Status::NotApplicable) || !evidence.is_empty() || needs) {
                    <p>{ notes }</p>
                }
                if status == Some(Status::NotApplicable) {
                    <p>{ labelled(Msg::NaReason, &ans.na_reason, lang) }</p>
                }
                if !evidence.is_empty() {
                    <p class="ev">{ labelled(Msg::Evidence, &evidence.join(Msg::ListSeparator.tr(lang)), lang) }</p>
                }
                if needs {
                    <p class="rect">{ labelled(Msg::Problem, &ans.problem, lang) }</p>
                    <p class="rect">{ labelled(Msg::Rectification, &r.measure, lang) }</p>
                    <p class="rect owner-due">{ owner_due }</p>
                }
            </td>
        </tr>
    }
}

/// 三、逐项自查情况: the parts and their sections as the walk names them, one
/// table per section, every item numbered across the checklist.
fn item_tables(c: &Checklist, a: &Assessment, lang: Lang) -> Html {
    let mut number = 0;
    let mut section = |g: &crate::model::checklist::Group| {
        let rows = g
            .items
            .iter()
            .map(|item| {
                number += 1;
                let ans = a.answer(&item.id).cloned().unwrap_or_default();
                item_row(number, item, &ans, c, lang)
            })
            .collect::<Html>();
        html! { <>
            <h4>{ g.title.get(lang) }</h4>
            <table class="items">
                <colgroup><col class="c-num"/><col class="c-duty"/><col class="c-st"/><col class="c-score"/><col class="c-notes"/></colgroup>
                <thead><tr>
                    <th>{ Msg::SerialNo.tr(lang) }</th><th>{ Msg::CheckItem.tr(lang) }</th><th>{ Msg::Result.tr(lang) }</th>
                    <th>{ Msg::Score.tr(lang) }</th><th>{ Msg::NotesEvidenceRect.tr(lang) }</th>
                </tr></thead>
                <tbody>{ rows }</tbody>
            </table>
        </> }
    };
    c.parts
        .iter()
        .map(|part| {
            html! { <>
                <h3>{ part.title.get(lang) }</h3>
                { for part.groups.iter().map(&mut section) }
            </> }
        })
        .collect()
}

/// 四、整改措施清单: every item answered 部分落实 or 未落实, with its measure, owner and deadline.
fn rect_table(c: &Checklist, a: &Assessment, lang: Lang) -> Html {
    let rows: Vec<Html> = c.items().enumerate().filter_map(|(n, item)| {
        let ans = a.answer(&item.id)?;
        ans.status.filter(|s| s.needs_rectification())?;
        let r = &ans.rectification;
        Some(html! { <tr>
            <td class="num">{ n + 1 }</td><td>{ item.duty.get(lang) }</td><td>{ or_dash(&ans.problem) }</td><td>{ or_dash(&r.measure) }</td>
            <td>{ or_dash(&r.owner) }</td><td class="due">{ deadline(&r.due, lang) }</td>
        </tr> })
    }).collect();
    if rows.is_empty() {
        return html! { <p class="para">{ Msg::NoRect.tr(lang) }</p> };
    }
    html! {
        <table class="rect">
            <colgroup><col class="c-num"/><col class="r-duty"/><col/><col/><col class="r-owner"/><col class="r-due"/></colgroup>
            <thead><tr>
                <th>{ Msg::SerialNo.tr(lang) }</th><th>{ Msg::CheckItem.tr(lang) }</th><th>{ Msg::Problem.tr(lang) }</th>
                <th>{ Msg::Rectification.tr(lang) }</th><th>{ Msg::ColOwner.tr(lang) }</th><th>{ Msg::ColDue.tr(lang) }</th>
            </tr></thead>
            <tbody>{ for rows }</tbody>
        </table>
    }
}

/// 五、上年度整改落实情况, when the draft was started from last year's report.
fn follow_up_table(c: &Checklist, a: &Assessment, lang: Lang) -> Html {
    if a.follow_ups.is_empty() {
        return Html::default();
    }
    let duty = |f: &crate::model::FollowUp| {
        c.item(&f.item_id)
            .map_or(f.duty.clone(), |i| i.duty.get(lang).to_string())
    };
    html! { <>
        { heading(5, Msg::FollowUps, lang) }
        <table class="rect follow">
            <colgroup><col class="c-num"/><col class="r-duty"/><col/><col class="r-owner"/><col class="r-due"/><col class="r-state"/><col/></colgroup>
            <thead><tr>
                <th>{ Msg::SerialNo.tr(lang) }</th><th>{ Msg::CheckItem.tr(lang) }</th><th>{ Msg::LastYearMeasure.tr(lang) }</th>
                <th>{ Msg::ColOwner.tr(lang) }</th><th>{ Msg::ColDue.tr(lang) }</th><th>{ Msg::FollowUpState.tr(lang) }</th><th>{ Msg::FollowUpNote.tr(lang) }</th>
            </tr></thead>
            <tbody>
                { for a.follow_ups.iter().enumerate().map(|(n, f)| html!{ <tr>
                    <td class="num">{ n + 1 }</td><td>{ duty(f) }</td><td>{ or_dash(&f.rectification.measure) }</td>
                    <td>{ or_dash(&f.rectification.owner) }</td>
                    <td class="due">{ deadline(&f.rectification.due, lang) }</td>
                    <td class="st">{ f.status.map(|s| s.label().tr(lang).to_string()).unwrap_or_else(|| "—".into()) }</td>
                    <td>{ or_dash(&f.note) }</td>
                </tr> }) }
            </tbody>
        </table>
    </> }
}

/// The closing block: the QR code and the fingerprint, the seal and the signature lines.
fn closing(a: &Assessment, digest: &str, shown: &str, today: &str, lang: Lang) -> Html {
    let qr = qr_svg(&qr_payload(&a.unit.name, a.year, digest))
        .map(|s| Html::from_html_unchecked(AttrValue::from(s)))
        .unwrap_or_default();
    html! {
        <section class="closing">
            <div class="verify">
                <div class="qr" role="img" aria-label={ Msg::QrLabel.tr(lang) }>{ qr }</div>
                <p class="mono small">{ format!("{}{}", Msg::Fingerprint.tr(lang), Msg::Colon.tr(lang)) }<br/>{ shown }</p>
            </div>
            <div class="sign">
                <p>{ format!("{}{}", Msg::SealLine.tr(lang), a.unit.name.trim()) }</p>
                <p>{ Msg::SignLine.tr(lang) }</p>
                <p class="date">{ long_date(today, lang) }</p>
            </div>
        </section>
    }
}

/// The title as a typesetter breaks it: the unit and year on the first line,
/// the subject on the second (each may still wrap when too long).
fn doc_title(a: &Assessment, lang: Lang) -> Html {
    let unit_year = m::ReportUnitYear {
        unit: a.unit.name.trim().to_string(),
        year: a.year,
    }
    .tr(lang);
    html! {
        <h1 class="doc-title">
            <span class="line">{ unit_year }</span><span class="line">{ Msg::ReportSubject.tr(lang) }</span>
        </h1>
    }
}

/// 一、… in Chinese, 1. … in English.
fn heading(n: usize, title: Msg, lang: Lang) -> Html {
    html! { <h2>{ report_doc::heading(n, title, lang) }</h2> }
}

#[function_component]
pub fn PrintReport(props: &PrintProps) -> Html {
    let lang = props.lang;
    let c = &props.checklist.0;
    let a = &props.assessment;
    let summary = summarize(c, a);
    let verdict = props.verdict.as_ref();
    let digest = match verdict {
        Some(v) => v.stated.clone(),
        None => report::export_current(c, a)
            .0
            .integrity
            .map(|i| i.digest)
            .unwrap_or_default(),
    };
    let short = digest.get(..16).unwrap_or(&digest).to_string();
    let failed = verdict.and_then(|v| v.failed.clone());
    // Margin boxes cannot read the page, so the footer text is written into the rule.
    let footer = match &failed {
        Some(f) if short.is_empty() => f.clone(),
        Some(f) => format!("{f} · {} {short}", Msg::StatedFingerprint.tr(lang)),
        None => format!("{} {short}", Msg::FingerprintLabel.tr(lang)),
    };
    let page_css = format!(
        "@page {{ @bottom-center {{ content: \"{}\"; }} }}",
        footer.replace(['"', '\\'], "")
    );
    // The fingerprint as printed: the mismatch is said in words beside it.
    let digest_shown = match &failed {
        Some(_) if !digest.is_empty() => {
            format!("{digest}（{}）", Msg::StatedFingerprintMismatch.tr(lang))
        }
        Some(f) => f.clone(),
        None => digest.clone(),
    };
    html! {
        <article class="print-doc" lang={ lang.tag() } aria-label={ Msg::PrintPreview.tr(lang) }>
            <style>{ page_css }</style>
            if let Some(v) = verdict.filter(|v| !v.findings.is_empty()) {
                <div class={ classes!("verdict-banner", failed.is_some().then_some("failed")) } role="note">
                    { for v.findings.iter().map(|f| html!{ <p>{ f }</p> }) }
                </div>
            }
            { doc_title(a, lang) }
            { heading(1, Msg::BasicInfo, lang) }
            { basic_info(c, a, &digest_shown, lang) }
            { heading(2, Msg::ScoreSummary, lang) }
            { score_table(c, &summary, lang) }
            { super::chart::section_rates("print-chart", &summary, &c.grade_bands, lang) }
            { heading(3, Msg::ItemDetails, lang) }
            { item_tables(c, a, lang) }
            { heading(4, Msg::RectList, lang) }
            { rect_table(c, a, lang) }
            { follow_up_table(c, a, lang) }
            { closing(a, &digest, &digest_shown, &props.today, lang) }
        </article>
    }
}
