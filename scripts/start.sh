#!/usr/bin/env bash
# npm start: the demo. Builds the development build, starts the KSeF simulator with a demo organisation and
# a few invoices, writes demo certificate files (and prints their password) and three FA(3) files to send (two
# valid, one with a mistake the local check catches), and opens Chromium with the extension in its own
# user-data folder (.demo/chromium-profile) at the options page once the extension has loaded
# (scripts/launch-chromium.mjs); Chromium's own messages go to .demo/chromium.log. The simulator runs as long as
# Chromium does; without a display it keeps running until Ctrl+C, with instructions.
set -euo pipefail
cd "$(dirname "$0")/.."
KSEF_PILOT_DEBS="chromium openssl" bash scripts/setup.sh

PORT=${KSEF_PILOT_SIM_PORT:-8787}          # entrypoints/options/App.tsx DEFAULT_SIMULATOR_URL uses 8787 too
DEMO_DIR="$PWD/.demo"
CERT_DIR="$DEMO_DIR/certificates"
INVOICE_DIR="$DEMO_DIR/faktury-do-wyslania"
PROFILE_DIR="$DEMO_DIR/chromium-profile"
CHROMIUM_LOG="$DEMO_DIR/chromium.log"
DEMO_NIP=5265877635                        # tests/ksef-sim/demo.ts DEMO_ORGANISATIONS[0]
DEMO_NAME="Anna Nowak Biuro Rachunkowe"
DEMO_PASSWORD='demo-KSeF-2026'             # a demo only: never use a password like this for a real key
mkdir -p "$CERT_DIR" "$PROFILE_DIR"

echo "› building the extension (development build: it can also reach the local KSeF simulator)"
npx wxt build --mode development >/dev/null
EXT_DIR="$PWD/.output/chrome-mv3-dev"

# --- demo certificate: as Aplikacja Podatnika issues it on TEST (NOTES §4.3, §4.4) ----------------------
# A person certificate with TINPL-<NIP> from a CA named "TEST CCK KSeF", and an AP-style encrypted key
# (PKCS#8, PBES2, PBKDF2-HMAC-SHA256, AES-256-CBC). Made once; kept in .demo/ for the next run.
if [ ! -s "$CERT_DIR/anna-nowak.crt" ] || ! openssl x509 -checkend 86400 -noout -in "$CERT_DIR/anna-nowak.crt" >/dev/null 2>&1; then
  echo "› writing demo certificate files into $CERT_DIR"
  WORK=$(mktemp -d)
  openssl ecparam -name prime256v1 -genkey -noout -out "$WORK/ca.key" 2>/dev/null
  openssl req -new -x509 -key "$WORK/ca.key" -out "$CERT_DIR/demo-ca.crt" -days 3650 -utf8 \
    -subj "/C=PL/O=Ministerstwo Finansów/OU=Krajowa Administracja Skarbowa/CN=TEST CCK KSeF" \
    -addext "basicConstraints=critical,CA:true" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$WORK/person.key" 2>/dev/null
  openssl req -new -key "$WORK/person.key" -utf8 -out "$WORK/person.csr" \
    -subj "/C=PL/GN=Anna/SN=Nowak/CN=Anna Nowak/serialNumber=TINPL-$DEMO_NIP" 2>/dev/null
  printf 'basicConstraints=critical,CA:false\nkeyUsage=critical,digitalSignature\n' > "$WORK/ext.cnf"
  openssl x509 -req -in "$WORK/person.csr" -CA "$CERT_DIR/demo-ca.crt" -CAkey "$WORK/ca.key" -CAcreateserial \
    -days 730 -sha256 -extfile "$WORK/ext.cnf" -out "$CERT_DIR/anna-nowak.crt" 2>/dev/null
  PASS="$DEMO_PASSWORD" openssl pkcs8 -topk8 -v2 aes-256-cbc -v2prf hmacWithSHA256 -iter 2048 \
    -in "$WORK/person.key" -passout env:PASS -out "$CERT_DIR/anna-nowak.key"
  rm -rf "$WORK" "$CERT_DIR"/*.srl
fi

# --- invoices to send ("Wysyłka do KSeF"): new numbers on every run, so they can be sent again ---------
node --import tsx scripts/demo-invoices.ts "$INVOICE_DIR"

# --- the simulator, stopped whenever this script ends --------------------------------------------------
if node -e 'require("net").createConnection({ host: "127.0.0.1", port: +process.argv[1] }).on("connect", () => process.exit(0)).on("error", () => process.exit(1))' "$PORT"; then
  echo "Port $PORT on 127.0.0.1 is already in use (is another npm start still running?)." >&2
  echo "Stop it, or choose another port: KSEF_PILOT_SIM_PORT=8788 npm start" >&2
  exit 1
fi
echo "› starting the KSeF simulator on http://127.0.0.1:$PORT"
node --import tsx tests/ksef-sim/cli.ts --port "$PORT" --demo --quiet &   # one process, so SIM_PID is the server
SIM_PID=$!
stop_simulator() { kill "$SIM_PID" 2>/dev/null || true; wait "$SIM_PID" 2>/dev/null || true; echo "› simulator stopped"; }
trap stop_simulator EXIT
trap 'exit 130' INT TERM

node -e '
  const base = process.argv[1];
  const deadline = Date.now() + 30000;
  (async () => {
    for (;;) {
      try { if ((await fetch(base + "/admin/clock")).ok) break; } catch {}
      if (Date.now() > deadline) { console.error("The simulator did not start on " + base); process.exit(1); }
      await new Promise((r) => setTimeout(r, 300));
    }
    // A few invoices from today on top of the demo history, so the first sync has something new.
    const now = Date.now();
    for (const [i, number] of ["FV/DEMO/1", "FV/DEMO/2"].entries()) {
      const res = await fetch(base + "/admin/invoices", {
        method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ sellerNip: "7680002466", sellerName: "Fundacja Przykładowa", buyerNip: process.argv[2],
          buyerName: process.argv[3], invoiceNumber: number, permanentStorageDate: now - (i + 1) * 60000 }),
      });
      if (!res.ok) { console.error("Adding demo invoices failed: " + (await res.text())); process.exit(1); }
    }
  })();
' "http://127.0.0.1:$PORT" "$DEMO_NIP" "$DEMO_NAME"

cat <<MSG

  KSeF Pilot – demo
  ─────────────────
  Extension (development build): $EXT_DIR
  KSeF simulator:                 http://127.0.0.1:$PORT  (API: http://127.0.0.1:$PORT/v2)

  In the options page ("KSeF Pilot – ustawienia"), add the organisation:
    Nazwa organizacji:  $DEMO_NAME
    NIP organizacji:    $DEMO_NIP
    Środowisko KSeF:    Symulator KSeF   (address http://127.0.0.1:$PORT/v2)
  Certificate files written for the demo:
    Certyfikat (.crt):      $CERT_DIR/anna-nowak.crt
    Klucz prywatny (.key):  $CERT_DIR/anna-nowak.key
    Hasło do klucza:        $DEMO_PASSWORD
  Then "Zapisz certyfikat" and "Weryfikuj certyfikat": the first check for invoices runs right after.
  Pin the extension so its badge and window are in sight: the puzzle-piece icon ("Extensions") right of the
  address bar → the pin next to "KSeF Pilot".
  Potem ikona rozszerzenia → „Otwórz skrzynkę faktur” → „Wysyłka do KSeF” i upuść pliki z folderu
    $INVOICE_DIR   (dwie faktury poprawne, jedna z błędem w kwocie)
  Then, to send invoices: the inbox → "Wysyłka do KSeF", and drop the files from that folder (one has a mistake).

MSG

if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  cat <<MSG
  No graphical display here (DISPLAY is not set), so Chromium is not opened. The simulator keeps running:
  load $EXT_DIR into a Chromium on a machine with a display that can reach 127.0.0.1:$PORT
  (chrome://extensions → Developer mode → Load unpacked), or run npm start in a desktop session.
  Press Ctrl+C to stop the simulator.
MSG
  wait "$SIM_PID"
  exit 0
fi

echo "› opening Chromium with the extension (close its window to stop the demo)"
# The launcher starts Chromium on about:blank and opens the options page only once the extension has loaded.
node scripts/launch-chromium.mjs --extension "$EXT_DIR" --extension-id "$(node scripts/extension-id.mjs "$EXT_DIR")" \
  --user-data-dir "$PROFILE_DIR" --log "$CHROMIUM_LOG" &
LAUNCHER_PID=$!
trap 'kill "$LAUNCHER_PID" 2>/dev/null || true; wait "$LAUNCHER_PID" 2>/dev/null || true; exit 130' INT TERM
wait "$LAUNCHER_PID" || true
echo "› Chromium closed; stopping the simulator"
