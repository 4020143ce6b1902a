// Validates report format v1 independently of the Rust code: the JSON Schema
// (schema/report.schema.json, via ajv) and the integrity digest (RFC 8785 via
// the `canonicalize` package, SHA-256 via node:crypto).
//
//   node tests/schema/validate.mjs [report.json ...]
//
// Always checks docs/sample-report.json, negative controls (mutated copies of
// the sample the schema must reject) and positive controls (variants it must
// accept); every extra path is checked like the sample (schema + digest).
// Prints one TAP line per check ("ok N - ..." / "not ok N - ...") and exits 1
// when any check failed.

import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import canonicalize from "canonicalize"; // CommonJS: module.exports = function

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const SCHEMA_PATH = resolve(ROOT, "schema/report.schema.json");
const SAMPLE_PATH = resolve(ROOT, "docs/sample-report.json");

let n = 0;
let failed = 0;

function check(ok, description, details) {
  n += 1;
  if (ok) {
    console.log(`ok ${n} - ${description}`);
  } else {
    failed += 1;
    console.log(`not ok ${n} - ${description}`);
    if (details) {
      for (const line of String(details).split("\n")) console.log(`# ${line}`);
    }
  }
}

function formatErrors(errors) {
  return (errors ?? [])
    .map((e) => `${e.instancePath || "(root)"} ${e.message} ${JSON.stringify(e.params)}`)
    .join("\n");
}

/// Reads a report file as the app does: UTF-8, a leading BOM tolerated.
function readReport(path) {
  // fatal: invalid UTF-8 (say, a file re-saved as GBK) throws instead of
  // being patched with U+FFFD; ignoreBOM: false drops a leading BOM.
  const text = new TextDecoder("utf-8", { fatal: true }).decode(readFileSync(path));
  return JSON.parse(text);
}

/// SHA-256 (lowercase hex) of the RFC 8785 form of the report without `integrity`.
function reportDigest(report) {
  const { integrity: _ignored, ...rest } = report;
  return createHash("sha256").update(canonicalize(rest), "utf8").digest("hex");
}

const clone = (v) => structuredClone(v);

// --- schema ------------------------------------------------------------------

let validate;
try {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_PATH, "utf8")));
  check(true, "schema/report.schema.json compiles (Ajv2020, strict mode)");
} catch (e) {
  check(false, "schema/report.schema.json compiles (Ajv2020, strict mode)", e.stack);
  console.log(`1..${n}`);
  process.exit(1);
}

/// Schema check and digest check for one report; `label` names it.
function checkReport(report, label) {
  const valid = validate(report);
  check(valid, `${label} matches the report schema`, valid ? "" : formatErrors(validate.errors));
  const stated = report?.integrity?.digest;
  if (typeof stated !== "string") {
    check(false, `${label} digest matches`, "no integrity member (a downloaded report is always sealed)");
    return;
  }
  let computed;
  try {
    computed = reportDigest(report);
  } catch (e) {
    check(false, `${label} digest matches`, e.stack);
    return;
  }
  check(computed === stated, `${label} digest matches (SHA-256 of RFC 8785 form without integrity)`,
    `stated   ${stated}\ncomputed ${computed}`);
}

// --- the sample --------------------------------------------------------------

const sample = readReport(SAMPLE_PATH);
checkReport(sample, "docs/sample-report.json");

{
  const changed = clone(sample);
  changed.answers[0].notes += "。";
  const before = reportDigest(sample);
  const after = reportDigest(changed);
  check(before !== after, "changing one answer's notes changes the digest", `both ${before}`);
}
{
  // Key order and whitespace are not part of the digest.
  const reordered = Object.fromEntries(Object.entries(sample).reverse());
  check(reportDigest(reordered) === sample.integrity.digest,
    "reordering members leaves the digest unchanged");
}

// --- negative controls: the schema must reject each --------------------------

const firstWith = (r, pred) => r.answers.find(pred);
const negatives = [
  ["format_version 2", (r) => { r.format_version = 2; }],
  ["wrong format name", (r) => { r.format = "rule-of-law-checklist"; }],
  ["unknown top-level key", (r) => { r.extra = true; }],
  ["unknown key in an answer", (r) => { r.answers[0].comment = ""; }],
  ["missing summary", (r) => { delete r.summary; }],
  ['status "yes"', (r) => { r.answers[0].status = "yes"; }],
  ['score "3" as a string', (r) => { r.answers[0].score = "3"; }],
  ["negative score", (r) => { r.answers[0].score = -1; }],
  ["missing unit.name", (r) => { delete r.unit.name; }],
  ['unit.type "village"', (r) => { r.unit.type = "village"; }],
  ['evidence kind "photo"', (r) => { firstWith(r, (a) => a.evidence.length).evidence[0].kind = "photo"; }],
  ["reference evidence with a file's size", (r) => { firstWith(r, (a) => a.evidence.length).evidence[0].size = 1; }],
  ['evidence date "2026/02/18"', (r) => { firstWith(r, (a) => a.evidence.length).evidence[0].date = "2026/02/18"; }],
  ["file evidence with uppercase sha256", (r) => {
    r.answers[0].evidence = [{ kind: "file", name: "a.pdf", size: 1, sha256: "A".repeat(64) }];
  }],
  ["file evidence with fractional size", (r) => {
    r.answers[0].evidence = [{ kind: "file", name: "a.pdf", size: 1.5, sha256: "a".repeat(64) }];
  }],
  ["rectification without due", (r) => { delete firstWith(r, (a) => a.rectification).rectification.due; }],
  ["integrity digest uppercase", (r) => { r.integrity.digest = r.integrity.digest.toUpperCase(); }],
  ["integrity digest short", (r) => { r.integrity.digest = r.integrity.digest.slice(0, 63); }],
  ['integrity algorithm "sha1"', (r) => { r.integrity.algorithm = "sha1"; }],
  ["year 1999", (r) => { r.year = 1999; }],
  ["year 2026.5", (r) => { r.year = 2026.5; }],
  ["a 5001-character notes", (r) => { r.answers[0].notes = "法".repeat(5001); }],
  ["a 5001-character unit.name", (r) => { r.unit.name = "x".repeat(5001); }],
  ["counts.done negative", (r) => { r.summary.total.counts.done = -1; }],
  ["grade without en", (r) => { delete r.summary.total.grade.en; }],
];

for (const [what, mutate] of negatives) {
  const r = clone(sample);
  mutate(r);
  const valid = validate(r);
  check(!valid, `schema rejects: ${what}`, "the schema accepted it");
}

// --- positive controls: the schema must accept each ---------------------------

const positives = [
  ["no integrity member (optional)", (r) => { delete r.integrity; }],
  ["an unanswered item (status and score null)", (r) => {
    Object.assign(r.answers[0], { status: null, score: null, notes: "", evidence: [] });
  }],
  ["file evidence", (r) => {
    r.answers[0].evidence.push({ kind: "file", name: "会议记录.pdf", size: 0, sha256: "0".repeat(64) });
  }],
  ["an empty evidence date", (r) => { firstWith(r, (a) => a.evidence.length).evidence[0].date = ""; }],
  ["an unfinished rectification deadline", (r) => { firstWith(r, (a) => a.rectification).rectification.due = "2027年6月"; }],
  ["a deadline 长期坚持", (r) => { firstWith(r, (a) => a.rectification).rectification.due = "长期坚持"; }],
  ["a deadline 立行立改", (r) => { firstWith(r, (a) => a.rectification).rectification.due = "立行立改"; }],
  ["a 5000-character notes (astral characters count once)", (r) => { r.answers[0].notes = "𠀀".repeat(5000); }],
  ["year 2100 and a whole-number score", (r) => { r.year = 2100; r.answers[0].score = 2; }],
];

for (const [what, mutate] of positives) {
  const r = clone(sample);
  mutate(r);
  const valid = validate(r);
  check(valid, `schema accepts: ${what}`, formatErrors(validate.errors));
}

// --- checklist definitions against schema/checklist.schema.json ---------------

{
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  const validateChecklist = ajv.compile(JSON.parse(readFileSync(resolve(ROOT, "schema/checklist.schema.json"), "utf8")));
  const load = (p) => JSON.parse(readFileSync(resolve(ROOT, p), "utf8"));
  for (const p of ["content/builtin-checklist.json", "examples/township-checklist.json", "examples/county-checklist.json"]) {
    check(validateChecklist(load(p)), `checklist schema accepts ${p}`, formatErrors(validateChecklist.errors));
  }
  const firstItem = (c) => c.parts[0].groups[0].items[0];
  const cases = [
    [false, "0.3 points without a declared score_step", "examples/township-checklist.json", (c) => { firstItem(c).points = 0.3; }],
    [false, "score_step 0", "examples/county-checklist.json", (c) => { c.score_step = 0; }],
    [false, "score_step 20", "examples/county-checklist.json", (c) => { c.score_step = 20; }],
    [false, 'score_step "0.1"', "examples/county-checklist.json", (c) => { c.score_step = "0.1"; }],
    [true, "0.3 points with score_step 0.1", "examples/county-checklist.json", (c) => { firstItem(c).points = 0.3; }],
    [true, "score_step 0.5 declared", "examples/township-checklist.json", (c) => { c.score_step = 0.5; }],
  ];
  for (const [accept, what, p, mutate] of cases) {
    const c = load(p);
    mutate(c);
    const valid = validateChecklist(c);
    check(valid === accept, `checklist schema ${accept ? "accepts" : "rejects"}: ${what}`,
      accept ? formatErrors(validateChecklist.errors) : "the schema accepted it");
  }
}

// --- files named on the command line ------------------------------------------

for (const arg of process.argv.slice(2)) {
  let report;
  try {
    report = readReport(resolve(process.cwd(), arg));
  } catch (e) {
    check(false, `${arg} is readable UTF-8 JSON`, e.message);
    continue;
  }
  checkReport(report, arg);
}

console.log(`1..${n}`);
console.log(`# ${n - failed} of ${n} checks passed`);
process.exit(failed ? 1 : 0);
