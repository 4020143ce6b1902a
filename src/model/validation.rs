//! Validation: every rule an assessment must satisfy, each problem reported
//! with where it is (item and field) and a zh/en message — all of them, not
//! just the first.

use super::assessment::{Answer, Assessment, Evidence, FollowUp, Status};
use super::calendar::Deadline;
use super::checklist::{Checklist, Item};
use super::messages::{m, Message, Msg};
use super::points::Step;

/// The longest text a single field may hold, in characters.
pub const MAX_TEXT_CHARS: usize = 5000;
/// The years a self-assessment may be for.
pub const YEAR_RANGE: std::ops::RangeInclusive<i32> = 2000..=2100;

/// Where a problem is: the item (or `None` for the unit information) and the field.
#[derive(Clone, Debug, PartialEq)]
pub struct Issue {
    pub item_id: Option<String>,
    /// A field key: `status`, `score`, `na_reason`, `problem`, `measure`,
    /// `owner`, `due`, `notes`, `evidence.N.title`, `evidence.N.date`, or for
    /// the unit `name`, `head_name`, `head_title`, `phone`, `year`.
    pub field: String,
    pub message: Message,
}

fn issue(item: Option<&str>, field: impl Into<String>, message: impl Into<Message>) -> Issue {
    Issue {
        item_id: item.map(str::to_string),
        field: field.into(),
        message: message.into(),
    }
}

/// True for a real calendar date written YYYY-MM-DD.
pub fn is_valid_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| s.get(r).and_then(|x| x.parse::<u32>().ok());
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if !(digits(0..4) && digits(5..7) && digits(8..10)) {
        return false;
    }
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

/// A plausible telephone number: digits with optional +, -, spaces, brackets and 转.
pub fn is_plausible_phone(s: &str) -> bool {
    let digits = s.chars().filter(char::is_ascii_digit).count();
    (7..=20).contains(&digits)
        && s.chars()
            .all(|c| c.is_ascii_digit() || " +-()（）转".contains(c))
}

fn too_long(item: Option<&str>, field: &str, value: &str, out: &mut Vec<Issue>) {
    let n = value.chars().count();
    if n > MAX_TEXT_CHARS {
        out.push(issue(
            item,
            field,
            m::TooLong {
                n,
                max: MAX_TEXT_CHARS,
            },
        ));
    }
}

/// Problems with the unit information and the year.
pub fn unit_issues(a: &Assessment) -> Vec<Issue> {
    let mut out = Vec::new();
    let u = &a.unit;
    let required = [
        ("name", &u.name, Msg::UnitNameRequired),
        ("head_name", &u.head_name, Msg::HeadNameRequired),
        ("head_title", &u.head_title, Msg::HeadTitleRequired),
    ];
    for (field, value, missing) in required {
        if value.trim().is_empty() {
            out.push(issue(None, field, missing));
        }
        too_long(None, field, value, &mut out);
    }
    too_long(None, "filled_by", &u.filled_by, &mut out);
    if !u.phone.trim().is_empty() && !is_plausible_phone(u.phone.trim()) {
        out.push(issue(None, "phone", Msg::PhoneInvalid));
    }
    if !YEAR_RANGE.contains(&a.year) {
        out.push(issue(
            None,
            "year",
            m::YearRange {
                min: *YEAR_RANGE.start(),
                max: *YEAR_RANGE.end(),
            },
        ));
    }
    out
}

/// Why a self-score cannot count: it lies outside 0…the item's points, or it
/// is not a multiple of the step the checklist declares. Such a score is
/// never used: the answer's default counts instead ([`crate::model::scoring::item_score`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ScoreFault {
    Range,
    Step(Step),
}

impl ScoreFault {
    /// The problem, with the score that counts instead.
    fn message(self, item: &Item, status: Status, rule: Option<Step>) -> Message {
        let counted = status.default_score(item.points, rule.unwrap_or_default());
        match self {
            ScoreFault::Range => m::ScoreRange {
                max: item.points,
                counted,
            }
            .into(),
            ScoreFault::Step(step) => m::ScoreStep {
                step: step.points(),
                counted,
            }
            .into(),
        }
    }
}

/// The one rule for a self-score (`rule`: the checklist's declared step,
/// [`Checklist::score_rule`]); `None` when it may count.
pub fn score_fault(item: &Item, score: f64, rule: Option<Step>) -> Option<ScoreFault> {
    if !score.is_finite() || score < 0.0 || score > item.points {
        Some(ScoreFault::Range)
    } else {
        rule.filter(|s| !s.divides(score)).map(ScoreFault::Step)
    }
}

/// Problems with one item's answer, in the order its fields appear on screen.
/// `rule`: the step self-scores must be multiples of ([`Checklist::score_rule`]).
pub fn item_issues(item: &Item, answer: Option<&Answer>, rule: Option<Step>) -> Vec<Issue> {
    let id = Some(item.id.as_str());
    let mut out = Vec::new();
    let Some(a) = answer.filter(|a| a.status.is_some()) else {
        out.push(issue(id, "status", Msg::NotAnswered));
        return out;
    };
    let status = a.status.expect("filtered above");
    if let Some(fault) = a.score.and_then(|s| score_fault(item, s, rule)) {
        out.push(issue(id, "score", fault.message(item, status, rule)));
    }
    too_long(id, "notes", &a.notes, &mut out);
    for (i, e) in a.evidence.iter().enumerate() {
        match e {
            Evidence::Reference { title, date, .. } => {
                if title.trim().is_empty() {
                    out.push(issue(
                        id,
                        format!("evidence.{i}.title"),
                        m::EvidenceNoTitle { n: i + 1 },
                    ));
                }
                if !date.is_empty() && !is_valid_date(date) {
                    out.push(issue(
                        id,
                        format!("evidence.{i}.date"),
                        m::EvidenceBadDate { n: i + 1 },
                    ));
                }
            }
            Evidence::File { name, sha256, .. } => {
                let hex = sha256.len() == 64
                    && sha256
                        .bytes()
                        .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
                if name.trim().is_empty() || !hex {
                    out.push(issue(
                        id,
                        format!("evidence.{i}.title"),
                        m::EvidenceBadFile { n: i + 1 },
                    ));
                }
            }
        }
    }
    match status {
        Status::NotApplicable => {
            if a.na_reason.trim().is_empty() {
                out.push(issue(id, "na_reason", Msg::NaReasonRequired));
            }
            too_long(id, "na_reason", &a.na_reason, &mut out);
        }
        s if s.needs_rectification() => {
            let r = &a.rectification;
            let need = [
                ("problem", &a.problem, Msg::ProblemRequired),
                ("measure", &r.measure, Msg::MeasureRequired),
                ("owner", &r.owner, Msg::OwnerRequired),
            ];
            for (field, value, missing) in need {
                if value.trim().is_empty() {
                    out.push(issue(id, field, missing));
                }
                too_long(id, field, value, &mut out);
            }
            match Deadline::parse(&r.due) {
                Deadline::Empty => out.push(issue(id, "due", Msg::DueRequired)),
                Deadline::Invalid(_) => out.push(issue(id, "due", Msg::DueInvalid)),
                _ => {}
            }
        }
        _ => {}
    }
    out
}

/// True for an applicable item (answered, and not 不适用) answered without
/// problems: what completion counts.
pub fn is_complete(item: &Item, answer: Option<&Answer>, rule: Option<Step>) -> bool {
    answer.and_then(|a| a.status) != Some(Status::NotApplicable) && is_done(item, answer, rule)
}

/// True for an item answered (不适用 included) with nothing left to fill in:
/// a 不适用 item needs its reason, the others what [`item_issues`] asks.
pub fn is_done(item: &Item, answer: Option<&Answer>, rule: Option<Step>) -> bool {
    answer.and_then(|a| a.status).is_some() && item_issues(item, answer, rule).is_empty()
}

/// How many items of the checklist are not done ([`is_done`]): unanswered,
/// or answered with something still to fill in.
pub fn items_left(c: &Checklist, a: &Assessment) -> usize {
    let rule = c.score_rule();
    c.items()
        .filter(|item| !is_done(item, a.answer(&item.id), rule))
        .count()
}

/// Each section: whether every item is done ([`is_done`]) — the side
/// navigation's tick, which a 不适用 without its reason withholds.
pub fn sections_done(c: &Checklist, a: &Assessment) -> Vec<bool> {
    let rule = c.score_rule();
    c.sections()
        .map(|g| {
            g.items
                .iter()
                .all(|item| is_done(item, a.answer(&item.id), rule))
        })
        .collect()
}

/// Completion: how many items are applicable (not answered 不适用;
/// unanswered ones count) and how many of those are complete.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Completion {
    pub complete: u32,
    pub applicable: u32,
}

impl Completion {
    /// The completion of `items` in the assessment (`rule`: as for [`item_issues`]).
    pub fn of<'a>(
        items: impl IntoIterator<Item = &'a Item>,
        a: &Assessment,
        rule: Option<Step>,
    ) -> Completion {
        let mut c = Completion::default();
        for item in items {
            let answer = a.answer(&item.id);
            if answer.and_then(|x| x.status) != Some(Status::NotApplicable) {
                c.applicable += 1;
                if is_complete(item, answer, rule) {
                    c.complete += 1;
                }
            }
        }
        c
    }

    /// Completion in [0, 1]; 1 when nothing is applicable.
    pub fn progress(&self) -> f64 {
        if self.applicable == 0 {
            1.0
        } else {
            f64::from(self.complete) / f64::from(self.applicable)
        }
    }
}

/// Problems with one of last year's rectifications (the `i`th): it needs its state.
fn follow_up_issues_of(i: usize, f: &FollowUp, out: &mut Vec<Issue>) {
    if f.status.is_none() {
        out.push(issue(
            None,
            format!("followup.{i}.status"),
            m::FollowUpStatusRequired { n: i + 1 },
        ));
    }
    too_long(None, &format!("followup.{i}.note"), &f.note, out);
}

/// Problems with last year's rectifications: each needs its state.
pub fn follow_up_issues(a: &Assessment) -> Vec<Issue> {
    let mut out = Vec::new();
    for (i, f) in a.follow_ups.iter().enumerate() {
        follow_up_issues_of(i, f, &mut out);
    }
    out
}

/// 完成度, the one rule the progress bar and the drafts list show: the
/// share of entries with nothing left to fill in — the unit information,
/// each of last year's rectifications and each item (不适用 included) — so
/// it is 100% exactly when [`validate`] finds nothing (the finish list is
/// empty), and each section's tick is [`sections_done`] of the same items.
pub fn progress(c: &Checklist, a: &Assessment) -> f64 {
    let follow_ups_done = a
        .follow_ups
        .iter()
        .enumerate()
        .filter(|(i, f)| {
            let mut out = Vec::new();
            follow_up_issues_of(*i, f, &mut out);
            out.is_empty()
        })
        .count();
    let total = 1 + a.follow_ups.len() + c.items().count();
    let left = usize::from(!unit_issues(a).is_empty())
        + (a.follow_ups.len() - follow_ups_done)
        + items_left(c, a);
    (total - left) as f64 / total as f64
}

/// Every problem in the assessment: the unit first, then last year's
/// rectifications, then items in checklist order.
pub fn validate(checklist: &Checklist, a: &Assessment) -> Vec<Issue> {
    let mut out = unit_issues(a);
    out.extend(follow_up_issues(a));
    let rule = checklist.score_rule();
    for item in checklist.items() {
        out.extend(item_issues(item, a.answer(&item.id), rule));
    }
    out
}

/// True for an item answered 已落实 with nothing to show for it: no 情况说明
/// and no 佐证材料. Such a report is complete, but a reviewer will ask; the
/// finish step warns about these without blocking.
pub fn lacks_support(answer: Option<&Answer>) -> bool {
    answer.is_some_and(|a| {
        a.status == Some(Status::Done) && a.notes.trim().is_empty() && a.evidence.is_empty()
    })
}

/// The items answered 已落实 with neither notes nor evidence, in checklist order.
pub fn unsupported<'a>(checklist: &'a Checklist, a: &Assessment) -> Vec<&'a Item> {
    checklist
        .items()
        .filter(|i| lacks_support(a.answer(&i.id)))
        .collect()
}
