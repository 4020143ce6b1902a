//! Text for the annual 法治政府建设情况报告, built from an assessment: the
//! first-responsible-person's performance, the shortcomings, and next year's
//! plan — copy-ready Chinese paragraphs (English when that language is chosen).

use super::assessment::{Assessment, Status};
use super::calendar::Deadline;
use super::checklist::Checklist;
use super::messages::{m, Date, Message, Msg, Ordinal};
use super::text::Lang;

/// The three paragraphs the annual report needs from the self-assessment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnnualText {
    /// 第一责任人履职情况
    pub performance: String,
    /// 存在的不足和原因
    pub shortcomings: String,
    /// 下一年度主要安排
    pub plans: String,
}

/// "2027-03-01" → "2027年3月1日" (Arabic numerals, no leading zeros); other input is returned as is.
pub fn cn_date(iso: &str) -> String {
    let parts: Vec<&str> = iso.get(..10).unwrap_or(iso).split('-').collect();
    match parts.as_slice() {
        [y, m, d] => match (y.parse::<u32>(), m.parse::<u32>(), d.parse::<u32>()) {
            (Ok(y), Ok(m), Ok(d)) => format!("{y}年{m}月{d}日"),
            _ => iso.to_string(),
        },
        _ => iso.to_string(),
    }
}

fn clause(s: &str) -> String {
    super::text::clause(s).to_string()
}

/// Clauses joined as one sentence's list (；/ ;).
fn joined(parts: &[Message], lang: Lang) -> String {
    let parts: Vec<String> = parts.iter().map(|m| m.tr(lang)).collect();
    parts.join(Msg::ListSeparator.tr(lang))
}

/// "镇长李明" / "Li Ming (Mayor)", or the role when no name was given.
fn head(a: &Assessment, lang: Lang) -> String {
    let (name, title) = (a.unit.head_name.trim(), a.unit.head_title.trim());
    if name.is_empty() {
        return Msg::AnnualHeadDefault.tr(lang).to_string();
    }
    m::AnnualHead {
        name: name.into(),
        title: title.into(),
    }
    .tr(lang)
}

/// 第一责任人履职情况: the duties answered 已落实, with their notes.
fn performance(c: &Checklist, a: &Assessment, lang: Lang) -> String {
    let done: Vec<Message> = c
        .items()
        .filter(|i| a.status(&i.id) == Some(Status::Done))
        .map(|i| {
            let notes = a
                .answer(&i.id)
                .map(|x| clause(&x.notes))
                .unwrap_or_default();
            let duty = clause(&i.duty.get(lang).replace(['？', '?'], ""));
            if notes.is_empty() {
                m::Verbatim { text: duty }.into()
            } else {
                m::DutyWithNotes { duty, notes }.into()
            }
        })
        .collect();
    let (year, unit, head) = (a.year, a.unit.name.trim().to_string(), head(a, lang));
    let message: Message = if done.is_empty() {
        m::AnnualPerformanceNone { year, unit, head }.into()
    } else {
        let (n, list) = (done.len(), joined(&done, lang));
        m::PerformanceParagraph {
            year,
            unit,
            head,
            n,
            list,
        }
        .into()
    };
    message.tr(lang)
}

/// 存在的不足和原因: the problems of the items answered 部分落实 or 未落实.
fn shortcomings(c: &Checklist, a: &Assessment, lang: Lang) -> String {
    let gaps: Vec<Message> = c
        .items()
        .filter(|i| a.status(&i.id).is_some_and(|s| s.needs_rectification()))
        .filter_map(|i| {
            let p = clause(&a.answer(&i.id)?.problem);
            (!p.is_empty()).then_some(p)
        })
        .enumerate()
        .map(|(n, text)| {
            m::NumberedClause {
                n: Ordinal(n + 1),
                text,
            }
            .into()
        })
        .collect();
    if gaps.is_empty() {
        return Msg::AnnualNoShortcomings.tr(lang).to_string();
    }
    m::ShortcomingsParagraph {
        list: joined(&gaps, lang),
    }
    .tr(lang)
}

/// One step of next year's plan, with its owner and deadline where given.
fn plan_step(n: usize, measure: String, owner: &str, due: &str) -> Message {
    let (n, owner) = (Ordinal(n), owner.to_string());
    let term = match Deadline::parse(due) {
        Deadline::Ongoing => Some(Msg::PlanOngoing),
        Deadline::Immediate => Some(Msg::PlanImmediate),
        _ => None,
    };
    if let Some(term) = term {
        return if owner.is_empty() {
            m::PlanStepTerm { n, measure, term }.into()
        } else {
            m::PlanStepOwnerTerm {
                n,
                measure,
                owner,
                term,
            }
            .into()
        };
    }
    let due = Date(due.trim().to_string());
    match (owner.is_empty(), due.0.is_empty()) {
        (true, true) => m::NumberedClause { n, text: measure }.into(),
        (false, true) => m::PlanStepOwner { n, measure, owner }.into(),
        (true, false) => m::PlanStepDue { n, measure, due }.into(),
        (false, false) => m::PlanStepOwnerDue {
            n,
            measure,
            owner,
            due,
        }
        .into(),
    }
}

/// 下一年度主要安排: the rectifications, 立行立改 first, then by date, then
/// 长期坚持, undated last (see [`Deadline::sort_key`]).
fn plans(c: &Checklist, a: &Assessment, lang: Lang) -> String {
    let mut steps: Vec<(String, String, String)> = c
        .items()
        .filter(|i| a.status(&i.id).is_some_and(|s| s.needs_rectification()))
        .filter_map(|i| {
            let r = &a.answer(&i.id)?.rectification;
            (!r.measure.trim().is_empty()).then(|| {
                (
                    r.due.clone(),
                    clause(&r.measure),
                    r.owner.trim().to_string(),
                )
            })
        })
        .collect();
    // Equal deadlines keep checklist order (the sort is stable).
    steps.sort_by(|x, y| {
        Deadline::parse(&x.0)
            .sort_key()
            .cmp(&Deadline::parse(&y.0).sort_key())
    });
    if steps.is_empty() {
        return Msg::AnnualNoPlans.tr(lang).to_string();
    }
    let list: Vec<Message> = steps
        .into_iter()
        .enumerate()
        .map(|(n, (due, measure, owner))| plan_step(n + 1, measure, &owner, &due))
        .collect();
    m::PlansParagraph {
        list: joined(&list, lang),
    }
    .tr(lang)
}

/// Builds the paragraphs. Items are taken in checklist order; plans by due date.
pub fn annual_text(c: &Checklist, a: &Assessment, lang: Lang) -> AnnualText {
    AnnualText {
        performance: performance(c, a, lang),
        shortcomings: shortcomings(c, a, lang),
        plans: plans(c, a, lang),
    }
}

/// 一, 二, 三 … for numbering clauses (up to 99).
pub fn cn_ordinal(n: usize) -> String {
    const D: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        1..=9 => D[n].to_string(),
        10 => "十".into(),
        11..=19 => format!("十{}", D[n - 10]),
        20..=99 => format!("{}十{}", D[n / 10], D[n % 10]),
        _ => n.to_string(),
    }
}
