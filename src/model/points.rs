//! Point arithmetic shared by answers and scoring: rounding to half points
//! and to two decimals. Depends on nothing else in the model.

/// Rounds to the nearest multiple of 0.5 (halves away from zero).
pub fn round_half_step(x: f64) -> f64 {
    (x * 2.0).round() / 2.0
}

/// Rounds to two decimals, for figures shown and stored.
pub fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}
