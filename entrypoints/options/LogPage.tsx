// options.html?profile=<id>&view=log: the organisation's activity log, read from the store (lib/store/log.ts).
import { useEffect, useState } from 'react';
import { LogView } from '@/components/options';
import type { Lang } from '@/lib/i18n';
import { logEntryView, type LogEntryView } from '@/lib/setup';
import type { Store } from '@/lib/store';

/** The newest entries shown; the store keeps more (lib/store/log.ts caps it). */
export const LOG_SHOWN = 200;

export function LogPage({ store, lang, profileId, name }: { store: Store; lang: Lang; profileId: string; name: string }) {
  const [entries, setEntries] = useState<LogEntryView[] | null>(null);
  useEffect(() => {
    void store.listLog({ profileId, limit: LOG_SHOWN }).then((log) => setEntries(log.map(logEntryView)), () => setEntries([]));
  }, [store, profileId]);
  return <LogView lang={lang} name={name} entries={entries} backHref={`options.html?profile=${encodeURIComponent(profileId)}`} />;
}
