#!/usr/bin/env bash
# npm run bench: speed and size figures, written to bench-results/ (never asserted in tests).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
echo "› Node figures (lib/pki, lib/xades, lib/ksef against the simulator) → bench-results/bench.json"
node --import tsx scripts/bench.ts > /dev/null
echo "› Chromium figures (popup and inbox with 10 000 invoices) → bench-results/bench-browser.json"
npx wxt build --mode development > /dev/null
node --import tsx scripts/bench-browser.ts > /dev/null
npx wxt build > /dev/null
node -e '
const fs = require("fs");
const size = (d) => fs.readdirSync(d, { recursive: true }).map((f) => d + "/" + f).filter((f) => fs.statSync(f).isFile()).reduce((s, f) => s + fs.statSync(f).size, 0);
const out = { date: new Date().toISOString(), releaseBuildBytes: size(".output/chrome-mv3"), backgroundJsBytes: fs.statSync(".output/chrome-mv3/background.js").size };
fs.writeFileSync("bench-results/size.json", JSON.stringify(out, null, 2) + "\n");'
cat bench-results/bench.json bench-results/bench-browser.json bench-results/size.json
