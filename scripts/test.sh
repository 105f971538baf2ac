#!/usr/bin/env bash
# Every test of the project: type check, unit tests, both browser builds, end-to-end tests in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

mkdir -p test-results
echo "› type check (tsc --noEmit)"
npx wxt prepare >/dev/null
npx tsc --noEmit

echo "› unit tests (vitest)"
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/unit.json

echo "› builds: Chromium (development, with the simulator's loopback host), Chromium release, Firefox MV3"
npx wxt build --mode development >/dev/null
npx wxt build >/dev/null
npx wxt build -b firefox --mv3 >/dev/null

echo "› end-to-end tests in Chromium"
npx vitest run -c vitest.e2e.config.ts --reporter=default --reporter=json --outputFile.json=test-results/e2e.json

node scripts/test-summary.mjs test-results/unit.json test-results/e2e.json
