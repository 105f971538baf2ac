// The chosen files and their local check. lib/send/check (and, inside it, the XSD engine) is loaded with
// `import()` the first time files are chosen, so the received-invoice view never carries it (STYLE rule 27).
import { useEffect, useMemo, useState } from 'react';
import { t, type Lang } from '@/lib/i18n';
import type { Store } from '@/lib/store';
import { earlierSendFinder } from '@/lib/send/earlier';
import { checkedRows, matchingProfileId, type CheckedFile, type CheckedRow, type SendProfileRef } from '@/lib/views/send-files';

type CheckModule = typeof import('@/lib/send/check');
let checkModule: Promise<CheckModule> | undefined;
const loadCheck = () => (checkModule ??= import('@/lib/send/check').catch((e: unknown) => ((checkModule = undefined), Promise.reject(e))));

interface Chosen {
  name: string;
  bytes: Uint8Array;
}

export interface FileChecks {
  rows: CheckedRow[];
  checks: CheckedFile[];
  checking: boolean;
  error?: string;
  /** The organisation shown in the picker: the user's choice, else the one all files name as seller. */
  profileChoice: string;
  setProfileChoice: (id: string) => void;
  add: (files: File[]) => void;
  remove: (key: string) => void;
  /** After "Wyślij": the files handed to the worker leave the list, the refused ones stay with their reasons. */
  keepRefused: () => void;
  clear: () => void;
}

export function useFileChecks(store: Store, lang: Lang, profiles: SendProfileRef[]): FileChecks {
  const [chosen, setChosen] = useState<Chosen[]>([]);
  const [choice, setChoice] = useState('');
  const [checks, setChecks] = useState<CheckedFile[]>([]);
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<string>();
  const [problemText, setProblemText] = useState<CheckModule['sendProblemText']>();

  useEffect(() => {
    if (chosen.length === 0) return setChecks([]);
    let live = true;
    setChecking(true);
    setError(undefined);
    void (async () => {
      try {
        const check = await loadCheck();
        const results = await check.checkInvoiceFiles(
          chosen.map((c) => ({ name: c.name, bytes: c.bytes })),
          {
            profiles,
            ...(choice ? { profileId: choice } : {}),
            now: new Date(),
            findEarlier: earlierSendFinder(store),
          },
        );
        if (!live) return;
        setProblemText(() => check.sendProblemText);
        setChecks(results);
      } catch (e) {
        if (live) setError(t(lang, 'sendui_check_unavailable', { message: String((e as Error)?.message ?? e) }));
      } finally {
        if (live) setChecking(false);
      }
    })();
    return () => {
      live = false;
    };
  }, [chosen, choice, profiles, store]); // eslint-disable-line react-hooks/exhaustive-deps

  const preselected = choice || matchingProfileId(profiles, checks) || '';
  const rows = useMemo(
    () => (problemText ? checkedRows(checks, profiles, (p) => problemText(p as Parameters<typeof problemText>[0], lang)) : []),
    [checks, profiles, problemText, lang],
  );

  return {
    rows,
    checks,
    checking,
    ...(error ? { error } : {}),
    profileChoice: preselected,
    setProfileChoice: setChoice,
    add: (files) => {
      void Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }))).then((read) =>
        setChosen((list) => [...list, ...read]),
      );
    },
    remove: (key) => {
      const index = rows.findIndex((r) => r.key === key);
      if (index >= 0) setChosen((list) => list.filter((_, i) => i !== index));
    },
    keepRefused: () => {
      const sent = new Set(rows.flatMap((r, i) => (r.ok ? [i] : [])));
      setChosen((list) => list.filter((_, i) => !sent.has(i)));
    },
    clear: () => setChosen([]),
  };
}
