// The invoices a notification click names (?profile=&ksef=): read one by one by key, in the order given.
import { useEffect, useState } from 'react';
import type { InboxTarget } from '@/lib/inbox';
import type { InvoiceRecord, Store } from '@/lib/store';

export function useTargetInvoices(store: Store, target: InboxTarget | null, reload: number) {
  const [state, setState] = useState({ items: [] as InvoiceRecord[], missing: 0, loading: true });
  useEffect(() => {
    if (!target || target.profileId === undefined) {
      setState({ items: [], missing: target ? target.ksefNumbers.length : 0, loading: false });
      return;
    }
    let live = true;
    const profileId = target.profileId;
    Promise.all(target.ksefNumbers.map((n) => store.getInvoice(profileId, n).catch(() => undefined))).then((found) => {
      if (!live) return;
      const items = found.filter((r): r is InvoiceRecord => r !== undefined);
      setState({ items, missing: found.length - items.length, loading: false });
    });
    return () => {
      live = false;
    };
  }, [store, target, reload]);
  return state;
}
