#!/usr/bin/env bash
# Opens the Word and Excel files the app writes in LibreOffice (headless),
# converts them to PDF, checks the PDF text with pdftotext, and writes the
# pictures of docs/office.md. Not part of scripts/test: it needs LibreOffice
# and CJK fonts (as root: apt-get install -y --no-install-recommends
# libreoffice-writer-nogui libreoffice-calc-nogui fonts-noto-cjk). Remove
# fonts-noto-cjk afterwards on a machine that runs scripts/test: with it
# installed, Firefox prints the report with fonts whose text pdftotext cannot
# read, and the print checks of tests/e2e/firefox.mjs fail (seen 2026-12-02).
#   scripts/office-pictures.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
OUT=target/office-pictures
rm -rf "$OUT" && mkdir -p "$OUT"
[ -d target/desk-set ] || cargo run --quiet --example gen_reports -- target/desk-set 60
cargo run --quiet --example office_files -- "$OUT" target/desk-set
soffice --headless --norestore -env:UserInstallation="file://$ROOT/target/lo-profile" \
  --convert-to pdf --outdir "$OUT/pdf" "$OUT"/report.docx "$OUT"/annual.docx "$OUT"/head.docx "$OUT"/desk.xlsx >/dev/null

fail=0
expect() { # FILE TEXT…: the PDF's text holds each TEXT
  local f="$1"; shift
  local text; text="$(pdftotext -layout "$OUT/pdf/$f" - | tr -d ' ')"
  for t in "$@"; do
    if grep -qF -- "$t" <<<"$text"; then echo "ok - $f: $t"; else echo "not ok - $f: $t"; fail=1; fi
  done
}
expect report.pdf "一、基本情况" "三、逐项自查情况" "（一）以法治思维谋划工作" "—1—" "数字指纹"
expect annual.pdf "一、上一年度推进法治政府建设的主要举措和成效" "五、其他需要报告的情况" "【请补充"
expect head.pdf "2026年度述法报告" "三、下一步打算"
# The unit named like a formula shows as its text: LibreOffice did not run it.
expect desk.pdf "第一责任人" "example.invalid\",\"点击查看\")"
for f in report annual head; do
  if pdftotext "$OUT/pdf/$f.pdf" - | grep -q "是否"; then
    [ "$f" = report ] || { echo "not ok - $f.pdf has 是否"; fail=1; }
  fi
  pdfinfo "$OUT/pdf/$f.pdf" | grep -E "^(Pages|Page size)" | sed "s/^/# $f: /"
done

pdftoppm -r 70 -png -f 1 -l 1 "$OUT/pdf/report.pdf" "$OUT/report-p1"
pdftoppm -r 70 -png -f 2 -l 2 "$OUT/pdf/report.pdf" "$OUT/report-p2"
pdftoppm -r 70 -png -f 1 -l 1 "$OUT/pdf/annual.pdf" "$OUT/annual-p1"
pdftoppm -r 70 -png -f 1 -l 1 "$OUT/pdf/head.pdf" "$OUT/head-p1"
pdftoppm -r 80 -png -f 1 -l 1 "$OUT/pdf/desk.pdf" "$OUT/desk-p1"
mkdir -p docs/screenshots
for p in report-p1 report-p2 annual-p1 head-p1 desk-p1; do
  cp "$(ls "$OUT/$p"*.png | head -1)" "docs/screenshots/office-$p.png"
done
echo "pictures written to docs/screenshots/office-*.png"
exit "$fail"
