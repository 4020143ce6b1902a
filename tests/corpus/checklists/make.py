#!/usr/bin/env python3
"""Writes broken checklist definitions derived from examples/township-checklist.json,
and MANIFEST.tsv naming, for each, a problem Checklist::parse must report: the
start of its path and a fragment of its English message. Read by
tests/model_checklist_corpus.rs. Re-run after the example or the checks change:
    python3 tests/corpus/checklists/make.py
"""
import copy
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
EXAMPLE_PATH = os.path.join(ROOT, "examples", "township-checklist.json")
EXAMPLE = json.load(open(EXAMPLE_PATH, encoding="utf-8"))
EXAMPLE_TEXT = open(EXAMPLE_PATH, encoding="utf-8").read()

ITEM = ["parts", 0, "groups", 0, "items", 0]  # leadership.annual_plan, 4 points
ITEM_PATH = "parts[0].groups[0].items[0]"

manifest = []


def put(name, data, path, message):
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)
    manifest.append((name, path, message))


def variant(name, path, message, change):
    c = copy.deepcopy(EXAMPLE)
    change(c)
    put(name, json.dumps(c, ensure_ascii=False, indent=2) + "\n", path, message)


def node(c, keys):
    for k in keys:
        c = c[k]
    return c


def setter(keys, value):
    def change(c):
        node(c, keys[:-1])[keys[-1]] = value
    return change


def deleter(keys):
    def change(c):
        del node(c, keys[:-1])[keys[-1]]
    return change


def main():
    for f in os.listdir(HERE):
        if f.endswith(".json") or f.endswith(".txt"):
            os.remove(os.path.join(HERE, f))

    # Identity.
    variant("id-empty.json", "id", "The checklist id is missing", setter(["id"], ""))
    variant("id-blank.json", "id", "The checklist id is missing", setter(["id"], "  "))
    variant("version-empty.json", "version", "The checklist version is missing", setter(["version"], ""))
    variant("title-zh-empty.json", "title.zh", "The Chinese title is missing", setter(["title", "zh"], ""))
    variant("format-wrong.json", "format", 'format must be "rule-of-law-checklist"', setter(["format"], "rule-of-law-self-assessment"))
    variant("format-version-2.json", "format_version", "Unsupported checklist format version 2", setter(["format_version"], 2))

    # Ids.
    variant("duplicate-item-id.json", "parts[0].groups[0].items[1].id", 'Duplicate item id "leadership.annual_plan"',
            setter(["parts", 0, "groups", 0, "items", 1, "id"], "leadership.annual_plan"))
    variant("duplicate-item-id-across-sections.json", "parts[1].groups[2].items[0].id", 'Duplicate item id "leadership.annual_plan"',
            setter(["parts", 1, "groups", 2, "items", 0, "id"], "leadership.annual_plan"))
    variant("duplicate-section-id.json", "parts[0].groups[1].id", 'Duplicate id "leadership"',
            setter(["parts", 0, "groups", 1, "id"], "leadership"))
    variant("duplicate-part-id.json", "parts[1].id", 'Duplicate id "organisation"', setter(["parts", 1, "id"], "organisation"))

    # Points and totals.
    variant("points-sum-101.json", "parts", "Item points must sum to 100; they sum to 101", setter(ITEM + ["points"], 5))
    def undeclared_total_80(c):
        del c["total_points"]
        node(c, ["parts", 1, "groups"]).pop(0)  # enforcement, 20 points
    variant("total-points-absent-sum-80.json", "parts", "Item points must sum to 100; they sum to 80", undeclared_total_80)
    variant("total-points-120.json", "parts", "Item points must sum to 120; they sum to 100", setter(["total_points"], 120))
    variant("total-points-0.json", "total_points", "total_points must be a positive number", setter(["total_points"], 0))
    variant("total-points-negative.json", "total_points", "total_points must be a positive number", setter(["total_points"], -100))
    variant("points-0.3.json", ITEM_PATH + ".points", 'Item "leadership.annual_plan" points must be a positive multiple of 0.5', setter(ITEM + ["points"], 0.3))
    variant("points-0.json", ITEM_PATH + ".points", "must be a positive multiple of 0.5", setter(ITEM + ["points"], 0))
    variant("points-negative.json", ITEM_PATH + ".points", "must be a positive multiple of 0.5", setter(ITEM + ["points"], -4))

    # Score steps (评分步长).
    variant("score-step-0.json", "score_step", "score_step must be a positive multiple of 0.01", setter(["score_step"], 0))
    variant("score-step-0.001.json", "score_step", "score_step must be a positive multiple of 0.01", setter(["score_step"], 0.001))
    variant("score-step-string.json", "score_step", "invalid type: string", setter(["score_step"], "0.1"))
    def tenths_off_step(c):
        c["score_step"] = 0.2
        node(c, ITEM)["points"] = 3.9
        node(c, ["parts", 0, "groups", 0, "items", 1])["points"] += 0.1
    variant("points-off-step-0.2.json", ITEM_PATH + ".points", 'Item "leadership.annual_plan" points must be a positive multiple of 0.2', tenths_off_step)

    # Texts the app needs in Chinese.
    variant("duty-zh-empty.json", ITEM_PATH + ".duty.zh", 'Item "leadership.annual_plan" has no Chinese text', setter(ITEM + ["duty", "zh"], ""))
    variant("duty-zh-blank.json", ITEM_PATH + ".duty.zh", "has no Chinese text", setter(ITEM + ["duty", "zh"], " \u3000\n"))
    variant("section-title-zh-empty.json", "parts[1].groups[1].title.zh", 'Section "education" has no Chinese title',
            setter(["parts", 1, "groups", 1, "title", "zh"], ""))

    # Grade bands.
    variant("grade-band-label-zh-empty.json", "grade_bands[1].label.zh", "Grade band 2 has no Chinese label", setter(["grade_bands", 1, "label", "zh"], ""))
    variant("grade-band-min-120.json", "grade_bands[0].min", "Grade band 1 must start between 0 and 100", setter(["grade_bands", 0, "min"], 120))
    variant("grade-band-min-negative.json", "grade_bands[3].min", "Grade band 4 must start between 0 and 100", setter(["grade_bands", 3, "min"], -1))
    variant("grade-bands-none.json", "grade_bands", "At least one grade band is required", setter(["grade_bands"], []))

    # Structure.
    variant("section-no-items.json", "parts[1].groups[2].items", 'Section "disputes" has no items', setter(["parts", 1, "groups", 2, "items"], []))

    # Well-formed JSON that is not a definition: serde's error, with the path of the member.
    variant("unknown-member-item.json", "parts[0].groups[0].items[0]", "unknown field `comment`", setter(ITEM + ["comment"], "备注"))
    variant("unknown-member-top.json", "(root)", "unknown field `total`", setter(["total"], 100))
    variant("misspelt-total-points.json", "(root)", "unknown field `total_point`", lambda c: c.update(total_point=c.pop("total_points")))
    variant("duty-zh-missing.json", "parts[0].groups[0].items[0].duty", "missing field `zh`", deleter(ITEM + ["duty", "zh"]))
    variant("points-missing.json", "parts[0].groups[0].items[0]", "missing field `points`", deleter(ITEM + ["points"]))
    variant("introduction-en-missing.json", "introduction", "missing field `en`", deleter(["introduction", "en"]))
    variant("points-string.json", "parts[0].groups[0].items[0].points", "invalid type: string", setter(ITEM + ["points"], "4"))
    variant("introduction-string.json", "introduction.zh", "invalid type: string", setter(["introduction", "zh"], "一段说明"))
    variant("format-version-string.json", "format_version", "invalid type: string", setter(["format_version"], "1"))
    variant("format-version-negative.json", "format_version", "invalid value: integer `-1`", setter(["format_version"], -1))
    variant("deduction-string.json", "parts[0].groups[0].items[0].deduction", "invalid type: string", setter(ITEM + ["deduction"], "每少一次扣0.5分"))
    put("not-json.txt", "《X县2027年法治政府建设工作要点》\n一、加强组织领导\n", "(root)", "must be a JSON object")
    # Not JSON at all: the path is "line L, column C".
    put("truncated.json", EXAMPLE_TEXT[: len(EXAMPLE_TEXT) // 2], "line ", "EOF while parsing")
    put("empty.json", b"", "(root)", "must be a JSON object")
    variant("item-id-empty.json", ITEM_PATH + ".id", "has no id", setter(ITEM + ["id"], ""))
    variant("part-title-zh-empty.json", "parts[0].title.zh", "has no Chinese title", setter(["parts", 0, "title", "zh"], ""))
    variant("text-extra-member.json", "title", "unknown field", setter(["title", "fr"], "Liste"))
    put("top-array.json", "[]", "(root)", "must be a JSON object")
    # The optional statement (issue 15): never a question, never without Chinese.
    statement = lambda zh: setter(ITEM + ["statement"], {"zh": zh, "en": "Holds at least three dedicated discussions a year"})
    variant("statement-question.json", ITEM_PATH + ".statement.zh", "has a statement phrased as a question", statement("本单位是否全年专题研究法治政府建设重点工作不少于3次？"))
    variant("statement-zh-blank.json", ITEM_PATH + ".statement.zh", "has a statement without Chinese text", statement("  "))

    with open(os.path.join(HERE, "MANIFEST.tsv"), "w", encoding="utf-8") as f:
        f.write("# file\texpected path prefix\texpected English message fragment\n")
        for row in manifest:
            f.write("\t".join(row) + "\n")
    print(f"{len(manifest)} files")


main()
