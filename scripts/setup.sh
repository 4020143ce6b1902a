#!/usr/bin/env bash
# Installs every tool the project needs, idempotently: seconds when all is
# present, about 15 minutes on a bare machine. Sourced by scripts/run and
# scripts/test so PATH is right for them too.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

# The wasm-bindgen CLI must match the crate in Cargo.lock exactly.
lock_version() {
  awk -v n="$1" '$1=="name" && $3=="\""n"\"" {getline; gsub(/"/,"",$3); print $3; exit}' "$ROOT/Cargo.lock"
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ ! -f "$ROOT/Cargo.lock" ]; then
  (cd "$ROOT" && cargo generate-lockfile)
fi

if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 10 minutes)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

WB_VERSION="$(lock_version wasm-bindgen)"
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WB_VERSION" ]; then
  say "installing wasm-bindgen-cli $WB_VERSION (about 4 minutes)"
  # Without --locked: the locked set asks for a crate version the registry refuses.
  cargo install --force wasm-bindgen-cli --version "$WB_VERSION"
fi

# Chromium + ChromeDriver for the browser tests; poppler (pdftotext) and zbar
# (zbarimg) to read the printed report and its QR code back.
APT_PACKAGES="chromium chromium-driver poppler-utils zbar-tools"
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null \
   || ! command -v pdftotext >/dev/null || ! command -v zbarimg >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    say "installing $APT_PACKAGES from Debian"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $APT_PACKAGES >/dev/null
  else
    echo "Some system packages are missing. Install them as root with:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y $APT_PACKAGES" >&2
    exit 1
  fi
fi

# npm ci only when package-lock.json changed since the last install.
STAMP="$ROOT/node_modules/.selfcheck-lock"
if [ ! -f "$STAMP" ] || ! cmp -s "$ROOT/package-lock.json" "$STAMP"; then
  say "installing npm dev tools (npm ci)"
  (cd "$ROOT" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
  cp "$ROOT/package-lock.json" "$STAMP"
fi
