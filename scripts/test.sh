#!/usr/bin/env bash
# Every test of the project: type check, unit tests, the Chromium and Firefox builds, end-to-end tests in Chromium,
# then in Firefox ESR (tests/firefox: the core path over WebDriver BiDi, and web-ext lint of the release build).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

mkdir -p test-results
echo "› type check (tsc --noEmit)"
npx wxt prepare >/dev/null
npx tsc --noEmit

echo "› unit tests (vitest)"
# A failing suite does not stop the next one: the summary at the end counts every suite (scripts/test-summary.mjs).
rm -f test-results/unit.json test-results/e2e.json test-results/firefox.json
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/unit.json || true

echo "› builds: Chromium and Firefox MV3, each as release and as development build (with the simulator's loopback host)"
npx wxt build --mode development >/dev/null
npx wxt build >/dev/null
npx wxt build -b firefox --mv3 >/dev/null
npx wxt build -b firefox --mv3 --mode development >/dev/null

echo "› end-to-end tests in Chromium"
npx vitest run -c vitest.e2e.config.ts --reporter=default --reporter=json --outputFile.json=test-results/e2e.json || true

echo "› Firefox ESR: end-to-end core path and web-ext lint"
npx vitest run -c vitest.firefox.config.ts --reporter=default --reporter=json --outputFile.json=test-results/firefox.json || true

node scripts/test-summary.mjs test-results/unit.json test-results/e2e.json test-results/firefox.json
