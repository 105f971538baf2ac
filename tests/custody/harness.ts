// Shared wiring for the enrolment tests: a contract-checked simulator on a frozen clock, a fresh fake-indexeddb
// store with one profile whose credentials are a fixture certificate and key, the certificate operations over a
// real XAdES login of those credentials, and a real XAdES login with any other credentials (lib/auth).
import { IDBFactory } from 'fake-indexeddb';
import { createAuthSession } from '../../lib/auth/session';
import { createMemoryTokenStore } from '../../lib/auth/token-store';
import { certificateOps } from '../../lib/custody/enrol-ops';
import type { EnrolDeps } from '../../lib/custody/enrol';
import { createKsefClient } from '../../lib/ksef/client';
import type { Clock } from '../../lib/ksef/clock';
import type { CertificateInfo } from '../../lib/pki/types';
import { defaultPreferences } from '../../lib/store/profiles';
import { createStore, type Store } from '../../lib/store/store';
import type { Profile } from '../../lib/store/records';
import { createInProcessHeavyWork } from '../../lib/worker/heavy-in-process';
import { fixtureCredentials, pkiExpected, startChecked, type Checked } from '../ksef-sim/kit';

export const OWNER = pkiExpected.nips.person;
export const START = '2026-12-07T10:00:00.000Z';
export type Sim = Checked['sim'];

export function startSim(seed: string): Promise<Checked> {
  return startChecked({ seed, now: START });
}

export function simClock(sim: Sim): Clock {
  return { now: () => sim.state.clock.now(), sleep: async (ms) => void sim.admin.advanceClock(ms) };
}

/** A profile of the owner's NIP with `fixture`'s certificate and key saved as its credentials. */
export async function profileWithFixture(sim: Sim, fixture = 'person-tinpl-ec'): Promise<{ store: Store; profile: Profile }> {
  const store = createStore({ indexedDB: new IDBFactory(), now: () => new Date(sim.state.clock.now()) });
  const profile = await store.saveProfile({
    id: 'org',
    name: 'Biuro Nowak',
    nip: OWNER,
    environment: 'simulator',
    baseUrl: sim.baseUrl,
    preferences: defaultPreferences(new Date(START)),
  });
  await store.saveCredentials(profile.id, await fixtureCredentials(fixture));
  return { store, profile };
}

/** A session logged in (XAdES, lib/auth) with `credentials`, on the simulator's clock. */
export function sessionFor(sim: Sim, credentials: { certificate: CertificateInfo; privateKey: CryptoKey }) {
  const clock = simClock(sim);
  const client = createKsefClient({ baseUrl: sim.baseUrl }, { clock });
  const session = createAuthSession({ client, tokenStore: createMemoryTokenStore(), credentials, context: { type: 'Nip', value: OWNER }, clock });
  return { client, session };
}

/** A real login with `credentials`, then its session ended: what the worker does before switching. */
export async function loginOnce(sim: Sim, credentials: { certificate: CertificateInfo; privateKey: CryptoKey }): Promise<void> {
  const { session } = sessionFor(sim, credentials);
  await session.getAccessToken();
  await session.logout();
}

/** Deps as the worker builds them, over the profile's current (stored) credentials. */
export async function enrolDeps(sim: Sim, store: Store, profileId = 'org'): Promise<EnrolDeps> {
  const current = await store.getCredentials(profileId);
  const { client, session } = sessionFor(sim, { certificate: current!.certificate, privateKey: current!.privateKey! });
  const { revoke: _r, ...ksef } = certificateOps({ ksef: client, getAccessToken: session.getAccessToken });
  return { store, ksef, heavy: createInProcessHeavyWork(store), loginWith: (c) => loginOnce(sim, c), clock: simClock(sim), pollDelaysMs: [500, 500, 500, 500] };
}
