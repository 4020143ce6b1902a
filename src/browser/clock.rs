//! Time and identifiers from the browser.

/// Now, as RFC 3339 in UTC (e.g. 2027-02-21T02:00:00.000Z).
pub fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// The local wall-clock time HH:MM:SS, for the autosave indicator.
pub fn local_hms() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:02}:{:02}:{:02}",
        d.get_hours(),
        d.get_minutes(),
        d.get_seconds()
    )
}

/// Formats a stored RFC 3339 time as the local date and time, the date as
/// prose in the language (2026年12月1日 10:05 / 1 December 2026 10:05).
pub fn local_datetime(iso: &str, lang: crate::model::Lang) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(iso));
    if d.get_time().is_nan() {
        return iso.to_string();
    }
    let date = format!(
        "{}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    );
    format!(
        "{} {:02}:{:02}",
        crate::model::calendar::long_date(&date, lang),
        d.get_hours(),
        d.get_minutes()
    )
}

/// The default 自查年度 for today's local date: last year until the end of
/// March (the model's rule, `calendar::default_year`).
pub fn default_year() -> i32 {
    crate::model::calendar::default_year(&today())
        .unwrap_or_else(|| js_sys::Date::new_0().get_full_year() as i32)
}

/// A random identifier for drafts and tabs (16 hex digits).
pub fn random_id() -> String {
    (0..4)
        .map(|_| format!("{:04x}", (js_sys::Math::random() * 65536.0) as u32 & 0xffff))
        .collect()
}

/// Today's local date, YYYY-MM-DD.
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}
