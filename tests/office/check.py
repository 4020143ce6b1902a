#!/usr/bin/env python3
"""Reads the office documents the app writes back with independent tools —
python-docx and openpyxl from PyPI, never the app's own code — and checks
them against GB/T 9704 and against the inputs they were made from.

    python tests/office/check.py OUT_DIR DESK_SET [TODAY]

OUT_DIR holds what `cargo run --example office_files -- OUT_DIR DESK_SET`
wrote; DESK_SET the report files the workbook was made from (the expected
units, scores and overdue rectifications are computed here from those JSON
files). Prints one "ok N - …" or "not ok N - …" line per check and exits 1
when any fails.
"""
import datetime
import json
import os
import sys

import docx
import openpyxl
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.enum.text import WD_COLOR_INDEX

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
results = []
quiet = []  # while a negative control runs: its verdicts, not printed or counted


def check(name, ok, detail=""):
    if quiet:
        quiet[-1].append(ok)
        return
    results.append(ok)
    n = len(results)
    print(f"{'ok' if ok else 'not ok'} {n} - {name}" + ("" if ok or not detail else f": {detail}"))


def control_fails(what, run):
    """A negative control: the checks must find something wrong in `run`."""
    quiet.append([])
    try:
        run()
    except Exception:
        quiet[-1].append(False)
    verdicts = quiet.pop()
    check(f"control: {what} is caught", False in verdicts, f"{verdicts.count(False)} checks failed")


def east_asian_font(style):
    """The East Asian font a paragraph style sets (w:rFonts/@w:eastAsia)."""
    rpr = style.element.rPr
    fonts = rpr.find(qn("w:rFonts")) if rpr is not None else None
    return fonts.get(qn("w:eastAsia")) if fonts is not None else None


def close(a, b, tol):
    return a is not None and abs(int(a) - int(b)) <= tol


def style(d, style_id):
    return next(s for s in d.styles if s.style_id == style_id)


def check_layout(name, d, min_body=3):
    s = d.sections[0]
    # One twip of rounding: 1 mm is 56.7 twips, EMU values are exact.
    twip = 635
    check(f"{name}: A4 page", close(s.page_width, Mm(210), twip) and close(s.page_height, Mm(297), twip),
          f"{s.page_width.mm:.1f} × {s.page_height.mm:.1f} mm")
    margins = {"top": (s.top_margin, 37), "left": (s.left_margin, 28),
               "bottom": (s.bottom_margin, 35), "right": (s.right_margin, 26)}
    for side, (got, want) in margins.items():
        check(f"{name}: {side} margin {want} mm", close(got, Mm(want), twip), f"{got.mm:.2f} mm")
    for style_id, font, size in [("GwTitle", "方正小标宋简体", 22), ("Heading1", "黑体", 16),
                              ("Heading2", "楷体_GB2312", 16), ("GwBody", "仿宋_GB2312", 16)]:
        s_ = style(d, style_id)
        check(f"{name}: style {style_id} is {font} {size} pt",
              east_asian_font(s_) == font and s_.font.size == Pt(size),
              f"{east_asian_font(s_)} {s_.font.size.pt if s_.font.size else None} pt")
    defaults = d.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = defaults.find(qn("w:rFonts"))
    size = defaults.find(qn("w:sz"))
    check(f"{name}: text a user adds defaults to 仿宋_GB2312 16 pt",
          fonts is not None and fonts.get(qn("w:eastAsia")) == "仿宋_GB2312"
          and size is not None and size.get(qn("w:val")) == "32")
    title = d.paragraphs[0]
    check(f"{name}: the first paragraph is the title, centred", title.style.style_id == "GwTitle"
          and style(d, "GwTitle").paragraph_format.alignment == 1, title.text)
    body = [p for p in d.paragraphs if p.style.style_id == "GwBody"]
    check(f"{name}: body paragraphs in the body style", len(body) >= min_body, str(len(body)))
    footers = {"odd": s.footer, "even": s.even_page_footer}
    for side, f in footers.items():
        xml = f._element.xml
        text = "".join(p.text for p in f.paragraphs)
        check(f"{name}: {side} footer has “— N —” with a PAGE field",
              "— " in text and " —" in text and "PAGE" in xml, text)
    check(f"{name}: odd pages right, even pages left",
          s.footer.paragraphs[0].alignment == 2 and s.even_page_footer.paragraphs[0].alignment == 0)
    check(f"{name}: different odd and even footers", d.settings.odd_and_even_pages_header_footer)


def headings(d, level):
    return [p.text for p in d.paragraphs if p.style.style_id == f"Heading{level}"]


def full_text(d):
    parts = [p.text for p in d.paragraphs]
    for t in d.tables:
        for r in t.rows:
            parts.extend(c.text for c in r.cells)
    return "\n".join(parts)


def check_report(out):
    d = docx.Document(os.path.join(out, "report.docx"))
    check_layout("report", d, min_body=1)
    builtin = json.load(open(os.path.join(ROOT, "content", "builtin-checklist.json"), encoding="utf-8"))
    items = [i for p in builtin["parts"] for g in p["groups"] for i in g["items"]]
    item_tables = [t for t in d.tables if len(t.columns) == 6
                   and [c.text for c in t.rows[0].cells[:2]] == ["序号", "检查事项"]
                   and t.rows[0].cells[4].text == "情况说明及佐证材料"]
    rows = [r for t in item_tables for r in t.rows[1:]]
    check("report: one table row per item", len(rows) == len(items), f"{len(rows)} rows, {len(items)} items")
    numbers = [r.cells[0].text for r in rows]
    check("report: items numbered 1…N across the tables", numbers == [str(n + 1) for n in range(len(items))])
    duties = [r.cells[1].text for r in rows]
    check("report: each row states its duty with its points",
          all(d_.startswith(i["duty"]["zh"]) and d_.endswith("分）") for d_, i in zip(duties, items)))
    headers_repeat = all(t.rows[0]._tr.trPr is not None and t.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
                         for t in item_tables)
    check("report: every item table repeats its header row on each page", headers_repeat and len(item_tables) == 7)
    h1 = headings(d, 1)
    check("report: parts 一 to 五 in order",
          h1 == ["一、基本情况", "二、自查得分情况", "三、逐项自查情况", "四、整改措施清单", "五、上年度整改落实情况"], str(h1))
    h2 = headings(d, 2)
    check("report: the checklist's parts are headings", h2 == [p["title"]["zh"] for p in builtin["parts"]], str(h2))
    h3 = headings(d, 3)
    want = [g["title"]["zh"] for p in builtin["parts"] for g in p["groups"]]
    check("report: sections （一）… under each part, numbered as the checklist does", h3 == want, f"{h3} / {want}")
    text = full_text(d)
    report = json.load(open(os.path.join(out, "report.json"), encoding="utf-8"))
    digest = report["integrity"]["digest"]
    footer = "".join(p.text for p in d.sections[0].footer.paragraphs)
    check("report: the fingerprint in the footer is the JSON file's", f"数字指纹 {digest[:16]}" in footer, footer)
    check("report: the whole fingerprint in the text", digest in text)
    gaps = [a for a in report["answers"] if a["status"] in ("partial", "not_done")]
    check("report: each rectification with its 责任人 and 完成时限",
          all(f"责任人：{a['rectification']['owner'] or '—'}" in text for a in gaps) and "完成时限：2027年6月30日" in text)
    check("report: the unit's name in the title", d.paragraphs[0].text.startswith(report["unit"]["name"]))


def check_annual(out):
    d = docx.Document(os.path.join(out, "annual.docx"))
    check_layout("annual", d)
    h1 = headings(d, 1)
    want = ["一、上一年度推进法治政府建设的主要举措和成效", "二、存在的不足和原因",
            "三、党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况",
            "四、下一年度主要安排", "五、其他需要报告的情况"]
    check("annual: the five required parts in order", h1 == want, str(h1))
    text = full_text(d)
    check("annual: no 是否 and no question mark", "是否" not in text and "？" not in text and "?" not in text)
    check("annual: organised by section (在……方面)", text.count("方面，") >= 7)
    placeholders = [r for p in d.paragraphs for r in p.runs if r.text.startswith("【请补充")]
    check("annual: placeholders highlighted", len(placeholders) >= 5
          and all(r.font.highlight_color == WD_COLOR_INDEX.YELLOW for r in placeholders), str(len(placeholders)))
    check("annual: evidence with 文号 and date", "青委发〔2026〕3号，2026年2月10日" in text)
    closing = [p for p in d.paragraphs if p.style.style_id == "GwClosing" and p.text]
    check("annual: the unit signs at the right", closing and closing[0].text == "X县青山镇人民政府")


def check_annual_english(out):
    d = docx.Document(os.path.join(out, "annual-en.docx"))
    h1 = headings(d, 1)
    check("annual in English: five parts numbered 1. to 5.", [h[:3] for h in h1] == ["1. ", "2. ", "3. ", "4. ", "5. "], str(h1))
    text = full_text(d)
    check("annual in English: placeholders in [], no Chinese numbering",
          "[To fill in:" in text and "【" not in text and "（一）" not in text and "一、" not in text)


def check_head(out):
    d = docx.Document(os.path.join(out, "head.docx"))
    check_layout("head", d)
    h1 = headings(d, 1)
    check("述法: three parts in order",
          h1 == ["一、履行推进法治建设第一责任人职责情况", "二、存在的问题", "三、下一步打算"], str(h1))
    text = full_text(d)
    check("述法: in the first person, no 是否", "本人" in text and "是否" not in text and "？" not in text)


def expected_desk(set_dir, extra, today):
    """The built-in checklist's units, scores and overdue rectifications, from the JSON files."""
    builtin = json.load(open(os.path.join(ROOT, "content", "builtin-checklist.json"), encoding="utf-8"))
    units, overdue, seen = {}, 0, set()
    paths = [os.path.join(set_dir, f) for f in sorted(os.listdir(set_dir))] + [extra]
    for path in paths:
        try:
            r = json.load(open(path, encoding="utf-8"))
        except (ValueError, UnicodeDecodeError):
            continue
        if not isinstance(r, dict) or r.get("format") != "rule-of-law-self-assessment":
            continue
        if not isinstance(r.get("year"), int) or r["checklist"]["id"] != builtin["id"]:
            continue
        key = (r["unit"]["name"].strip(), r["year"])
        if key in seen:
            continue
        seen.add(key)
        units[key] = r["summary"]["total"]["normalized"]
        for a in r["answers"]:
            due = (a.get("rectification") or {}).get("due", "")
            if a["status"] in ("partial", "not_done") and len(due) == 10 and due < today:
                overdue += 1
    return units, overdue


def fill(cell):
    return (cell.fill.fgColor.rgb or "")[-6:].upper() if cell.fill and cell.fill.fill_type else ""


def check_desk(out, set_dir, today):
    wb = openpyxl.load_workbook(os.path.join(out, "desk.xlsx"))
    check("desk: four sheets", wb.sheetnames == ["单位一览", "履职矩阵", "整改跟踪", "问题文件"], str(wb.sheetnames))
    units, overdue = expected_desk(set_dir, os.path.join(out, "injection.json"), today)
    ws = wb["单位一览"]
    header = [c.value for c in ws[1]]
    check("desk: 单位一览 headers", header == ["单位", "类型", "第一责任人", "年度", "完成度", "得分", "等级",
                                           "未落实", "部分落实", "佐证材料（条）", "数字指纹", "文件", "采用依据"],
          str(header))
    check("desk: 单位一览 header frozen", ws.freeze_panes == "B2", str(ws.freeze_panes))
    rows = list(ws.iter_rows(min_row=2))
    check("desk: one row per unit and year", len(rows) == len(units), f"{len(rows)} rows, {len(units)} units")
    got = {(r[0].value, r[3].value): r[5] for r in rows}
    check("desk: every unit listed", set(got) == set(units))
    numeric = all(c.data_type == "n" and isinstance(c.value, (int, float)) for c in got.values())
    check("desk: scores are numbers", numeric)
    check("desk: scores are the reports' totals",
          all(abs(got[k].value - v) < 0.005 for k, v in units.items() if k in got))
    check("desk: years are numbers", all(isinstance(r[3].value, int) for r in rows))
    inj = [r[0] for r in rows if str(r[0].value).startswith("=")]
    check("desk: a unit name that looks like a formula is a string", len(inj) == 1 and inj[0].data_type == "s",
          str([(c.value, c.data_type) for c in inj]))
    ws = wb["履职矩阵"]
    check("desk: 履职矩阵 keeps 序号, 检查事项 and 已落实率 in view", ws.freeze_panes == "D2", str(ws.freeze_panes))
    # Reports that do not verify (the generated set's 3 altered ones) are listed
    # on 单位一览 with why, but left out of the figures: no column in the matrix.
    left_out = [r for r in rows if str(r[12].value).startswith("未计入统计")]
    check("desk: the 3 altered reports listed as left out of the figures", len(left_out) == 3,
          str([(r[0].value, r[12].value) for r in left_out]))
    check("desk: 履职矩阵 one column per unit in the figures", ws.max_column == 3 + len(units) - len(left_out),
          f"{ws.max_column}")
    check("desk: 已落实率 as percentages", all(r[2].value is None or (isinstance(r[2].value, float)
                                                                   and r[2].number_format.endswith("%"))
                                          for r in ws.iter_rows(min_row=2)))
    ws = wb["整改跟踪"]
    header = [c.value for c in ws[1]]
    check("desk: 整改跟踪 headers", header == ["单位", "年度", "序号", "检查事项", "自查结果", "存在问题", "整改措施",
                                           "责任人", "完成时限", "是否逾期"], str(header))
    rows = list(ws.iter_rows(min_row=2))
    dates = [r[8] for r in rows if r[8].value is not None and not isinstance(r[8].value, str)]
    check("desk: deadlines are dates", dates and all(isinstance(c.value, datetime.datetime) for c in dates))
    marked = [r for r in rows if fill(r[0]) == "FFC7CE"]
    said = [r for r in rows if r[9].value == "是"]
    check("desk: overdue rectifications highlighted", len(marked) == overdue and overdue > 0
          and all(fill(c) == "FFC7CE" for r in marked for c in r), f"{len(marked)} highlighted, {overdue} overdue")
    check("desk: only the overdue ones", len(said) == overdue and all(fill(r[0]) != "FFC7CE" for r in rows if r[9].value == "否"))
    ws = wb["问题文件"]
    files = [r[0].value for r in ws.iter_rows(min_row=2)]
    check("desk: 问题文件 lists the unreadable and the altered", "情况说明.txt" in files and len(files) >= 8, str(files))


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        sys.exit(2)
    out, set_dir = sys.argv[1], sys.argv[2]
    today = sys.argv[3] if len(sys.argv) > 3 else "2027-09-01"
    # Negative controls: a plain Word document (Letter, 1-inch margins, no styles of ours),
    # and the workbook read as of another day (other rectifications overdue).
    control_fails("a document not laid out after GB/T 9704", lambda: check_layout("control", docx.Document()))
    control_fails("an overdue highlight that does not match the deadlines",
                  lambda: check_desk(out, set_dir, "2027-01-01"))
    for step in (lambda: check_report(out), lambda: check_annual(out), lambda: check_annual_english(out),
                 lambda: check_head(out),
                 lambda: check_desk(out, set_dir, today)):
        try:
            step()
        except Exception as e:  # a file that cannot be read at all is a failure, not a crash
            check("reading the file", False, repr(e))
    failed = results.count(False)
    print(f"{len(results) - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


main()
