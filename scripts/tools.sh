#!/usr/bin/env bash
# Ensures every tool the build and the tests need, from a fresh machine:
# the wasm32 target, wasm-bindgen CLI (the exact version in Cargo.lock),
# Chromium + chromedriver, Firefox ESR, poppler-utils, LibreOffice Writer
# (headless) and python3-docx (Debian; the Word export's tests read it),
# geckodriver (crates.io), and the node tools (npm ci: playwright-core,
# selenium-webdriver, axe-core, binaryen's wasm-opt, terser). Each step
# prints one line and is skipped when already satisfied. Call it
# (`scripts/tools.sh`) or source it (then PATH also gains ~/.cargo/bin and
# node_modules/.bin). With TOOLS=build it installs only what
# scripts/build.sh needs (no browsers, no drivers).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

tools_say() { printf 'tools: %s\n' "$*"; }

# apt-get, waiting for another apt or dpkg to let go of its lock (other
# installs may be running on a shared machine) rather than failing.
tools_apt() {
  local try
  for try in 1 2 3 4 5 6 7 8 9 10; do
    if DEBIAN_FRONTEND=noninteractive tools_root apt-get -o DPkg::Lock::Timeout=300 "$@"; then
      return 0
    fi
    tools_say "apt-get $1 failed (try $try; another install may hold the lock): retrying in 30 s" >&2
    sleep 30
  done
  return 1
}

# Runs as root, or through sudo when there is one.
tools_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

tools_main() {
  if ! command -v cargo >/dev/null 2>&1; then
    tools_say "cargo missing: install Rust with rustup (https://rustup.rs) first" >&2
    return 1
  fi

  # Rust components and the wasm target.
  local missing=()
  local installed
  installed="$(rustup component list --installed 2>/dev/null || true)"
  for c in rustfmt clippy; do
    grep -q "^$c" <<<"$installed" || missing+=("$c")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    rustup component add "${missing[@]}" >/dev/null
    tools_say "rust components: installed ${missing[*]}"
  else
    tools_say "rust components: rustfmt, clippy present"
  fi
  if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    tools_say "wasm32 target: present"
  else
    rustup target add wasm32-unknown-unknown >/dev/null
    tools_say "wasm32 target: installed"
  fi

  # wasm-bindgen CLI: must equal the wasm-bindgen crate in Cargo.lock.
  local want
  want="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' "$ROOT/Cargo.lock" 2>/dev/null || true)"
  want="${want:-0.2.130}"
  if [ "$(wasm-bindgen --version 2>/dev/null || true)" = "wasm-bindgen $want" ] &&
    command -v wasm-bindgen-test-runner >/dev/null 2>&1; then
    tools_say "wasm-bindgen $want: present"
  else
    tools_say "wasm-bindgen $want: installing (about 3 minutes)…"
    # Not --locked: the registry snapshot lacks some of the newest versions.
    cargo install --quiet wasm-bindgen-cli --version "$want" --force
    tools_say "wasm-bindgen $want: installed"
  fi

  # Chromium, chromedriver, Firefox, node, python3 from Debian when missing.
  local pkgs=() build_only=false
  [ "${TOOLS:-}" = build ] && build_only=true
  if ! $build_only; then
    [ -x /usr/bin/chromium ] || pkgs+=(chromium)
    [ -x /usr/bin/chromedriver ] || pkgs+=(chromium-driver)
    # Firefox: the component and end-to-end tests run in it too.
    [ -x /usr/bin/firefox-esr ] || pkgs+=(firefox-esr)
    command -v python3 >/dev/null 2>&1 || pkgs+=(python3)
    # pdftotext/pdfinfo/pdffonts: the print test reads the PDF Chromium
    # prints, tests/docx_readers.rs the PDF LibreOffice makes of the .docx.
    command -v pdftotext >/dev/null 2>&1 || pkgs+=(poppler-utils)
    # LibreOffice (headless, no GUI) and python-docx: the .docx's real readers.
    command -v soffice >/dev/null 2>&1 || pkgs+=(libreoffice-writer-nogui)
    /usr/bin/python3 -c "import docx" >/dev/null 2>&1 || pkgs+=(python3-docx)
  fi
  command -v node >/dev/null 2>&1 || pkgs+=(nodejs)
  command -v npm >/dev/null 2>&1 || pkgs+=(npm)
  # xz: the build ships the wasm LZMA-compressed (scripts/assemble.mjs).
  command -v xz >/dev/null 2>&1 || pkgs+=(xz-utils)
  if [ ${#pkgs[@]} -gt 0 ]; then
    tools_say "apt: installing ${pkgs[*]}…"
    tools_apt update -qq
    tools_apt install -y -qq "${pkgs[@]}" >/dev/null
    tools_say "apt: installed ${pkgs[*]}"
  elif $build_only; then
    tools_say "node, xz: present"
  else
    tools_say "chromium, chromedriver, firefox-esr, node, python3, poppler-utils, libreoffice, python3-docx, xz: present"
  fi

  # geckodriver drives Firefox (wasm-bindgen-test-runner through
  # $GECKODRIVER, selenium-webdriver in tests/e2e-firefox). Not a Debian
  # package; a crate. Not --locked, as for wasm-bindgen-cli.
  if ! $build_only; then
    if command -v geckodriver >/dev/null 2>&1; then
      tools_say "geckodriver: present"
    else
      tools_say "geckodriver: installing (a few minutes)…"
      cargo install --quiet geckodriver
      tools_say "geckodriver: installed"
    fi
  fi

  # Node tools, reinstalled only when package-lock.json changed.
  local stamp="$ROOT/node_modules/.thongbao-lock" sum
  sum="$(sha256sum "$ROOT/package-lock.json" | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sum" ] && [ -x "$ROOT/node_modules/.bin/wasm-opt" ]; then
    tools_say "node tools: present"
  else
    (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
    echo "$sum" >"$stamp"
    tools_say "node tools: installed (npm ci)"
  fi
}

tools_main
