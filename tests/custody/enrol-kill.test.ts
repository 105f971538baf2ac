// RELIABILITY G7 on the enrolment (issue 14 Tests): the engine killed at every await it reaches, before and after
// the pending call (a store write: before it starts and after it committed; a KSeF call: before it leaves and after
// KSeF took it). The kill is faithful: the call never returns and no catch or finally of the engine runs. At the
// kill point the profile must hold working credentials (its key signs what its certificate verifies); a fresh
// engine then resumes from the store and must end on the new certificate, logged in with, with no more than one
// extra enrolment (only when the kill fell between KSeF taking the request and its number being written).
import { afterAll, describe, expect, it } from 'vitest';
import { createEnrolment, type EnrolDeps } from '../../lib/custody/enrol';
import { keyMatchesCertificate } from '../../lib/pki/key-match';
import type { Store } from '../../lib/store/store';
import { finishedOrKilled, killableCalls, type KillMode } from '../helpers/kill-at';
import { enrolDeps, loginOnce, profileWithFixture, startSim, type Sim } from './harness';

const sims: Sim[] = [];
afterAll(async () => {
  await Promise.all(sims.map((s) => s.stop()));
});

function instrument(deps: EnrolDeps, killAt: number, mode: KillMode) {
  const { wrap, wrapAll, killed, count } = killableCalls(killAt, mode);
  const wrapped: EnrolDeps = {
    ...deps,
    store: wrapAll(deps.store),
    ksef: wrapAll(deps.ksef),
    loginWith: wrap(deps.loginWith),
    clock: { now: deps.clock.now, sleep: wrap(deps.clock.sleep) },
  };
  return { deps: wrapped, killed, count };
}

async function expectWorking(store: Store, context: string) {
  const credentials = await store.getCredentials('org');
  expect(credentials, context).toBeDefined();
  expect(await keyMatchesCertificate(credentials!.privateKey!, credentials!.certificate.der), context).toBe(true);
  return credentials!;
}

describe('enrolment killed at every await', () => {
  it('never leaves a profile without working credentials, and a fresh engine finishes on the new certificate', async () => {
    let points = -1;
    const tried: string[] = [];
    let extraEnrolments = 0;
    for (const mode of ['before', 'after'] as const) {
      for (let killAt = 0; ; killAt++) {
        const { sim } = await startSim(`custody-kill-${mode}-${killAt}`);
        sims.push(sim);
        const { store } = await profileWithFixture(sim);
        const old = (await store.getCredentials('org'))!.certificate.fingerprintSha256;
        const probe = instrument(await enrolDeps(sim, store), killAt, mode);
        const outcome = await finishedOrKilled(createEnrolment(probe.deps, 'org').run(), probe.killed);
        const context = `killed ${mode} await ${killAt}`;
        if (outcome === 'finished') {
          points = Math.max(points, probe.count());
          await sim.stop();
          break;
        }
        tried.push(`${mode}@${killAt}`);
        await expectWorking(store, context);
        // A fresh worker: resume what is in flight; a kill before anything was written leaves the user to click again.
        const fresh = createEnrolment(await enrolDeps(sim, store), 'org');
        const resumed = await fresh.resume();
        if (resumed === null && (await store.getCredentials('org'))!.custody !== 'browser') await fresh.run();
        const after = await expectWorking(store, context);
        expect(after.custody, context).toBe('browser');
        expect(after.certificate.fingerprintSha256, context).not.toBe(old);
        expect(after.privateKey!.extractable, context).toBe(false);
        expect(await store.getPendingEnrolment('org'), context).toMatchObject({ step: 'switched' });
        await loginOnce(sim, { certificate: after.certificate, privateKey: after.privateKey! });
        const enrolments = sim.state.certificates.enrollments.size;
        expect(enrolments, context).toBeLessThanOrEqual(2);
        extraEnrolments += enrolments - 1;
        await sim.stop();
      }
    }
    expect(points).toBeGreaterThan(12);
    expect(tried).toHaveLength(2 * points);
    // Only a kill right after KSeF took the request (before its number was written) costs a second request.
    expect(extraEnrolments).toBeLessThanOrEqual(2);
  }, 600_000);
});
