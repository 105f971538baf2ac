#!/usr/bin/env bash
# Installs what the project needs on a Debian machine, and only what is missing:
#   npm packages (npm ci, when node_modules does not match package-lock.json),
#   Debian packages for tests and the demo: chromium, firefox-esr (the Firefox tests), xmlsec1, libxml2-utils,
#   openssl; as root they are installed with apt-get, otherwise the script says what to install.
# Usage: bash scripts/setup.sh   (KSEF_PILOT_DEBS="chromium openssl" checks only those Debian packages)
set -euo pipefail
cd "$(dirname "$0")/.."

want_debs=${KSEF_PILOT_DEBS:-"chromium firefox-esr xmlsec1 libxml2-utils openssl"}

# --- Node.js ---------------------------------------------------------------------------------------
if ! command -v node >/dev/null 2>&1; then
  echo "KSeF Pilot needs Node.js 20 or newer (with npm). On Debian: apt-get install nodejs npm" >&2
  exit 1
fi
node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 20 ]; then
  echo "KSeF Pilot needs Node.js 20 or newer; this machine has $(node --version)." >&2
  exit 1
fi

# --- npm packages ----------------------------------------------------------------------------------
# Skipped when node_modules already holds what package-lock.json lists: our stamp (the lock's hash at our last
# npm ci), or, after a plain `npm ci`/`npm install`, npm's own record node_modules/.package-lock.json naming the
# same version of every package (optional ones may be absent: they are for other platforms).
lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
stamp=node_modules/.ksef-pilot-lock
npm_modules_match_lock() {
  [ -f node_modules/.package-lock.json ] && node -e '
    const wanted = require("./package-lock.json").packages, installed = require("./node_modules/.package-lock.json").packages;
    const stale = Object.entries(wanted).filter(([dir, p]) => dir && (installed[dir] ? installed[dir].version !== p.version : !p.optional));
    process.exit(stale.length ? 1 : 0);' 2>/dev/null
}
if [ "$(cat "$stamp" 2>/dev/null)" != "$lock_hash" ]; then
  if ! npm_modules_match_lock; then
    echo "› npm ci (package-lock.json changed since the last install)"
    npm ci --no-audit --no-fund --loglevel=error
  fi
  echo "$lock_hash" > "$stamp"
fi

# --- Debian packages -------------------------------------------------------------------------------
binary_of() { case $1 in chromium) echo chromium;; firefox-esr) echo firefox-esr;; xmlsec1) echo xmlsec1;; libxml2-utils) echo xmllint;; openssl) echo openssl;; *) echo "$1";; esac; }
missing=()
for pkg in $want_debs; do
  command -v "$(binary_of "$pkg")" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "› apt-get install ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; }; then
      echo "apt-get could not install: ${missing[*]} (the names are Debian's; on another system install Chromium," >&2
      echo "Firefox ESR, xmlsec1, xmllint and openssl by its own means)." >&2
      exit 1
    fi
  else
    echo "These Debian packages are needed and missing: ${missing[*]}" >&2
    echo "Install them as root:  sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi
