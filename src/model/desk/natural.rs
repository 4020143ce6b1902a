//! Natural order of unit names: runs of digits compare as numbers, so
//! 第3号 comes before 第20号 (ASCII and full-width digits alike). Names equal
//! in that order fall back to plain order, so the order is total.

use std::cmp::Ordering;

/// The digit's value, for ASCII and full-width (０–９) digits.
fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// Compares two names in natural order.
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    let (mut x, mut y) = (a.chars().peekable(), b.chars().peekable());
    loop {
        match (x.peek().copied(), y.peek().copied()) {
            (None, None) => return a.cmp(b),
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(c), Some(d)) => match (digit(c), digit(d)) {
                (Some(_), Some(_)) => {
                    let n = number(&mut x);
                    let m = number(&mut y);
                    match n.cmp(&m) {
                        Ordering::Equal => {}
                        o => return o,
                    }
                }
                _ => {
                    match c.cmp(&d) {
                        Ordering::Equal => {}
                        o => return o,
                    }
                    x.next();
                    y.next();
                }
            },
        }
    }
}

/// Reads a run of digits: its value without leading zeros, as (length, digits).
fn number(it: &mut std::iter::Peekable<std::str::Chars>) -> (usize, Vec<u32>) {
    let mut digits = Vec::new();
    while let Some(d) = it.peek().copied().and_then(digit) {
        if !(digits.is_empty() && d == 0) {
            digits.push(d);
        }
        it.next();
    }
    (digits.len(), digits)
}
