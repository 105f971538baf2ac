// The end of a batch (issue 12 step 4): when none of its items is pending and every accepted one has its UPO
// (or gave up on it), ONE notification names the outcomes not announced yet, then they are marked in one
// transaction. A stop between the two raises the same notification again under the same id (it replaces).
import type { Profile } from '../../store/records';
import type { SendDeps } from '../types';

export async function endBatch(deps: SendDeps, profile: Profile, batchId: string): Promise<boolean> {
  const items = (await deps.store.listUnfinishedOutbox(profile.id)).filter((i) => i.batchId === batchId);
  const first = items[0];
  if (!first) return false;
  const open = items.some((i) => i.step === 'queued' || i.step === 'sending' || i.step === 'sent' || (i.step === 'accepted' && !i.upoXml && !i.upoMissing));
  if (open) return false;
  const count = (step: string) => items.filter((i) => i.step === step).length;
  const notice = { profile, batchId, firstItemId: first.id, accepted: count('accepted'), rejected: count('rejected'), failed: count('failed') };
  if (profile.preferences.notifications) await deps.notifier.batchEnded(notice);
  await deps.store.updateOutboxItems(items.map((i) => ({ id: i.id, patch: { notified: true, unfinished: undefined } })));
  await deps.store
    .appendLog({ profileId: profile.id, level: 'info', code: 'SEND_BATCH_ENDED', message: `batch ${batchId}: accepted ${notice.accepted}, rejected ${notice.rejected}, failed ${notice.failed}` })
    .catch(() => undefined);
  return true;
}
