//! Two copies of one draft changed apart from a common version (two windows
//! on one draft, one of them paused): a three-way merge, field by field and
//! item by item. A part changed on one side only is taken from that side;
//! a part both sides changed differently is a conflict, and then nothing is
//! merged — the user chooses, nothing is lost silently.

use std::collections::BTreeSet;

use super::assessment::Assessment;

/// One part: unchanged on a side means the other side's change wins; both
/// changed alike is no conflict.
fn pick<T: Clone + PartialEq>(base: &T, ours: &T, theirs: &T) -> Option<T> {
    if ours == base || ours == theirs {
        Some(theirs.clone())
    } else if theirs == base {
        Some(ours.clone())
    } else {
        None
    }
}

/// `ours` and `theirs`, both changed from `base`, merged; `None` when the
/// same part (the unit information, the year, last year's rectifications,
/// an item's answer) was changed differently on both sides.
pub fn merge3(base: &Assessment, ours: &Assessment, theirs: &Assessment) -> Option<Assessment> {
    // Inserted one by one: collecting would sort, and carry a sort into the app.
    let mut items: BTreeSet<&String> = BTreeSet::new();
    for a in [base, ours, theirs] {
        items.extend(a.answers.keys());
    }
    let mut answers = std::collections::BTreeMap::new();
    for id in items {
        let side = |a: &Assessment| a.answers.get(id).cloned();
        if let Some(answer) = pick(&side(base), &side(ours), &side(theirs))? {
            answers.insert(id.clone(), answer);
        }
    }
    Some(Assessment {
        checklist: pick(&base.checklist, &ours.checklist, &theirs.checklist)?,
        unit: pick(&base.unit, &ours.unit, &theirs.unit)?,
        year: pick(&base.year, &ours.year, &theirs.year)?,
        answers,
        created_at: base.created_at.clone(),
        updated_at: ours.updated_at.clone().max(theirs.updated_at.clone()),
        follow_ups: pick(&base.follow_ups, &ours.follow_ups, &theirs.follow_ups)?,
        embed_checklist: pick(
            &base.embed_checklist,
            &ours.embed_checklist,
            &theirs.embed_checklist,
        )?,
    })
}
