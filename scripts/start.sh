#!/usr/bin/env bash
# npm start: builds the extension and opens Chromium with it loaded, in a separate user-data folder.
set -euo pipefail
cd "$(dirname "$0")/.."
KSEF_PILOT_DEBS="chromium openssl" bash scripts/setup.sh

echo "› building the extension (development build: it can also reach the local KSeF simulator)"
npx wxt build --mode development >/dev/null
EXT_DIR="$PWD/.output/chrome-mv3-dev"
PROFILE_DIR="$PWD/.demo/chromium-profile"
mkdir -p "$PROFILE_DIR"

cat <<MSG

  KSeF Pilot is built in: $EXT_DIR
  To load it into your own Chromium or Chrome: chrome://extensions → Developer mode → Load unpacked → that folder.

MSG

if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  echo "  No graphical display here (DISPLAY is not set), so Chromium is not opened."
  exit 0
fi
echo "› opening Chromium with the extension (close the window to stop)"
exec chromium --user-data-dir="$PROFILE_DIR" --no-first-run --no-default-browser-check \
  --disable-extensions-except="$EXT_DIR" --load-extension="$EXT_DIR" \
  "chrome-extension://$(node scripts/extension-id.mjs "$EXT_DIR")/options.html"
