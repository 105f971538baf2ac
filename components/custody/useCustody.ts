// The state the custody panel and the popup's renewal offer render: the profile's credentials (custody and
// certificate), the enrolment record, "Odnawiaj automatycznie", and the renewal offer (lib/custody/renewal.ts).
// Read from the store; while the worker enrols, read again every half second so each step shows as it is
// written. Actions go to the worker as requests (lib/messages.ts).
import { useCallback, useEffect, useState } from 'react';
import { renewalOffer, type RenewalOffer } from '@/lib/custody/renewal';
import { sendRequest, type Request } from '@/lib/messages';
import type { Credentials, PendingEnrolment, Store } from '@/lib/store';

export const CUSTODY_REFRESH_MS = 500;

export interface CustodyView {
  credentials?: Credentials;
  pending?: PendingEnrolment;
  autoRenew: boolean;
  offer: RenewalOffer | null;
}

export type CustodyAction = 'enrol' | 'revoke' | 'abandon' | 'auto';
export interface CustodyOutcome {
  action: CustodyAction;
  ok: boolean;
  code?: string;
  message?: string;
  messageEn?: string;
}

type CustodyStore = Pick<Store, 'getCredentials' | 'getPendingEnrolment' | 'getProfile'>;

export function useCustody(store: CustodyStore, send: (message: Request) => Promise<unknown>, profileId: string, now: () => Date = () => new Date()) {
  const [view, setView] = useState<CustodyView | null>(null);
  const [busy, setBusy] = useState<CustodyAction | null>(null);
  const [outcome, setOutcome] = useState<CustodyOutcome | null>(null);

  const load = useCallback(async () => {
    const [credentials, pending, profile] = await Promise.all([store.getCredentials(profileId), store.getPendingEnrolment(profileId), store.getProfile(profileId)]);
    setView({
      ...(credentials ? { credentials } : {}),
      ...(pending ? { pending } : {}),
      autoRenew: profile?.autoRenew === true,
      offer: renewalOffer(credentials, pending, now().getTime()),
    });
  }, [store, profileId]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    setOutcome(null);
    void load().catch(() => setView(null));
  }, [load]);

  useEffect(() => {
    if (busy !== 'enrol') return undefined;
    const timer = setInterval(() => void load().catch(() => undefined), CUSTODY_REFRESH_MS);
    return () => clearInterval(timer);
  }, [busy, load]);

  async function act(action: CustodyAction, request: Request) {
    setBusy(action);
    setOutcome(null);
    try {
      await sendRequest(request, send);
      setOutcome({ action, ok: true });
    } catch (error) {
      const e = error as { code?: string; message?: string; messageEn?: string };
      setOutcome({ action, ok: false, ...(e.code ? { code: e.code } : {}), ...(e.message ? { message: e.message } : {}), ...(e.messageEn ? { messageEn: e.messageEn } : {}) });
    } finally {
      await load().catch(() => undefined);
      setBusy(null);
    }
  }

  return {
    view,
    busy,
    outcome,
    reload: load,
    enrol: () => act('enrol', { type: 'enrolCertificate', profileId }),
    revoke: (serialNumber: string) => act('revoke', { type: 'revokeCertificate', profileId, serialNumber }),
    abandon: () => act('abandon', { type: 'abandonEnrolment', profileId }),
    setAutoRenew: (on: boolean) => act('auto', { type: 'setAutoRenew', profileId, on }),
  };
}
