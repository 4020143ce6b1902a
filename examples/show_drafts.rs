//! Prints the annual-report and 述法 drafts of the realistic assessment
//! (`cargo run --example show_drafts -- [en]`), for reading them as a user would.

use selfcheck::fixtures::realistic::realistic_assessment;
use selfcheck::model::annual::{annual_report, head_report};
use selfcheck::model::{Checklist, Lang};

fn main() {
    let lang = match std::env::args().nth(1).as_deref() {
        Some("en") => Lang::En,
        _ => Lang::Zh,
    };
    let c = Checklist::builtin();
    let a = realistic_assessment(c);
    println!("{}\n\n==========\n", annual_report(c, &a, lang).text());
    println!("{}", head_report(c, &a, lang).text());
}
