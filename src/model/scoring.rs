//! Scoring: per-section and total scores normalised to 100, grades and
//! counts by status. The only place these rules live; the default self-score
//! of an answer is its status's ([`Status::default_score`]), and completion
//! is validation's ([`validation::Completion`]).

use serde::{Deserialize, Serialize};

use super::assessment::{Answer, Assessment, Status};
use super::checklist::{Checklist, Group, Item};
use super::points::Step;
use super::text::Text;
use super::validation;

pub use super::points::{round2, round_half_step};

/// The default self-score for an answer (see [`Status::default_score`]);
/// nothing for unanswered items.
pub fn default_score(max: f64, status: Option<Status>, step: Step) -> f64 {
    status.map_or(0.0, |s| s.default_score(max, step))
}

/// The score an answer earns: its self-score when that may count
/// ([`validation::score_fault`]), else the answer's default; `None` for 不适用.
/// A score the checklist's rule refuses is never counted anywhere.
pub fn item_score(item: &Item, answer: Option<&Answer>, checklist: &Checklist) -> Option<f64> {
    let status = answer.and_then(|a| a.status);
    match status {
        Some(Status::NotApplicable) => return None,
        None => return Some(0.0),
        _ => {}
    }
    let rule = checklist.score_rule();
    Some(
        answer
            .and_then(|a| a.score)
            .filter(|&s| validation::score_fault(item, s, rule).is_none())
            .unwrap_or_else(|| default_score(item.points, status, checklist.step())),
    )
}

/// How many items have each answer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub done: u32,
    pub partial: u32,
    pub not_done: u32,
    pub not_applicable: u32,
    pub unanswered: u32,
}

impl Counts {
    /// Counts one more item with this answer (None: unanswered).
    pub fn add(&mut self, status: Option<Status>) {
        match status {
            Some(Status::Done) => self.done += 1,
            Some(Status::Partial) => self.partial += 1,
            Some(Status::NotDone) => self.not_done += 1,
            Some(Status::NotApplicable) => self.not_applicable += 1,
            None => self.unanswered += 1,
        }
    }

    fn merge(&mut self, o: &Counts) {
        self.done += o.done;
        self.partial += o.partial;
        self.not_done += o.not_done;
        self.not_applicable += o.not_applicable;
        self.unanswered += o.unanswered;
    }

    pub fn total(&self) -> u32 {
        self.done + self.partial + self.not_done + self.not_applicable + self.unanswered
    }
}

/// Scores of one section or of the whole assessment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Tally {
    /// Points earned on applicable items.
    pub score: f64,
    /// Points available on applicable items (不适用 items leave the denominator).
    pub max: f64,
    /// score / max × 100, two decimals; 100 when nothing is applicable.
    pub normalized: f64,
    pub counts: Counts,
    pub grade: Text,
    /// Applicable items answered without validation problems.
    pub complete: u32,
    /// Items not answered 不适用.
    pub applicable: u32,
}

impl Tally {
    /// Completion in [0, 1], counting only applicable items.
    pub fn progress(&self) -> f64 {
        validation::Completion {
            complete: self.complete,
            applicable: self.applicable,
        }
        .progress()
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SectionTally {
    pub id: String,
    pub title: Text,
    pub tally: Tally,
}

/// The whole summary: each section and the total.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub sections: Vec<SectionTally>,
    pub total: Tally,
}

struct Acc {
    score: f64,
    max: f64,
    counts: Counts,
    complete: u32,
    applicable: u32,
}

impl Acc {
    fn new() -> Acc {
        Acc {
            score: 0.0,
            max: 0.0,
            counts: Counts::default(),
            complete: 0,
            applicable: 0,
        }
    }

    fn finish(self, checklist: &Checklist) -> Tally {
        let normalized = if self.max > 0.0 {
            round2(self.score / self.max * 100.0)
        } else {
            100.0
        };
        Tally {
            score: round2(self.score),
            max: round2(self.max),
            normalized,
            counts: self.counts,
            grade: checklist.grade(normalized).clone(),
            complete: self.complete,
            applicable: self.applicable,
        }
    }
}

fn tally_group(group: &Group, a: &Assessment, checklist: &Checklist) -> Acc {
    let mut acc = Acc::new();
    for item in &group.items {
        let answer = a.answer(&item.id);
        acc.counts.add(answer.and_then(|x| x.status));
        if let Some(score) = item_score(item, answer, checklist) {
            acc.score += score;
            acc.max += item.points;
        }
    }
    let completion = validation::Completion::of(&group.items, a, checklist.score_rule());
    acc.complete = completion.complete;
    acc.applicable = completion.applicable;
    acc
}

/// Scores every section and the total.
pub fn summarize(checklist: &Checklist, a: &Assessment) -> Summary {
    let mut total = Acc::new();
    let sections = checklist
        .sections()
        .map(|g| {
            let acc = tally_group(g, a, checklist);
            total.score += acc.score;
            total.max += acc.max;
            total.counts.merge(&acc.counts);
            total.complete += acc.complete;
            total.applicable += acc.applicable;
            SectionTally {
                id: g.id.clone(),
                title: g.title.clone(),
                tally: acc.finish(checklist),
            }
        })
        .collect();
    Summary {
        sections,
        total: total.finish(checklist),
    }
}
