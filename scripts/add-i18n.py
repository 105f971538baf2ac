#!/usr/bin/env python3
"""Adds or replaces catalog keys atomically (several helpers edit the catalogs at once).
Usage: add-i18n.py KEY "Polish text" "English text" [KEY PL EN ...]
       add-i18n.py --to shared|worker|send|popup|pages KEY PL EN [...]   (choose the file; moves an existing key)
       add-i18n.py --to shared|worker|send|popup|pages KEY [KEY ...]     (moves existing keys, texts unchanged)
       add-i18n.py --delete KEY [KEY ...]
Runs under an flock on /tmp/ksef-i18n.lock; keeps the files' 2-space JSON layout.

The catalog is split by context (issue 11), so each context ships only the strings it can show:
  lib/i18n/catalog/shared.{pl,en}.json  the worker and every page: status_ (profile status), sync_error_, msg_error_
  lib/i18n/catalog/worker.{pl,en}.json  the rest the worker names (notify_, ksef_, auth_, pki_, xades_, diag_ …)
  lib/i18n/catalog/send.{pl,en}.json    sending, for the worker and the pages, never the popup: send_ (send_error_,
                                        send_reject_, send_n_, send_check_ …)
  lib/i18n/catalog/popup.{pl,en}.json   the popup (and the options page, which shows its cards): popup_, status_persist_
  lib/i18n/catalog/pages.{pl,en}.json   the options page and inbox: options_, inbox_, invoice_, setup_, ui_
  lib/i18n/catalog/ap.{pl,en}.json      the Aplikacja Podatnika helper (content script): ap_
  public/_locales/{pl,en}/messages.json the browser's catalog: only the manifest's keys (extName, extDescription)
lib/i18n/shared.ts, send.ts (shared + send), worker.ts (shared + worker + send), popup.ts (shared + popup) and
index.ts (all) type `t` over
their parts. A key that exists is replaced where it is. A new key goes by its prefix (above), anything else
to worker (on a page it costs bytes; a key missing where it is asked for throws), unless --to names the file.
tests/i18n/context-keys.test.ts fails if a context's code names a key its catalogs lack."""
import fcntl, json, sys, os
MAIN = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FILES = {
    'shared': MAIN + '/lib/i18n/catalog/shared.{lang}.json',
    'worker': MAIN + '/lib/i18n/catalog/worker.{lang}.json',
    'send': MAIN + '/lib/i18n/catalog/send.{lang}.json',
    'popup': MAIN + '/lib/i18n/catalog/popup.{lang}.json',
    'pages': MAIN + '/lib/i18n/catalog/pages.{lang}.json',
    # The Aplikacja Podatnika helper (content script, issue 13): its own small catalog, so a page that is not
    # ours loads only these strings (lib/i18n/ap.ts).
    'ap': MAIN + '/lib/i18n/catalog/ap.{lang}.json',
    'manifest': MAIN + '/public/_locales/{lang}/messages.json',
}
MANIFEST_KEYS = ('extName', 'extDescription')
SHARED_PREFIXES = ('status_', 'sync_error_', 'msg_error_')
POPUP_PREFIXES = ('popup_', 'status_persist_')
PAGE_PREFIXES = ('options_', 'inbox_', 'invoice_', 'setup_', 'ui_')
SEND_PREFIXES = ('send_',)
AP_PREFIXES = ('ap_',)
WORKER_EXCEPTIONS = ('invoice_count_',)  # plural used by the worker's notifications
CATALOG_FILES = ('shared', 'worker', 'send', 'popup', 'pages', 'ap')
USAGE = 'usage: add-i18n.py [--to ' + '|'.join(CATALOG_FILES) + '] KEY PL EN [KEY PL EN ...]  |  --to FILE KEY [KEY ...]'


def home_of_new(key):
    if key in MANIFEST_KEYS:
        return 'manifest'
    if key.startswith(POPUP_PREFIXES):
        return 'popup'
    if key.startswith(SHARED_PREFIXES):
        return 'shared'
    if key.startswith(SEND_PREFIXES):
        return 'send'
    if key.startswith(AP_PREFIXES):
        return 'ap'
    if key.startswith(PAGE_PREFIXES) and not key.startswith(WORKER_EXCEPTIONS):
        return 'pages'
    return 'worker'


args = sys.argv[1:]
with open('/tmp/ksef-i18n.lock', 'w') as lock:
    fcntl.flock(lock, fcntl.LOCK_EX)
    cats = {}  # (file, lang) -> dict
    for name, pattern in FILES.items():
        for lang in ('pl', 'en'):
            with open(pattern.format(lang=lang), encoding='utf-8') as f:
                cats[(name, lang)] = json.load(f)
    changed = set()
    if args and args[0] == '--delete':
        for k in args[1:]:
            for where, d in cats.items():
                if k in d:
                    d.pop(k); changed.add(where)
    else:
        forced = None
        if args[:1] == ['--to']:
            if len(args) < 2 or args[1] not in CATALOG_FILES:
                sys.exit(USAGE)
            forced, args = args[1], args[2:]
        def holders(k):
            return [name for name in FILES if k in cats[(name, 'pl')] or k in cats[(name, 'en')]]
        moving = bool(forced and args and all(holders(k) for k in args))
        if moving:
            # --to FILE KEY [KEY ...]: existing keys move whole (texts, descriptions; a Polish-only plural form stays so).
            for k in args:
                for name in holders(k):
                    if name == forced: continue
                    for lang in ('pl', 'en'):
                        if k in cats[(name, lang)]:
                            cats[(forced, lang)][k] = cats[(name, lang)].pop(k)
                            changed.update({(name, lang), (forced, lang)})
                print(f'{k} → {FILES[forced].format(lang="*")[len(MAIN) + 1:]}')
            args = []
        if len(args) % 3 != 0 or (not args and not moving): sys.exit(USAGE)
        for i in range(0, len(args), 3):
            k, pl, en = args[i:i+3]
            current = holders(k)
            home = forced or (current[0] if current else home_of_new(k))
            for name in current:
                if name != home:  # --to moves an existing key
                    for lang in ('pl', 'en'):
                        cats[(name, lang)].pop(k, None); changed.add((name, lang))
            cats[(home, 'pl')][k] = {'message': pl}
            cats[(home, 'en')][k] = {'message': en}
            changed.update({(home, 'pl'), (home, 'en')})
            print(f'{k} → {FILES[home].format(lang="*")[len(MAIN) + 1:]}')
    for (name, lang) in sorted(changed):
        path = FILES[name].format(lang=lang)
        tmp = path + '.tmp'
        with open(tmp, 'w', encoding='utf-8') as f:
            json.dump(cats[(name, lang)], f, ensure_ascii=False, indent=2); f.write('\n')
        os.replace(tmp, path)
