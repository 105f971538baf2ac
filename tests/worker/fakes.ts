// Fakes of the browser seams the worker is given, keeping what Chrome would show: alarms by name,
// notifications by id (creating an id that exists replaces it), the badge text and the tabs opened.
import { readFileSync } from 'node:fs';
import { IDBFactory } from 'fake-indexeddb';
import { loadCredentials, type Credentials as PkiCredentials } from '../../lib/pki';
import { createStore, type Store } from '../../lib/store/store';
import { defaultPreferences } from '../../lib/store/profiles';
import type { Preferences } from '../../lib/store/records';
import { createWorker, type WorkerDeps } from '../../lib/worker/worker';
import type { AlarmInfo, NotificationContent } from '../../lib/worker/platform';
import { pkiExpected, type Checked } from '../ksef-sim/kit';
import { simClock } from '../sync/harness';
import { createInProcessHeavyWork } from '../../lib/worker/heavy-in-process';

export function createFakeBrowser() {
  const alarms = new Map<string, AlarmInfo & { delayInMinutes: number }>();
  const shown = new Map<string, NotificationContent>();
  const created: string[] = [];
  const tabs: string[] = [];
  const badge = { text: '' };
  let now = () => Date.now();
  return {
    alarms,
    shown,
    created,
    tabs,
    badge,
    setNow(fn: () => number) {
      now = fn;
    },
    seams: {
      alarms: {
        create: async (name: string, info: { delayInMinutes?: number; periodInMinutes?: number; when?: number }) => {
          const scheduledTime = info.when ?? now() + (info.delayInMinutes ?? 0) * 60_000;
          alarms.set(name, { name, scheduledTime, ...(info.periodInMinutes !== undefined ? { periodInMinutes: info.periodInMinutes } : {}), delayInMinutes: info.delayInMinutes ?? 0 });
        },
        clear: async (name: string) => alarms.delete(name),
        getAll: async () => [...alarms.values()].map(({ delayInMinutes: _d, ...alarm }) => alarm),
      },
      notifications: {
        create: async (id: string, content: NotificationContent) => {
          shown.set(id, content);
          created.push(id);
          return id;
        },
        clear: async (id: string) => shown.delete(id),
        getAll: async () => Object.fromEntries([...shown.keys()].map((id) => [id, true])),
      },
      badge: { setText: async (text: string) => void (badge.text = text) },
      openTab: async (path: string) => void tabs.push(path),
    },
  };
}

const fixture = (name: string) => readFileSync(new URL(`../fixtures/pki/${name}`, import.meta.url), 'utf8');
let cached: PkiCredentials | undefined;

/** The person certificate of the OpenSSL fixtures (its NIP is the buyer's), decrypted once. */
export async function personCredentials(): Promise<PkiCredentials> {
  cached ??= await loadCredentials({
    certificate: fixture('person-tinpl-ec.crt'),
    privateKey: fixture('person-tinpl-ec.key'),
    password: pkiExpected.password,
  });
  return cached;
}

export interface WorkerHarness {
  store: Store;
  browser: ReturnType<typeof createFakeBrowser>;
  worker: ReturnType<typeof createWorker>;
}

export async function setupWorker(
  sim: Checked['sim'],
  options: { preferences?: Partial<Preferences>; credentials?: boolean; extra?: Partial<WorkerDeps>; random?: number } = {},
): Promise<WorkerHarness> {
  const clock = simClock(sim);
  const store = createStore({ indexedDB: new IDBFactory(), now: () => new Date(clock.now()) });
  await store.saveProfile({
    id: 'org',
    name: 'Fundacja Testowa',
    nip: pkiExpected.nips.person,
    environment: 'simulator',
    baseUrl: sim.baseUrl,
    preferences: { ...defaultPreferences(new Date(clock.now())), firstSyncFrom: '2026-02-01', ...options.preferences },
  });
  if (options.credentials !== false) {
    const { certificate, privateKey } = await personCredentials();
    await store.saveCredentials('org', { certificate, privateKey });
  }
  const browser = createFakeBrowser();
  browser.setNow(() => clock.now());
  const worker = createWorker({
    store,
    fetch: (input, init) => fetch(input, init),
    ...browser.seams,
    clock,
    random: () => options.random ?? 0.5,
    heavy: createInProcessHeavyWork(store),
    ...options.extra,
  });
  return { store, browser, worker };
}
