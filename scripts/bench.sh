#!/usr/bin/env bash
# npm run bench: speed and size figures, written to bench-results/ (never asserted in tests; issue 15).
# Everything in a browser runs the RELEASE build (`wxt build`, what users install) in Chromium; each figure is
# min / median / max over ≥ 9 runs with the load average beside it. bench-results/summary.{json,md} list every
# figure with its goal from issue 15 and met / missed.
#
#   BENCH_LOCK=/tmp/ksef-e2e.lock  take that lock (flock) around each browser step, not the whole bench
#                                  (do not also wrap npm run bench in the same lock: it would wait on itself)
#   BENCH_SIZES=1000,10000         the page figures at some sizes only (default 1000,10000,50000)
#   BENCH_RUNS=15                  more runs per figure (never fewer than 9)
#   BENCH_ONLY_ISSUE15=1           skip the older Node and sending figures (issues 4, 5, 10, 12)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
mkdir -p bench-results

# step LABEL COMMAND…: the command's own output goes to bench-results/bench.log; a browser step ("locked")
# holds BENCH_LOCK for its own duration only. A failed step is reported and the others still run (the summary
# then says "not measured" for its figures); the bench exits non-zero at the end.
: > bench-results/bench.log
failed=0
step() {
  local start=$SECONDS label=$1
  shift
  echo "› $label"
  if "$@" >> bench-results/bench.log 2>&1; then
    echo "  ($((SECONDS - start)) s)"
  else
    echo "  FAILED after $((SECONDS - start)) s: see bench-results/bench.log" >&2
    tail -15 bench-results/bench.log >&2
    failed=1
    return 1
  fi
}
locked() {
  if [ -n "${BENCH_LOCK:-}" ]; then flock "$BENCH_LOCK" "$@"; else "$@"; fi
}

# This run's figures only: a step that fails leaves "not measured", never an older file. pages.json is kept
# when BENCH_SIZES names some sizes (the others stay from an earlier run, each with its date).
rm -f bench-results/{sync,sign,worker,size,summary}.json bench-results/summary.md
[ -n "${BENCH_SIZES:-}" ] || rm -f bench-results/pages.json

# One release build for every step; the browser steps copy it, so a build started meanwhile cannot change it.
step "Release build (wxt build)" locked npx wxt build || exit 1
step "Release build sizes (background.js; what the popup, options page and inbox load) → bench-results/size.json" \
  bash -c 'node scripts/bundle-size.mjs .output/chrome-mv3 > bench-results/size.json' || true
step "Popup, inbox and search at 1 000 / 10 000 / 50 000 invoices → bench-results/pages.json" locked node --import tsx scripts/bench-pages.ts || true
step "10 001-invoice backfill in the release worker (TEST host mapped to the simulator) → bench-results/sync.json" locked node --import tsx scripts/bench-sync.ts || true
step "Login signature in the release worker (EC P-256, RSA 2048; against a bare WebCrypto sign) → bench-results/sign.json" locked node --import tsx scripts/bench-sign.ts || true
if [ -f scripts/bench-worker.ts ]; then
  step "Worker start and size (scripts/bench-worker.ts) → bench-results/worker.json" locked node --import tsx scripts/bench-worker.ts --no-build || true
else
  rm -f bench-results/worker.json
  echo "› Worker start and size: skipped, scripts/bench-worker.ts is not on this branch yet (summary says: not measured)"
fi

if [ "${BENCH_ONLY_ISSUE15:-}" != 1 ]; then
  step "Node figures (lib/pki, lib/xades, lib/ksef against the simulator) → bench-results/bench.json" node --import tsx scripts/bench.ts || true
  step "Sending figures (KSeF requests per invoice in batches of 1, 10, 50; encryption of 1 MB) → bench-results/bench-send.json" node --import tsx scripts/bench-send.ts || true
  step "Local send check plus encryption of a 1 MB FA(3) invoice in Chromium (release build) → bench-results/bench-send-browser.json" locked node --import tsx scripts/bench-send-browser.ts || true
  step "Local send check of a 1 MB FA(3) invoice in Node, XSD engine size → bench-results/send-check.json" node --import tsx scripts/bench-send-check.ts || true
fi

step "Summary: every figure, its goal from issue 15, met / missed → bench-results/summary.json, summary.md" node --import tsx scripts/bench-summary.ts || true
cat bench-results/summary.md
exit $failed
