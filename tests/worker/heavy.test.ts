// The worker's seam to its heavy work (lib/worker/heavy.ts) and Chrome's offscreen transport for it
// (lib/platform/offscreen.ts), over JSON as chrome.runtime carries it: who is answered, what crosses, and that the
// work done on the other side is the same as in-process (issue 15).
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { acceptRequest } from '../../lib/messages';
import {
  acceptOffscreenRequest,
  createOffscreenHeavyWork,
  isOffscreenSender,
  runOffscreenCall,
  type MessageSenderInfo,
} from '../../lib/platform/offscreen';
import { isPkiError } from '../../lib/pki/errors';
import { defaultPreferences } from '../../lib/store/profiles';
import { createStore, type Store } from '../../lib/store/store';
import { createInProcessHeavyWork } from '../../lib/worker/heavy-in-process';
import { OFFSCREEN_TARGET, storedKeySigner, type OffscreenRequest, type SignRequest } from '../../lib/worker/heavy';
import { verifyXadesSignature } from '../../lib/xades';
import { fixtureCredentials, pkiExpected } from '../ksef-sim/kit';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;
const WORKER_URL = `${ORIGIN}background.js`;
const OFFSCREEN_URL = `${ORIGIN}offscreen.html`;
const NIP = pkiExpected.nips.person;
const WORKER: MessageSenderInfo = { id: ID, url: WORKER_URL };

async function storeWithCredentials(): Promise<Store> {
  const store = createStore({ indexedDB: new IDBFactory() });
  await store.saveProfile({ id: 'org', name: 'Firma', nip: NIP, environment: 'test', preferences: defaultPreferences(new Date('2026-12-01T00:00:00Z')) });
  await store.saveCredentials('org', await fixtureCredentials('person-tinpl-ec'));
  return store;
}

/** Chrome's side, faked: one document whose listener is the real gate and the real in-process work; JSON between. */
function fakeChrome(store: Store) {
  const work = createInProcessHeavyWork(store);
  const sent: string[] = [];
  let open = false;
  const counts = { create: 0, close: 0 };
  const timers: (() => void)[] = [];
  const heavy = createOffscreenHeavyWork({
    sendMessage: async (message) => {
      const text = JSON.stringify(message);
      sent.push(text);
      if (!open) throw new Error('Could not establish connection. Receiving end does not exist.');
      const call = acceptOffscreenRequest(JSON.parse(text), WORKER, ID, WORKER_URL);
      if (!call) return undefined;
      return JSON.parse(JSON.stringify(await runOffscreenCall(call, work)));
    },
    hasDocument: async () => open,
    createDocument: async () => {
      counts.create += 1;
      await Promise.resolve();
      if (open) throw new Error('Only a single offscreen document may be created.');
      open = true;
    },
    closeDocument: async () => {
      counts.close += 1;
      open = false;
    },
    setTimer: (fn) => timers.push(fn),
    clearTimer: () => undefined,
  });
  return { heavy, sent, counts, timers, close: () => (open = false) };
}

const signRequest = (overrides: Partial<SignRequest> = {}): SignRequest => ({
  key: { profileId: 'org', source: 'credentials' },
  challenge: '20261201-CR-0000000000-0000000000-00',
  contextIdentifier: { type: 'Nip', value: NIP },
  subjectIdentifierType: 'certificateSubject',
  signingTime: '2026-12-01T09:59:00.000Z',
  ...overrides,
});

describe('the offscreen gate', () => {
  const message: OffscreenRequest = { target: OFFSCREEN_TARGET, call: { op: 'readCertificate', certificate: 'AAAA' } };

  it("answers the extension's own service worker only", () => {
    expect(acceptOffscreenRequest(message, WORKER, ID, WORKER_URL)).toEqual(message.call);
    expect(acceptOffscreenRequest(message, { id: ID, url: `${ORIGIN}options.html` }, ID, WORKER_URL)).toBeNull();
    expect(acceptOffscreenRequest(message, { id: ID, url: OFFSCREEN_URL }, ID, WORKER_URL)).toBeNull();
    expect(acceptOffscreenRequest(message, { id: ID, url: WORKER_URL, tab: { id: 1 } }, ID, WORKER_URL)).toBeNull();
    expect(acceptOffscreenRequest(message, { id: 'another-extension', url: WORKER_URL }, ID, WORKER_URL)).toBeNull();
    expect(acceptOffscreenRequest(message, {}, ID, WORKER_URL)).toBeNull();
  });

  it('takes exactly its schema: no other operation, no extra field, no unbounded text', () => {
    const bad: unknown[] = [
      { ...message, target: 'other' },
      { target: OFFSCREEN_TARGET, call: { op: 'exportKey', profileId: 'org' } },
      { target: OFFSCREEN_TARGET, call: { op: 'readCertificate', certificate: 'AAAA', privateKey: 'x' } },
      { target: OFFSCREEN_TARGET, call: { ...signRequest(), op: 'sign', key: { profileId: 'org', source: 'file' } } },
      { target: OFFSCREEN_TARGET, call: { ...signRequest(), op: 'sign', challenge: 'x'.repeat(201) } },
      { target: OFFSCREEN_TARGET, call: { op: 'readCertificate', certificate: 'not base64!' } },
    ];
    for (const m of bad) expect(acceptOffscreenRequest(m, WORKER, ID, WORKER_URL), JSON.stringify(m)).toBeNull();
  });

  it("is not a page request, so the worker's handlers never take it, and the worker ignores the document", () => {
    expect(acceptRequest(message, { id: ID, url: `${ORIGIN}options.html` }, ID, ORIGIN)).toBeNull();
    expect(isOffscreenSender({ id: ID, url: OFFSCREEN_URL }, ID, OFFSCREEN_URL)).toBe(true);
    expect(isOffscreenSender({ id: ID, url: `${ORIGIN}popup.html` }, ID, OFFSCREEN_URL)).toBe(false);
    expect(isOffscreenSender({ id: 'another-extension', url: OFFSCREEN_URL }, ID, OFFSCREEN_URL)).toBe(false);
  });
});

describe('HeavyWork through the offscreen document', () => {
  it('signs with the stored key, which never crosses: the messages name it, the answer is the signed request', async () => {
    const store = await storeWithCredentials();
    const chrome = fakeChrome(store);
    const xml = await chrome.heavy.sign(signRequest());
    const check = await verifyXadesSignature(xml);
    expect(check.valid).toBe(true);
    expect(check.request?.challenge).toBe('20261201-CR-0000000000-0000000000-00');
    expect(check.request?.contextIdentifier).toEqual({ type: 'Nip', value: NIP });
    expect(chrome.sent).toHaveLength(1);
    expect(JSON.parse(chrome.sent[0]!)).toEqual({ target: OFFSCREEN_TARGET, call: { op: 'sign', ...signRequest() } });
    // The same work in-process gives a document of the same signer.
    const local = await verifyXadesSignature(await createInProcessHeavyWork(store).sign(signRequest()));
    expect(local.certificate?.fingerprintSha256).toBe(check.certificate?.fingerprintSha256);
  });

  it("is lib/auth's signer for a stored key: the in-memory key it is handed is not sent", async () => {
    const store = await storeWithCredentials();
    const chrome = fakeChrome(store);
    const credentials = (await store.getCredentials('org'))!;
    const signer = storedKeySigner(chrome.heavy, { profileId: 'org', source: 'credentials' });
    const xml = await signer({
      challenge: '20261201-CR-0000000001-0000000000-00',
      contextIdentifier: { type: 'Nip', value: NIP },
      subjectIdentifierType: 'certificateSubject',
      certificate: credentials.certificate,
      privateKey: credentials.privateKey!,
      signingTime: new Date('2026-12-01T09:00:00Z'),
    });
    expect((await verifyXadesSignature(xml)).request?.challenge).toBe('20261201-CR-0000000001-0000000000-00');
    expect(chrome.sent[0]).not.toContain('privateKey');
    expect(chrome.sent[0]).not.toContain('certificate"');
  });

  it('creates one document for concurrent calls, closes it when idle and opens it again on the next call', async () => {
    const store = await storeWithCredentials();
    const chrome = fakeChrome(store);
    await Promise.all([chrome.heavy.sign(signRequest()), chrome.heavy.sign(signRequest({ challenge: '20261201-CR-0000000002-0000000000-00' }))]);
    expect(chrome.counts).toEqual({ create: 1, close: 0 });
    expect(chrome.timers.length).toBeGreaterThan(0);
    for (const fire of chrome.timers.splice(0)) fire();
    expect(chrome.counts).toEqual({ create: 1, close: 1 });
    await chrome.heavy.sign(signRequest({ challenge: '20261201-CR-0000000003-0000000000-00' }));
    expect(chrome.counts).toEqual({ create: 2, close: 1 });
  });

  it('opens the document again when it went away under a call', async () => {
    const store = await storeWithCredentials();
    const chrome = fakeChrome(store);
    await chrome.heavy.sign(signRequest());
    chrome.close(); // Chrome closed it; the worker still thinks it open
    expect((await verifyXadesSignature(await chrome.heavy.sign(signRequest({ challenge: '20261201-CR-0000000004-0000000000-00' })))).request?.challenge).toBe('20261201-CR-0000000004-0000000000-00');
    expect(chrome.counts.create).toBe(2);
  });

  it('brings errors back with their name, code and words', async () => {
    const store = await storeWithCredentials();
    const chrome = fakeChrome(store);
    const error = await chrome.heavy.readCertificate(new TextEncoder().encode('not a certificate')).catch((e: unknown) => e);
    expect(isPkiError(error)).toBe(true);
    expect(error).toMatchObject({ name: 'PkiError', code: 'NOT_A_CERTIFICATE' });
    expect((error as { messageIn(lang: 'en'): string }).messageIn('en')).toMatch(/certificate/i);
    await expect(chrome.heavy.sign(signRequest({ key: { profileId: 'nobody', source: 'credentials' } }))).rejects.toMatchObject({
      name: 'TypeError',
      message: 'no stored key for credentials of profile "nobody"',
    });
  });

  it('reads a certificate into the same CertificateInfo as in-process', async () => {
    const store = await storeWithCredentials();
    const chrome = fakeChrome(store);
    const der = (await store.getCredentials('org'))!.certificate.der;
    const expected = await createInProcessHeavyWork(store).readCertificate(der);
    expect(expected.identifier).toEqual({ type: 'NIP', value: NIP });
    expect(await chrome.heavy.readCertificate(der)).toEqual(expected);
  });

  it("checks a file to send with the worker's rules there: a broken file is refused with its codes", async () => {
    const store = await storeWithCredentials();
    const chrome = fakeChrome(store);
    const result = await chrome.heavy.checkSendFile({ profileId: 'org', fileName: 'a.xml', xml: '<Faktura><broken>', now: '2026-12-01T10:00:00.000Z' });
    expect(result.ok).toBe(false);
    expect(result.facts).toBeUndefined();
    expect(result.codes.length).toBeGreaterThan(0);
    expect(result).toEqual(await createInProcessHeavyWork(store).checkSendFile({ profileId: 'org', fileName: 'a.xml', xml: '<Faktura><broken>', now: '2026-12-01T10:00:00.000Z' }));
  });
});
