//! Small charts drawn by the app as SVG: horizontal bars, one per row, each
//! with its value written beside it and dashed lines at the grade thresholds.
//! Legible in grey on a black-and-white printer (one mid-grey fill, black
//! text and lines, nothing told by colour alone); the numbers are also a
//! table for screen readers, which skip the drawing.

use yew::{AttrValue, Html};

/// One bar: its label, its value as a share in [0, 1] (`None`: nothing to
/// draw, e.g. every item 不适用) and the text written beside it.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: Option<f64>,
    pub text: String,
}

/// A dashed reference line at a share in [0, 1], labelled above the bars.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    pub at: f64,
    pub label: String,
}

/// What [`bar_chart`] draws.
pub struct BarChart<'a> {
    /// Unique on the page: the caption's id is derived from it.
    pub id: &'a str,
    pub title: &'a str,
    pub bars: &'a [Bar],
    pub marks: &'a [Mark],
    /// The two column headings of the table for screen readers.
    pub heads: (&'a str, &'a str),
    /// The most of the width the labels may take (longer ones are cut; the
    /// table keeps them whole).
    pub label_share: f64,
}

const WIDTH: f64 = 640.0;
const ROW: f64 = 24.0;
const BAR: f64 = 14.0;
const TOP: f64 = 18.0;
const FONT: f64 = 12.0;
/// Room for the value written after the longest bar.
const VALUE_ROOM: f64 = 64.0;

/// The width of a label in the chart's units: CJK characters are square,
/// others about half as wide.
fn text_width(s: &str) -> f64 {
    s.chars()
        .map(|c| if c.is_ascii() { 0.56 } else { 1.0 })
        .sum::<f64>()
        * FONT
}

/// The label cut to `max` units, with an ellipsis (the table keeps it whole).
fn fit(label: &str, max: f64) -> String {
    if text_width(label) <= max {
        return label.to_string();
    }
    let mut out = String::new();
    for c in label.chars() {
        if text_width(&out) + text_width(&c.to_string()) + FONT > max {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// Text for the SVG markup: `&`, `<`, `>` and `"` escaped.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// Appends one SVG element: numeric attributes (whole units), fixed ones
/// (`extra`), and its text when it has one.
fn el(s: &mut String, tag: &str, nums: &[(&str, f64)], extra: &str, text: Option<&str>) {
    s.push('<');
    s.push_str(tag);
    for (name, v) in nums {
        s.push(' ');
        s.push_str(name);
        s.push_str("=\"");
        s.push_str(&(v.round() as i32).to_string());
        s.push('"');
    }
    s.push(' ');
    s.push_str(extra);
    match text {
        Some(t) => {
            s.push('>');
            s.push_str(&esc(t));
            s.push_str("</");
            s.push_str(tag);
            s.push('>');
        }
        None => s.push_str("/>"),
    }
}

/// The drawing as SVG markup (written as text: far less code than the
/// many Yew nodes the same picture would cost).
fn svg(c: &BarChart) -> String {
    let label_w = c
        .bars
        .iter()
        .map(|b| text_width(&b.label))
        .fold(0.0, f64::max)
        .min(WIDTH * c.label_share)
        + 8.0;
    let x0 = label_w;
    let span = WIDTH - x0 - VALUE_ROOM;
    let bottom = TOP + ROW * c.bars.len() as f64;
    let mut s = String::from("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100%\" aria-hidden=\"true\" focusable=\"false\" font-size=\"12\" viewBox=\"0 0 640 ");
    s.push_str(&((bottom + 4.0) as i32).to_string());
    s.push_str("\">");
    let axis = [("x1", x0), ("x2", x0), ("y1", TOP - 2.0), ("y2", bottom)];
    el(&mut s, "line", &axis, "stroke=\"#000\"", None);
    for m in c.marks {
        let x = x0 + span * m.at.clamp(0.0, 1.0);
        let line = [("x1", x), ("x2", x), ("y1", TOP - 4.0), ("y2", bottom)];
        el(
            &mut s,
            "line",
            &line,
            "stroke=\"#000\" stroke-width=\"0.8\" stroke-dasharray=\"3 3\"",
            None,
        );
        let at = [("x", x), ("y", TOP - 7.0)];
        el(
            &mut s,
            "text",
            &at,
            "text-anchor=\"middle\" font-size=\"10\"",
            Some(&m.label),
        );
    }
    for (i, b) in c.bars.iter().enumerate() {
        let y = TOP + ROW * i as f64;
        let w = span * b.value.unwrap_or(0.0).clamp(0.0, 1.0);
        let ty = y + ROW / 2.0 + FONT * 0.35;
        let label = fit(&b.label, label_w - 8.0);
        el(
            &mut s,
            "text",
            &[("x", x0 - 8.0), ("y", ty)],
            "text-anchor=\"end\"",
            Some(&label),
        );
        let rect = [
            ("x", x0),
            ("y", y + (ROW - BAR) / 2.0),
            ("width", w),
            ("height", BAR),
        ];
        el(
            &mut s,
            "rect",
            &rect,
            "fill=\"#8c8c8c\" stroke=\"#000\" stroke-width=\"0.6\"",
            None,
        );
        el(
            &mut s,
            "text",
            &[("x", x0 + w + 4.0), ("y", ty)],
            "",
            Some(&b.text),
        );
    }
    s.push_str("</svg>");
    s
}

/// Appends `<tag attrs>text</tag>`, the text escaped.
fn wrap(s: &mut String, tag: &str, attrs: &str, text: &str) {
    s.push('<');
    s.push_str(tag);
    s.push_str(attrs);
    s.push('>');
    s.push_str(&esc(text));
    s.push_str("</");
    s.push_str(tag);
    s.push('>');
}

/// A horizontal bar chart in a `<figure>` captioned with its title, the
/// numbers in a table only screen readers see, and `note` under it. Written
/// as markup text: a chart costs the shipped WebAssembly next to nothing.
pub fn bar_chart(c: &BarChart, note: &str) -> Html {
    let mut s = format!(
        "<figure class=\"chart\" aria-labelledby=\"{0}-cap\"><figcaption id=\"{0}-cap\">",
        c.id
    );
    s.push_str(&esc(c.title));
    s.push_str("</figcaption>");
    s.push_str(&svg(c));
    // The numbers for screen readers: the hidden box is a div, for a table
    // takes the width of its content whatever its own width says (it made
    // the print preview scroll sideways).
    s.push_str("<div class=\"visually-hidden\"><table>");
    wrap(&mut s, "caption", "", c.title);
    s.push_str("<thead><tr>");
    wrap(&mut s, "th", " scope=\"col\"", c.heads.0);
    wrap(&mut s, "th", " scope=\"col\"", c.heads.1);
    s.push_str("</tr></thead><tbody>");
    for b in c.bars {
        s.push_str("<tr>");
        wrap(&mut s, "th", " scope=\"row\"", &b.label);
        wrap(&mut s, "td", "", &b.text);
        s.push_str("</tr>");
    }
    s.push_str("</tbody></table></div>");
    if !note.is_empty() {
        wrap(&mut s, "p", " class=\"chart-note\"", note);
    }
    s.push_str("</figure>");
    Html::from_html_unchecked(AttrValue::from(s))
}

/// 各部分得分率: each section's score rate (its normalised score), with the
/// checklist's grade thresholds as dashed lines. On 自查结果 and in the printed report.
pub fn section_rates(
    id: &str,
    summary: &crate::model::scoring::Summary,
    bands: &[crate::model::checklist::GradeBand],
    lang: crate::model::Lang,
) -> Html {
    use crate::model::messages::{m, Msg};
    let bars: Vec<Bar> = summary
        .sections
        .iter()
        .map(|s| {
            let applies = s.tally.max > 0.0;
            Bar {
                label: s.title.get(lang).to_string(),
                value: applies.then_some(s.tally.normalized / 100.0),
                text: if applies {
                    format!("{}%", s.tally.normalized)
                } else {
                    "—".into()
                },
            }
        })
        .collect();
    // In the checklist's own order (a sort here would cost 3 KB of shipped code).
    let thresholds: Vec<_> = bands.iter().filter(|b| b.min > 0.0).collect();
    let marks: Vec<Mark> = thresholds
        .iter()
        .map(|b| Mark {
            at: b.min / 100.0,
            label: b.min.to_string(),
        })
        .collect();
    let list = thresholds
        .iter()
        .map(|b| {
            m::GradeFrom {
                grade: b.label.clone(),
                min: b.min,
            }
            .tr(lang)
        })
        .collect::<Vec<_>>()
        .join(Msg::EnumSeparator.tr(lang));
    let note = if list.is_empty() {
        String::new()
    } else {
        m::ChartThresholds { list }.tr(lang)
    };
    bar_chart(
        &BarChart {
            id,
            title: Msg::SectionRates.tr(lang),
            bars: &bars,
            marks: &marks,
            heads: (Msg::Section.tr(lang), Msg::Rate.tr(lang)),
            label_share: 0.42,
        },
        &note,
    )
}
