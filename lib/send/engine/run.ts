// One run of the sending engine for one profile (issue 12 steps 3–4): each unfinished batch, oldest first, is
// taken as far as KSeF lets it — post, close, poll, outcomes, UPOs, then one notification — reading its state
// from the store at every phase, so a worker stopped at any await resumes where the store says. A limit ends
// the run with `until` (the worker's alarm resumes it); transport failures back off over runs and, after
// MAX_ATTEMPTS, end the unfinished items `failed` (retryable).
import type { UpoPage } from '../../ksef/schemas';
import type { Profile } from '../../store/records';
import { SendError } from '../errors';
import type { OutboxItem, SendDeps, SendRunResult } from '../types';
import { endBatch } from './notify';
import { postItem, type PostState } from './post';
import { closeSessions } from './session';
import { applyOutcomes, awaitSession } from './statuses';
import { fetchInvoiceUpo, fetchSessionUpo } from './upo';
import { recordFailure } from './failures';
import { Wait } from './waits';

type Summary = Omit<OutboxItem, 'xml'>;
const ROUNDS = 12;
const isPending = (i: Summary) => i.step === 'queued' || i.step === 'sending' || i.step === 'sent';

const batchOf = async (deps: SendDeps, profile: Profile, batchId: string) =>
  (await deps.store.listUnfinishedOutbox(profile.id)).filter((i) => i.batchId === batchId);

/** True when the batch ended (announced) in this run. */
async function runBatch(deps: SendDeps, profile: Profile, batchId: string): Promise<boolean> {
  const post: PostState = { opened: 0 };
  const pages = new Map<string, UpoPage[]>();
  for (let round = 0; round < ROUNDS; round++) {
    const items = await batchOf(deps, profile, batchId);
    if (items.length === 0) return false;
    const toPost = items.filter((i) => i.step === 'queued' || i.step === 'sending');
    if (toPost.length > 0) {
      for (const item of toPost) await postItem(deps, profile, item, post);
      continue;
    }
    await closeSessions(deps, batchId);
    const sent = items.filter((i) => i.step === 'sent');
    if (sent.length > 0) {
      const bySession = new Map<string, Summary[]>();
      for (const item of sent) bySession.set(item.sessionRef ?? '', [...(bySession.get(item.sessionRef ?? '') ?? []), item]);
      let final = true;
      for (const [sessionRef, group] of bySession) {
        pages.set(sessionRef, await awaitSession(deps, sessionRef));
        final = (await applyOutcomes(deps, sessionRef, group)) && final;
      }
      // A processed session whose invoice still says 150 is KSeF's oddity: looked at again on a later run.
      if (!final) throw new Wait(deps.clock.now() + 60_000, new SendError('WAITING', { until: new Date(deps.clock.now() + 60_000).toISOString() }), true);
      continue;
    }
    for (const item of items.filter((i) => i.step === 'accepted' && !i.upoXml && !i.upoMissing)) await fetchInvoiceUpo(deps, item);
    for (const session of await deps.store.listSendSessions(batchId)) {
      if (session.status?.code !== 200 || session.upoXml || session.upoMissing) continue;
      await fetchSessionUpo(deps, session.sessionRef, pages.get(session.sessionRef) ?? (await awaitSession(deps, session.sessionRef)));
    }
    return endBatch(deps, profile, batchId);
  }
  return false;
}

/** The earliest wait still running among the pending items: nothing is asked of KSeF before it. */
function runningWait(items: readonly Summary[], now: number): number | undefined {
  const waits = items.filter(isPending).map((i) => Date.parse(i.error?.until ?? '')).filter((u) => u > now);
  return waits.length > 0 ? Math.min(...waits) : undefined;
}

export async function sendPending(deps: SendDeps, profile: Profile): Promise<SendRunResult> {
  const all = await deps.store.listUnfinishedOutbox(profile.id);
  if (all.length === 0) return { outcome: 'idle', ended: [] };
  const waiting = runningWait(all, deps.clock.now());
  if (waiting !== undefined) return { outcome: 'waiting', until: new Date(waiting).toISOString(), ended: [] };
  const ended: string[] = [];
  for (const batchId of new Set(all.map((i) => i.batchId))) {
    try {
      if (await runBatch(deps, profile, batchId)) ended.push(batchId);
    } catch (error) {
      const until = await recordFailure(deps, profile, batchId, error);
      if (until !== undefined) return { outcome: 'waiting', until: new Date(until).toISOString(), ended };
      if (await endBatch(deps, profile, batchId)) ended.push(batchId);
    }
  }
  const left = await deps.store.listUnfinishedOutbox(profile.id);
  return left.length === 0 ? { outcome: 'done', ended } : { outcome: 'waiting', until: new Date(deps.clock.now() + 60_000).toISOString(), ended };
}
