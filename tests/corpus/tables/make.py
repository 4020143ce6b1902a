#!/usr/bin/env python3
"""Writes the corpus of checklist tables (.xlsx, .csv and files that are not
tables) derived from examples/county-checklist.json, and MANIFEST.tsv naming,
for each, what reading it must say: OK (a valid checklist), or every problem
message (zh, exact) that must be among those listed. The workbooks are made
with openpyxl, a writer other than the app's own, in a layout of their own
(部分 and 方面 repeated on every row, as many county tables have them).
Read by tests/model_table.rs. Re-run after the example or the messages change:
    pip install openpyxl==3.1.5 && python3 tests/corpus/tables/make.py
"""
import codecs
import copy
import json
import os
import shutil
import subprocess
import tempfile

import openpyxl
from openpyxl.cell.cell import TYPE_ERROR

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
COUNTY = json.load(open(os.path.join(ROOT, "examples", "county-checklist.json"), encoding="utf-8"))

HEADER = ["部分", "方面", "编号", "检查内容", "分值", "落实标准", "扣分规则", "佐证材料", "依据", "原文摘录"]
SHEET = "考核细则"
manifest = []


def rows_of(c):
    out = []
    for p in c["parts"]:
        for g in p["groups"]:
            for i in g["items"]:
                out.append([p["title"]["zh"], g["title"]["zh"], i["id"], i["duty"]["zh"], i["points"],
                            i["guidance"]["zh"], (i.get("deduction") or {}).get("zh", ""), i["evidence"]["zh"],
                            i["source"]["ref"]["zh"], i["source"]["quote"]])
    return out


def info_rows(c):
    rows = [["项目", "内容", "最低分", "英文名称"], ["清单标题", c["title"]["zh"]], ["清单编号", c["id"]], ["版本", c["version"]],
            ["满分", c["total_points"]], ["评分步长", c["score_step"]], ["编制依据", c["source"]["zh"]],
            ["说明", "\n".join(c["introduction"]["zh"])]]
    rows += [["等次", b["label"]["zh"], b["min"], b["label"]["en"]] for b in c["grade_bands"]]
    return rows


def workbook(header=HEADER, rows=None, info=None, before=None, sheet=SHEET):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    for r in before or []:
        ws.append(r)
    ws.append(header)
    for r in rows if rows is not None else rows_of(COUNTY):
        ws.append(r)
    if info is not False:
        wi = wb.create_sheet("清单信息")
        for r in info or info_rows(COUNTY):
            wi.append(r)
    return wb


def put(name, data, expected, why):
    path = os.path.join(HERE, name)
    if isinstance(data, openpyxl.Workbook):
        data.save(path)
    else:
        with open(path, "wb") as f:
            f.write(data.encode("utf-8") if isinstance(data, str) else data)
    manifest.append((name, " ‖ ".join(expected) if isinstance(expected, list) else expected, why))


def at(row, col, cell, what, sheet=SHEET):
    return f"工作表「{sheet}」第{row}行「{col}」（{cell}）：{what}"


def csv_text(rows, header=HEADER, sep=","):
    def q(v):
        s = "" if v is None else str(v)
        return '"' + s.replace('"', '""') + '"' if any(ch in s for ch in sep + '"\n') else s
    return "\r\n".join(sep.join(q(v) for v in r) for r in [header] + rows) + "\r\n"


def changed(f):
    rows = rows_of(COUNTY)
    f(rows)
    return rows


def main():
    soffice = shutil.which("soffice")
    for f in os.listdir(HERE):
        # Without LibreOffice the .xls and .ods it once wrote are kept as they are.
        if f not in ("make.py", "MANIFEST.tsv") and (soffice or f not in ("old-excel.xls", "valid-libreoffice.ods")):
            os.remove(os.path.join(HERE, f))
    rows = rows_of(COUNTY)
    n = len(rows)
    # Row numbers: the header is row 1, so item k (from 0) is on row k + 2.

    # Valid tables, in other layouts than the app writes.
    put("valid.xlsx", workbook(), "OK", "the county example, 部分 and 方面 on every row")
    wb = workbook(header=["序号"] + HEADER + ["备注"], rows=[[k + 1] + r + [""] for k, r in enumerate(rows)],
                  before=[["X县2027年度法治政府建设考核细则"], []])
    ws = wb[SHEET]
    ws.merge_cells("A1:L1")
    ws.append(["合计", "", "", "", "", 100])
    put("valid-title-rows-and-totals.xlsx", wb, "OK", "title rows above the header, 序号 and 备注 columns, a 合计 row")
    wb = workbook(rows=[[r[0] if k == 0 or rows[k - 1][0] != r[0] else None,
                         r[1] if k == 0 or rows[k - 1][1] != r[1] else None] + r[2:] for k, r in enumerate(rows)])
    put("valid-parts-only-once.xlsx", wb, "OK", "部分 and 方面 only on their first row")
    put("valid-bom.csv", "\ufeff" + csv_text(rows), "OK", "CSV UTF-8 with BOM (Excel's CSV UTF-8)")
    put("valid-no-bom.csv", csv_text(rows), "OK", "CSV UTF-8 without BOM")
    put("valid-semicolons.csv", csv_text(rows, sep=";"), "OK", "CSV separated by semicolons")

    # .ods and .xls, as LibreOffice saves the county table (its merged 部分 and 方面 included):
    # the .ods is read; the .xls is refused with how to save it as .xlsx (calamine's .xls
    # reader panics on damaged files, which would end the app).
    old_excel = ("这是旧版 Excel 97–2003 工作簿（.xls），或设有打开密码的工作簿，无法直接读取。请在 Excel 或 WPS 表格中打开，"
                 "选择“另存为”，保存类型选“Excel 工作簿（*.xlsx）”（不设密码）后重新载入。")
    for ext, name, expected, what in (
            ("ods", "valid-libreoffice.ods", "OK", "the county table saved as OpenDocument (.ods) by LibreOffice"),
            ("xls", "old-excel.xls", [old_excel], "the county table saved as Excel 97-2003 (.xls) by LibreOffice")):
        if soffice:
            with tempfile.TemporaryDirectory() as tmp:
                subprocess.run([soffice, "--headless", "--norestore", f"-env:UserInstallation=file://{tmp}/profile",
                                "--convert-to", ext, "--outdir", tmp, os.path.join(ROOT, "examples", "county-table.xlsx")],
                               check=True, capture_output=True, timeout=120)
                shutil.copy(os.path.join(tmp, f"county-table.{ext}"), os.path.join(HERE, name))
        if os.path.exists(os.path.join(HERE, name)):
            manifest.append((name, " ‖ ".join(expected) if isinstance(expected, list) else expected, what))

    # Problems in cells, each where it is.
    put("points-text.xlsx", workbook(rows=changed(lambda r: r[10].__setitem__(4, "三分"))),
        [at(12, "分值", "E12", "应为数字，实为“三分”")], "points written in words")
    put("points-empty.xlsx", workbook(rows=changed(lambda r: r[3].__setitem__(4, None))),
        [at(5, "分值", "E5", "缺少分值")], "points left empty")
    put("duty-empty.xlsx", workbook(rows=changed(lambda r: r[5].__setitem__(3, None))),
        [at(7, "检查内容", "D7", "检查内容为空")], "a row without its duty")
    put("id-missing.xlsx", workbook(rows=changed(lambda r: r[2].__setitem__(2, None))),
        [at(4, "编号", "C4", "缺少编号（可选择“自动生成编号”）")], "an item without 编号")
    put("id-duplicate.xlsx", workbook(rows=changed(lambda r: r[7].__setitem__(2, "1.1"))),
        [at(9, "编号", "C9", "编号“1.1”与第2行重复（可选择“自动生成编号”）")], "an 编号 used twice")
    put("points-sum.xlsx", workbook(rows=changed(lambda r: r[0].__setitem__(4, 5))),
        ["工作表「考核细则」「分值」列：各检查事项分值合计应为100分，实际为99分"], "points adding up to 99, not 100")
    info = info_rows(COUNTY)
    info = [r if r[0] != "评分步长" else ["评分步长", 0.5] for r in info]
    put("points-off-step.xlsx", workbook(info=info),
        [at(9, "分值", "E9", "检查事项 “2.2” 的分值须为大于0的0.5的整数倍"),
         at(11, "分值", "E11", "检查事项 “2.4” 的分值须为大于0的0.5的整数倍")],
        "tenths of points with a score step of 0.5")
    wb = workbook(rows=changed(lambda r: r[1].__setitem__(4, None)))
    wb[SHEET].merge_cells("E2:E3")
    put("merged-points.xlsx", wb, [at(2, "分值", "E2", "第2至3行合并为一个单元格，内容只在第2行，其余各行的值被遮住；每项须单独填写，请取消合并后逐行填写")],
        "one points cell merged over two items")
    wb = workbook(rows=changed(lambda r: r[4].__setitem__(3, None)))
    wb[SHEET].merge_cells("D5:D6")
    put("merged-duty.xlsx", wb, [at(5, "检查内容", "D5", "第5至6行合并为一个单元格，内容只在第5行，其余各行的值被遮住；每项须单独填写，请取消合并后逐行填写")],
        "one duty cell merged over two items")
    wb = workbook(rows=changed(lambda r: r[6].__setitem__(6, None)))
    wb[SHEET].merge_cells("F8:G8")
    put("merged-columns.xlsx", wb, [at(8, "落实标准", "F8", "与「扣分规则」合并为一个单元格，「扣分规则」的内容被遮住；请取消合并")],
        "落实标准 and 扣分规则 merged on one row")
    wb = workbook()
    wb[SHEET]["E20"].value = "#DIV/0!"
    wb[SHEET]["E20"].data_type = TYPE_ERROR
    put("cell-error.xlsx", wb, [at(20, "分值", "E20", "单元格是错误值 #DIV/0!（公式出错），请改为数值或文字")], "a formula's error value in 分值")

    # The header and the columns.
    put("no-header.xlsx", workbook(header=["考核项目", "内容", "分数"], rows=[[r[1], r[3], r[4]] for r in rows]),
        ["工作表「考核细则」：未找到表头行：前20行中没有同时含有“检查内容”和“分值”两个列名的行。请按模板在表格第一行填写列名（部分、方面、编号、检查内容、分值……）。"],
        "no row names both 检查内容 and 分值")
    put("unknown-column.xlsx", workbook(header=HEADER + ["考核结果"], rows=[r + [""] for r in rows]),
        [at(1, "考核结果", "K1", "不是模板中的列名，请删除该列或改用模板列名（部分、方面、编号、检查内容、分值、落实标准、扣分规则、佐证材料、依据、原文摘录；序号、备注列会被忽略）")],
        "a column the template does not have")
    put("duplicate-column.xlsx", workbook(header=HEADER + ["分值"], rows=[r + [r[4]] for r in rows]),
        [at(1, "分值", "K1", "这个列名出现了不止一次，请删除多余的一列")], "分值 twice")
    put("section-missing.xlsx", workbook(rows=changed(lambda r: [x.__setitem__(1, None) for x in r[:6]])),
        [at(2, "方面", "B2", "缺少方面名称：第一项检查内容所在行或其上方须填写所属方面")], "the first items have no section")
    put("no-items.xlsx", workbook(rows=[]), ["工作表「考核细则」：没有找到任何检查事项：表头行以下没有填写检查内容和分值的行"], "a header and nothing below")

    # The sheet 清单信息.
    put("info-id-missing.xlsx", workbook(info=[r for r in info_rows(COUNTY) if r[0] != "清单编号"]),
        ["清单信息「清单编号」：缺少检查清单编号（id）"], "no 清单编号")
    info = [r if r[0] != "评分步长" else ["评分步长", "零点一"] for r in info_rows(COUNTY)]
    put("info-step-words.xlsx", workbook(info=info), [at(6, "评分步长", "B6", "应为数字，实为“零点一”", sheet="清单信息")],
        "评分步长 written in words")
    info = info_rows(COUNTY) + [["考核年度", "2027"]]
    put("info-unknown-key.xlsx", workbook(info=info),
        [at(13, "项目", "A13", "“考核年度”不是清单信息的项目（可用：清单标题、清单标题（英文）、清单编号、版本、满分、评分步长、编制依据、编制依据（英文）、说明、说明（英文）、等次）", sheet="清单信息")],
        "a key 清单信息 does not have")

    # Several problems at once: every one listed.
    def several(r):
        r[10][4] = "三分"
        r[5][3] = None
        r[7][2] = "1.1"
    put("several-problems.xlsx", workbook(rows=changed(several)),
        [at(7, "检查内容", "D7", "检查内容为空"), at(9, "编号", "C9", "编号“1.1”与第2行重复（可选择“自动生成编号”）"),
         at(12, "分值", "E12", "应为数字，实为“三分”")], "three problems in three rows")
    put("csv-points-text.csv", "\ufeff" + csv_text(changed(lambda r: r[10].__setitem__(4, "三分"))),
        ["第12行「分值」（E12）：应为数字，实为“三分”"], "a CSV file with points in words")

    # Not a table at all.
    put("gbk.csv", codecs.encode(csv_text(rows), "gbk"),
        ["这个 CSV 文件是 GBK（ANSI）编码，不是 UTF-8，中文会读成乱码。请在 Excel 中选择“文件 → 另存为”，保存类型选“CSV UTF-8（逗号分隔）(*.csv)”后重新载入；也可以直接另存为 Excel 工作簿（.xlsx）载入，WPS 表格同样另存为 .xlsx 即可。"],
        "Excel's CSV on a Chinese Windows (GBK)")
    put("utf16.txt", codecs.BOM_UTF16_LE + csv_text(rows).replace(",", "\t").encode("utf-16-le"),
        ["这个文件是 UTF-16 编码的文本（Excel 的“Unicode 文本”）。请在 Excel 中另存为“CSV UTF-8（逗号分隔）(*.csv)”或 Excel 工作簿（.xlsx）后重新载入。"],
        "Excel's Unicode text (UTF-16)")
    put("empty.csv", b"", ["表格文件是空的，没有任何内容。"], "an empty file")
    png = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                        "1f15c4890000000a49444154789c6300010000050001aa8f7e3a0000000049454e44ae426082")
    put("image.png", png, ["这不是表格文件。请选择 Excel 或 WPS 表格（.xlsx）、OpenDocument 表格（.ods）或 CSV 文件。"], "a PNG image")
    import zipfile, io
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
        z.writestr("[Content_Types].xml", "<Types/>")
    put("word.docx", buf.getvalue(), ["这不是表格文件。请选择 Excel 或 WPS 表格（.xlsx）、OpenDocument 表格（.ods）或 CSV 文件。"], "a Word document")

    with open(os.path.join(HERE, "MANIFEST.tsv"), "w", encoding="utf-8") as f:
        f.write("# file\texpected: OK, or every message (zh) that must be among the problems, separated by ‖\twhat it is\n")
        for row in manifest:
            f.write("\t".join(row) + "\n")
    print(f"{len(manifest)} files")


main()
