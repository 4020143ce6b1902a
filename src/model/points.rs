//! Point arithmetic shared by answers and scoring: a checklist's self-score
//! step ([`Step`]), rounding to it and to two decimals. Depends on nothing
//! else in the model.
//!
//! Points are decimal numbers with at most two decimals (a county's 0.1, 0.2
//! or 0.25), held in `f64`. Binary floating point cannot hold 0.1 exactly, so
//! every step rule here works in whole hundredths of a point: `0.3` is 30
//! hundredths, a multiple of the step 0.1 (10 hundredths), although
//! `0.3 / 0.1` is 2.9999999999999996 in floating point.

/// Rounds to the nearest multiple of 0.5 (halves away from zero).
pub fn round_half_step(x: f64) -> f64 {
    (x * 2.0).round() / 2.0
}

/// Rounds to two decimals, for figures shown and stored.
pub fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// `x` in hundredths of a point: a whole number when `x` has at most two
/// decimals (the drift of its binary form removed), else the exact product.
fn hundredths(x: f64) -> f64 {
    let h = x * 100.0;
    if (h - h.round()).abs() < 1e-6 {
        h.round()
    } else {
        h
    }
}

/// The self-score step of a checklist (评分步长): the points of items and
/// the self-scores answered are whole multiples of it. Held in hundredths
/// of a point, so it is a positive multiple of 0.01.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Step(u32);

impl Step {
    /// The step of a checklist that declares none: half a point.
    pub const DEFAULT: Step = Step(50);
    /// The largest step a checklist may declare, in points.
    pub const MAX_POINTS: f64 = 10.0;

    /// The step of `points` (e.g. 0.1): `None` unless it is a positive
    /// multiple of 0.01 no larger than [`Step::MAX_POINTS`].
    pub fn from_points(points: f64) -> Option<Step> {
        if !(points.is_finite() && points > 0.0 && points <= Step::MAX_POINTS) {
            return None;
        }
        let h = hundredths(points);
        (h.fract() == 0.0 && h >= 1.0).then_some(Step(h as u32))
    }

    /// The step in points (0.1 for a step of ten hundredths).
    pub fn points(self) -> f64 {
        f64::from(self.0) / 100.0
    }

    /// How many decimals a multiple of the step can need: 0, 1 or 2.
    pub fn decimals(self) -> usize {
        if self.0.is_multiple_of(100) {
            0
        } else if self.0.is_multiple_of(10) {
            1
        } else {
            2
        }
    }

    /// True when `x` is a whole multiple of the step (0 included).
    pub fn divides(self, x: f64) -> bool {
        let h = hundredths(x);
        x.is_finite() && h.fract() == 0.0 && h % f64::from(self.0) == 0.0
    }

    /// The multiple of the step nearest `x`, halves away from zero: the
    /// decimal value itself (0.8, never 0.8000000000000002), because it is
    /// computed as whole hundredths divided by 100.
    pub fn round(self, x: f64) -> f64 {
        let n = (hundredths(x) / f64::from(self.0)).round();
        n * f64::from(self.0) / 100.0
    }

    /// Half of `max` rounded to the step, halves upward: the default
    /// self-score of 部分落实. At 0.5: 1.5 → 0.75 → 1; at 0.1: 1.5 → 0.8, 1.2 → 0.6.
    pub fn half(self, max: f64) -> f64 {
        let n = (hundredths(max) / 2.0 / f64::from(self.0)).round();
        n * f64::from(self.0) / 100.0
    }

    /// The sum of `xs`, exact to the hundredth: 0.1 + 0.2 is 0.3.
    pub fn sum(xs: impl IntoIterator<Item = f64>) -> f64 {
        xs.into_iter().map(hundredths).sum::<f64>() / 100.0
    }
}

impl Default for Step {
    fn default() -> Step {
        Step::DEFAULT
    }
}
