#!/usr/bin/env bash
# Installs every tool the project needs, idempotently: seconds when all is
# present, about 9 minutes on a bare machine (measured in README). Sourced by
# scripts/run and scripts/test so PATH is right for them too.
#
# Why it is shaped this way (a bare machine used to need 34 minutes):
# - the network-bound installs (apt, npm) run in the background while the two
#   CPU-bound `cargo install`s compile;
# - those two compile at the same time, so one fills the other's idle core
#   (serial link steps, single-crate bottlenecks);
# - they compile with a quick profile (opt-level 1, no LTO, parallel codegen):
#   Trunk and the wasm-bindgen CLI spend their time in I/O and in child
#   processes, so their own optimisation buys nothing a user would notice.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$ROOT/node_modules/.bin:$PATH"
SETUP_LOGS="$ROOT/target/setup-logs"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

# The wasm-bindgen CLI must match the crate in Cargo.lock exactly.
lock_version() {
  awk -v n="$1" '$1=="name" && $3=="\""n"\"" {getline; gsub(/"/,"",$3); print $3; exit}' "$ROOT/Cargo.lock"
}

# Runs "$@" in the background with its output in $SETUP_LOGS/NAME.log; wait_all
# reports and fails on the first that failed.
SETUP_JOBS=()
background() {
  local name="$1"
  shift
  mkdir -p "$SETUP_LOGS"
  ("$@") >"$SETUP_LOGS/$name.log" 2>&1 &
  SETUP_JOBS+=("$name:$!")
}
wait_all() {
  local failed=0 job name pid
  for job in "${SETUP_JOBS[@]}"; do
    name="${job%%:*}"
    pid="${job##*:}"
    if wait "$pid"; then
      say "$name: done"
    else
      say "$name: FAILED — its log follows ($SETUP_LOGS/$name.log)"
      tail -40 "$SETUP_LOGS/$name.log" >&2
      failed=1
    fi
  done
  SETUP_JOBS=()
  return "$failed"
}

# A quick release profile for the tools only (environment beats their manifests).
quick_install() {
  CARGO_PROFILE_RELEASE_OPT_LEVEL=1 CARGO_PROFILE_RELEASE_LTO=false \
    CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 CARGO_PROFILE_RELEASE_DEBUG=0 \
    CARGO_PROFILE_RELEASE_STRIP=true cargo install "$@"
}

# Chromium + ChromeDriver and Firefox ESR for the browser tests; poppler
# (pdftotext) and zbar (zbarimg) to read the printed report and its QR code back.
# python3-venv: the virtual environment for python-docx and openpyxl, which read the
# Word and Excel files back (tests/office/check.py).
# nginx (with its Brotli module) and Apache: the precompressed files served with
# the README's configurations (tests/e2e/precompressed.spec.js); never started as services.
APT_PACKAGES="chromium chromium-driver firefox-esr poppler-utils zbar-tools python3 python3-venv nginx-light libnginx-mod-http-brotli-static apache2"
apt_install() {
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $APT_PACKAGES
}
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null \
   || ! command -v firefox-esr >/dev/null \
   || ! command -v pdftotext >/dev/null || ! command -v zbarimg >/dev/null \
   || [ ! -x /usr/sbin/nginx ] || [ ! -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] \
   || [ ! -x /usr/sbin/apache2 ] \
   || ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    say "installing $APT_PACKAGES from Debian (in the background)"
    background apt apt_install
  else
    echo "Some system packages are missing. Install them as root with:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y $APT_PACKAGES" >&2
    exit 1
  fi
fi

# npm ci only when package-lock.json changed since the last install.
STAMP="$ROOT/node_modules/.selfcheck-lock"
npm_install() {
  cd "$ROOT"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 PUPPETEER_SKIP_DOWNLOAD=1 \
    npm ci --no-audit --no-fund --loglevel=error
  cp "$ROOT/package-lock.json" "$STAMP"
}
if [ ! -f "$STAMP" ] || ! cmp -s "$ROOT/package-lock.json" "$STAMP"; then
  say "installing npm dev tools (npm ci, in the background)"
  background npm npm_install
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ ! -f "$ROOT/Cargo.lock" ]; then
  (cd "$ROOT" && cargo generate-lockfile)
fi

if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  say "compiling trunk $TRUNK_VERSION (in the background)"
  background trunk quick_install --locked trunk --version "$TRUNK_VERSION"
fi

WB_VERSION="$(lock_version wasm-bindgen)"
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WB_VERSION" ]; then
  say "compiling wasm-bindgen-cli $WB_VERSION (in the background)"
  # Without --locked: the locked set asks for a crate version the registry refuses.
  background wasm-bindgen quick_install --force wasm-bindgen-cli --version "$WB_VERSION"
fi

if [ "${#SETUP_JOBS[@]}" -gt 0 ]; then
  say "waiting for: ${SETUP_JOBS[*]%%:*} (logs in $SETUP_LOGS)"
  wait_all
fi

# python-docx and openpyxl (PyPI) in a virtual environment under target/, to
# read the Word and Excel files back independently of the app's own code.
PY_VENV="$ROOT/target/py"
PY_PACKAGES="python-docx==1.2.0 openpyxl==3.1.5"
if ! "$PY_VENV/bin/python" -c 'import docx, openpyxl; assert openpyxl.__version__ == "3.1.5"' >/dev/null 2>&1; then
  say "installing $PY_PACKAGES from PyPI into target/py"
  rm -rf "$PY_VENV"
  python3 -m venv "$PY_VENV"
  "$PY_VENV/bin/pip" install --quiet --disable-pip-version-check $PY_PACKAGES
fi
