#!/usr/bin/env python3
"""Writes the corpus of bad (and borderline) report files under reports/,
derived from docs/sample-report.json, and MANIFEST.tsv naming what the
importer must say of each. Re-run after the report format changes:
    python3 tests/corpus/make_corpus.py
"""
import copy
import hashlib
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
OUT = os.path.join(HERE, "reports")
SAMPLE = json.load(open(os.path.join(ROOT, "docs", "sample-report.json"), encoding="utf-8"))
SAMPLE_TEXT = open(os.path.join(ROOT, "docs", "sample-report.json"), encoding="utf-8").read()
CHECKLIST_TEXT = open(os.path.join(ROOT, "content", "builtin-checklist.json"), encoding="utf-8").read()

manifest = []


def jcs_ready(v):
    """Integral floats as ints: enough for JCS on this format (ASCII keys, simple numbers)."""
    if isinstance(v, float) and v.is_integer():
        return int(v)
    if isinstance(v, dict):
        return {k: jcs_ready(x) for k, x in v.items()}
    if isinstance(v, list):
        return [jcs_ready(x) for x in v]
    return v


def seal(report):
    body = {k: v for k, v in report.items() if k != "integrity"}
    canon = json.dumps(jcs_ready(body), sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    report["integrity"] = {
        "algorithm": "sha256",
        "canonicalization": "RFC8785",
        "digest": hashlib.sha256(canon.encode("utf-8")).hexdigest(),
    }
    return report


def put(name, data, expect, why):
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)
    manifest.append((name, expect, why))


def variant(name, expect, why, change, reseal=True):
    r = copy.deepcopy(SAMPLE)
    change(r)
    if reseal:
        seal(r)
    put(name, json.dumps(r, ensure_ascii=False, indent=2), expect, why)


def setter(path, value):
    def change(r):
        node = r
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value
    return change


def deleter(path):
    def change(r):
        node = r
        for key in path[:-1]:
            node = node[key]
        del node[path[-1]]
    return change


def main():
    os.makedirs(OUT, exist_ok=True)
    for f in os.listdir(OUT):
        os.remove(os.path.join(OUT, f))

    # Not a report at all.
    put("empty.json", b"", "Empty", "zero bytes")
    put("whitespace-only.json", "  \n\t\n", "Empty", "only whitespace")
    put("truncated-half.json", SAMPLE_TEXT[: len(SAMPLE_TEXT) // 2], "Truncated", "cut off half-way")
    put("truncated-last-brace.json", SAMPLE_TEXT.rstrip()[:-1], "Truncated", "last brace missing")
    put("plain-text.txt", "这是一份普通的文字说明，不是自查报告。", "NotJson", "plain text")
    put("html-page.html", "<!doctype html><html><body><script>alert(1)</script></body></html>", "NotJson", "an HTML page")
    put("spreadsheet.csv", "单位,得分\n青山镇,95\n", "NotJson", "a CSV table")
    put("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01", "Binary", "a PNG image")
    put("archive.zip", b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)), "Binary", "a ZIP archive")
    put("word.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", "Binary", "an old Word document")
    put("gbk-encoded.json", SAMPLE_TEXT.encode("gbk", errors="replace"), "NotUtf8", "re-saved as GBK")
    put("utf16-le.json", b"\xff\xfe" + SAMPLE_TEXT.encode("utf-16-le"), "NotUtf8", "re-saved as UTF-16")
    put("invalid-utf8-byte.json", SAMPLE_TEXT.encode("utf-8")[:200] + b"\xc3\x28" + SAMPLE_TEXT.encode("utf-8")[200:], "NotUtf8", "a broken UTF-8 sequence")
    put("trailing-garbage.json", SAMPLE_TEXT + "xyz", "NotJson", "text after the JSON")
    put("two-documents.json", SAMPLE_TEXT + SAMPLE_TEXT, "NotJson", "two reports pasted together")
    put("comments.json", "// 自查报告\n" + SAMPLE_TEXT, "NotJson", "a comment line")
    put("single-quotes.json", "{'format': 'rule-of-law-self-assessment'}", "NotJson", "single quotes")
    put("nan-literal.json", SAMPLE_TEXT.replace('"year": 2026', '"year": NaN', 1), "NotJson", "NaN is not JSON")
    put("lone-surrogate.json", SAMPLE_TEXT.replace('"notes": "', '"notes": "\\ud800', 1), "NotJson", "a lone UTF-16 surrogate escape")
    put("number-overflow.json", SAMPLE_TEXT.replace('"year": 2026', '"year": 1e400', 1), "NotJson", "a number too large")
    put("deep-arrays.json", "[" * 100000 + "]" * 100000, "TooDeep", "100,000 nested arrays")
    put("deep-objects.json", '{"a":' * 300 + "1" + "}" * 300, "TooDeep", "300 nested objects")
    put("top-array.json", "[]", "NotAnObject", "an array")
    put("top-string.json", '"自查报告"', "NotAnObject", "a string")
    put("top-number.json", "42", "NotAnObject", "a number")
    put("top-null.json", "null", "NotAnObject", "null")
    put("checklist-definition.json", CHECKLIST_TEXT, "NotAReport", "a checklist definition, not a report")
    put("other-json.json", '{"name": "青山镇", "score": 95}', "NotAReport", "some other JSON")
    variant("format-wrong.json", "NotAReport", "another format name", setter(["format"], "survey"))

    # Versions.
    variant("version-missing.json", "BadVersion", "no format_version", deleter(["format_version"]))
    variant("version-string.json", "BadVersion", "format_version is a string", setter(["format_version"], "1"))
    variant("version-negative.json", "BadVersion", "format_version -1", setter(["format_version"], -1))
    variant("version-fraction.json", "BadVersion", "format_version 1.5", setter(["format_version"], 1.5))
    variant("version-future-2.json", "FutureVersion", "a newer format", setter(["format_version"], 2))
    variant("version-future-99.json", "FutureVersion", "a far newer format", setter(["format_version"], 99))
    variant("version-zero.json", "OldVersion", "an unknown old version", setter(["format_version"], 0))

    # Wrong shapes and types.
    variant("year-string.json", "Field", "year is a string", setter(["year"], "2026"))
    variant("answers-object.json", "Field", "answers is an object", setter(["answers"], {}))
    variant("status-unknown.json", "Field", "status 'yes'", setter(["answers", 0, "status"], "yes"))
    variant("status-chinese.json", "Field", "status written in Chinese", setter(["answers", 0, "status"], "已落实"))
    variant("score-string.json", "Field", "score is a string", setter(["answers", 0, "score"], "2"))
    variant("unit-missing.json", "Field", "no unit", deleter(["unit"]))
    variant("unit-name-number.json", "Field", "unit name is a number", setter(["unit", "name"], 12345))
    variant("unit-type-unknown.json", "Field", "unit type 'village'", setter(["unit", "type"], "village"))
    variant("unknown-top-field.json", "Field", "an extra member", setter(["comment"], "extra"))
    variant("evidence-kind-unknown.json", "Field", "evidence kind 'photo'", setter(["answers", 0, "evidence", 0, "kind"], "photo"))
    variant("evidence-size-negative.json", "Field", "file size -1", setter(["answers", 0, "evidence"], [{"kind": "file", "name": "a.pdf", "size": -1, "sha256": "0" * 64}]))
    variant("rectification-string.json", "Field", "rectification is a string", setter(["answers", 4, "rectification"], "整改"))
    variant("summary-missing.json", "Field", "no summary", deleter(["summary"]))
    variant("integrity-wrong-type.json", "Field", "integrity is a string", setter(["integrity"], "abc"), reseal=False)

    # Content that does not fit the checklist.
    variant("unknown-item.json", "UnknownItem", "an item the checklist lacks", setter(["answers", 0, "item_id"], "thinking.no_such_item"))
    def dup(r):
        r["answers"].append(copy.deepcopy(r["answers"][0]))
    variant("duplicate-item.json", "DuplicateItem", "the same item twice", dup)
    variant("score-too-high.json", "ScoreOutOfRange", "score above the maximum", setter(["answers", 0, "score"], 99))
    variant("score-negative.json", "ScoreOutOfRange", "a negative score", setter(["answers", 0, "score"], -1))
    variant("huge-notes.json", "TextTooLong", "6,000 characters of notes", setter(["answers", 0, "notes"], "很长的说明" * 1200))
    variant("huge-unit-name.json", "TextTooLong", "a 100,000-character unit name", setter(["unit", "name"], "单" * 100000))
    variant("year-1999.json", "YearOutOfRange", "year 1999", setter(["year"], 1999))
    variant("year-3000.json", "YearOutOfRange", "year 3000", setter(["year"], 3000))
    variant("checklist-unknown.json", "UnknownChecklist", "a county's own checklist", setter(["checklist", "id"], "county.x-2027"))
    variant("checklist-other-version.json", "UnknownChecklist", "another version of the checklist", setter(["checklist", "version"], "2020.1"))

    # Readable, with something to say.
    variant("tampered-notes.json", "DigestMismatch", "notes changed after export", setter(["answers", 1, "notes"], "事后修改的说明"), reseal=False)
    variant("tampered-score.json", "DigestMismatch", "a score raised after export", setter(["answers", 4, "score"], 2), reseal=False)
    variant("integrity-missing.json", "DigestMissing", "no integrity member", deleter(["integrity"]), reseal=False)
    variant("summary-inconsistent.json", "SummaryMismatch", "resealed with a score that disagrees with the summary", setter(["answers", 0, "score"], 0))
    put("utf8-bom.json", b"\xef\xbb\xbf" + SAMPLE_TEXT.encode("utf-8"), "Ok", "UTF-8 with a byte-order mark")
    put("minified.json", json.dumps(SAMPLE, ensure_ascii=False, separators=(",", ":")), "Ok", "the sample without whitespace")
    put("ascii-escaped.json", json.dumps(SAMPLE, ensure_ascii=True), "Ok", "Chinese written as \\u escapes")
    xss = "<script>alert('x')</script><img src=x onerror=alert(1)>"
    def inject(r):
        for k in ["name", "head_name", "head_title", "filled_by"]:
            r["unit"][k] = xss
        for a in r["answers"]:
            for k in ["notes", "problem", "na_reason"]:
                a[k] = xss
            for e in a["evidence"]:
                if e["kind"] == "reference":
                    e["title"] = xss
                    e["doc_number"] = xss
            if a["rectification"]:
                a["rectification"]["measure"] = xss
                a["rectification"]["owner"] = xss
    variant("html-in-every-field.json", "Ok", "HTML and <script> in every text field", inject)
    def blank(r):
        for a in r["answers"]:
            a.update(status=None, score=None, notes="", evidence=[], problem="", rectification=None, na_reason="")
    variant("blank-draft.json", "SummaryMismatch", "nothing answered, stale summary", blank)

    with open(os.path.join(HERE, "MANIFEST.tsv"), "w", encoding="utf-8") as f:
        f.write("# file\texpected\twhat it is\n")
        for row in manifest:
            f.write("\t".join(row) + "\n")
    print(f"{len(manifest)} files")


main()
