#!/usr/bin/env bash
# Installs what the project needs on a Debian machine, and only what is missing:
#   npm packages (npm ci, when node_modules does not match package-lock.json),
#   Debian packages for tests and the demo: chromium, xmlsec1, libxml2-utils, openssl.
# Usage: bash scripts/setup.sh [--debian-packages "pkg pkg"]
set -euo pipefail
cd "$(dirname "$0")/.."

want_debs=${KSEF_PILOT_DEBS:-"chromium xmlsec1 libxml2-utils openssl"}

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
lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat node_modules/.ksef-pilot-lock 2>/dev/null)" != "$lock_hash" ]; then
  echo "› npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_hash" > node_modules/.ksef-pilot-lock
fi

# --- Debian packages -------------------------------------------------------------------------------
binary_of() { case $1 in chromium) echo chromium;; xmlsec1) echo xmlsec1;; libxml2-utils) echo xmllint;; openssl) echo openssl;; *) echo "$1";; esac; }
missing=()
for pkg in $want_debs; do
  command -v "$(binary_of "$pkg")" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "› apt-get install ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "These Debian packages are needed and missing: ${missing[*]}" >&2
    echo "Install them as root:  sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi
