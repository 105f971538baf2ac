#!/usr/bin/env bash
# npm run bench: speed and size figures, written to bench-results/ (never asserted in tests).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
echo "› Node figures (lib/pki, lib/xades, lib/ksef against the simulator) → bench-results/bench.json"
node --import tsx scripts/bench.ts > /dev/null
echo "› Sending figures (KSeF requests per invoice in batches of 1, 10, 50; encryption of 1 MB) → bench-results/bench-send.json"
node --import tsx scripts/bench-send.ts > /dev/null
echo "› Chromium figures (popup and inbox with 10 000 invoices) → bench-results/bench-browser.json"
npx wxt build --mode development > /dev/null
node --import tsx scripts/bench-browser.ts > /dev/null
npx wxt build > /dev/null
echo "› Login signature in the release build's service worker (EC P-256, RSA 2048; against a bare WebCrypto sign) → bench-results/sign.json"
node --import tsx scripts/bench-sign.ts > /dev/null
echo "› Chromium search latency (release build, 10 000 and 50 000 invoices) → bench-results/bench-search.json"
node --import tsx scripts/bench-search.ts > /dev/null
echo "› Local send check plus encryption of a 1 MB FA(3) invoice in Chromium (release build), XSD engine size and where it loads → bench-results/bench-send-browser.json"
node --import tsx scripts/bench-send-browser.ts > /dev/null
echo "› Local send check of a 1 MB FA(3) invoice in Node, XSD engine size (release chunk) → bench-results/send-check.json"
node --import tsx scripts/bench-send-check.ts > /dev/null
echo "› Release build sizes (background.js; JavaScript the popup, options page and inbox load) → bench-results/size.json"
node scripts/bundle-size.mjs .output/chrome-mv3 > bench-results/size.json
cat bench-results/bench.json bench-results/bench-send.json bench-results/bench-browser.json bench-results/sign.json bench-results/bench-search.json bench-results/bench-send-browser.json bench-results/send-check.json bench-results/size.json
