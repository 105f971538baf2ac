// Issue 2: the AP-style key imported in the service worker, stored in IndexedDB as a non-extractable CryptoKey,
// the worker stopped and woken, the key read back, and its signature verified against the certificate.
// Issue 3: the XAdES AuthTokenRequest signed inside the service worker with that stored key, then verified
// there and by xmlsec1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createPublicKey, verify } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { removeTempDirs, tempDir, xmlsecVerify } from '../xades/xmlsec';
import { launchExtension, serviceWorkerRunning, stopServiceWorker, type LaunchedExtension } from './launch';

const fixtures = 'tests/fixtures/pki';
const password: string = JSON.parse(readFileSync(`${fixtures}/expected.json`, 'utf8')).password;
const keyPem = readFileSync(`${fixtures}/person-tinpl-ec.key`, 'utf8');
const certPem = readFileSync(`${fixtures}/person-tinpl-ec.crt`, 'utf8');

let ext: LaunchedExtension;
beforeAll(async () => {
  ext = await launchExtension();
});
afterAll(async () => {
  await ext?.close();
});

describe('private key in the service worker', () => {
  it('imports the AP key, keeps it in IndexedDB across a worker restart, and signs with it', async () => {
    const stored = await ext.sw.evaluate(
      async ({ keyPem, certPem, password }) => {
        const { pki } = (globalThis as any).__ksefPilotDev;
        const { certificate, privateKey } = await pki.loadCredentials({ certificate: certPem, privateKey: keyPem, password });
        const db: IDBDatabase = await new Promise((resolve, reject) => {
          const req = indexedDB.open('e2e-keys', 1);
          req.onupgradeneeded = () => req.result.createObjectStore('keys');
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction('keys', 'readwrite');
          tx.objectStore('keys').put({ privateKey, fingerprint: certificate.fingerprintSha256 }, 'ap');
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
        db.close();
        (globalThis as any).__e2eMarker = 'before-restart';
        return {
          extractable: privateKey.extractable,
          usages: privateKey.usages,
          algorithm: privateKey.algorithm,
          keyAlgorithm: certificate.keyAlgorithm,
        };
      },
      { keyPem, certPem, password },
    );
    expect(stored).toEqual({
      extractable: false,
      usages: ['sign'],
      algorithm: { name: 'ECDSA', namedCurve: 'P-256' },
      keyAlgorithm: 'EC P-256',
    });

    await stopServiceWorker(ext.context, ext.extensionId);
    expect(await serviceWorkerRunning(ext.context, ext.extensionId)).toBe(false);

    // Opening an extension page wakes the worker again.
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/popup.html`);
    const pong = await page.evaluate(() => (globalThis as any).chrome.runtime.sendMessage({ type: 'ping' }));
    expect(pong).toEqual({ ok: true, result: { pong: true } });

    const data = 'KSeF Pilot e2e: ' + Date.now();
    const after = await ext.sw.evaluate(async (data) => {
      const db: IDBDatabase = await new Promise((resolve, reject) => {
        const req = indexedDB.open('e2e-keys', 1);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const record: { privateKey: CryptoKey } = await new Promise((resolve, reject) => {
        const req = db.transaction('keys').objectStore('keys').get('ap');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      db.close();
      let exportError = '';
      try {
        await crypto.subtle.exportKey('pkcs8', record.privateKey);
      } catch (e) {
        exportError = (e as Error).name;
      }
      const sig = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, record.privateKey, new TextEncoder().encode(data));
      return {
        marker: (globalThis as any).__e2eMarker ?? 'fresh-worker',
        extractable: record.privateKey.extractable,
        exportError,
        signature: Array.from(new Uint8Array(sig)),
      };
    }, data);
    await page.close();

    expect(after.marker).toBe('fresh-worker');
    expect(after.extractable).toBe(false);
    expect(after.exportError).toBe('InvalidAccessError');
    expect(after.signature).toHaveLength(64);
    const publicKey = createPublicKey(certPem);
    const ok = verify('sha256', Buffer.from(data), { key: publicKey, dsaEncoding: 'ieee-p1363' }, Buffer.from(after.signature));
    expect(ok).toBe(true);
  });

  it('signs the KSeF login document in the service worker with the stored key', async () => {
    const challenge = '20261124-CR-0123456789-ABCDEF0123-4F';
    const result = await ext.sw.evaluate(
      async ({ certPem, challenge }) => {
        const { pki, xades } = (globalThis as any).__ksefPilotDev;
        const db: IDBDatabase = await new Promise((resolve, reject) => {
          const req = indexedDB.open('e2e-keys', 1);
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        const record: { privateKey: CryptoKey } = await new Promise((resolve, reject) => {
          const req = db.transaction('keys').objectStore('keys').get('ap');
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        db.close();
        const certificate = await pki.readCertificate(certPem);
        const xml: string = await xades.signAuthTokenRequest({
          challenge,
          contextIdentifier: { type: 'Nip', value: certificate.identifier.value },
          subjectIdentifierType: 'certificateSubject',
          certificate,
          privateKey: record.privateKey,
        });
        const verification = await xades.verifyXadesSignature(xml);
        return {
          xml,
          noDomInWorker: typeof (globalThis as any).DOMParser === 'undefined',
          valid: verification.valid,
          errors: verification.errors.map((e: { code: number }) => e.code),
          request: verification.request,
        };
      },
      { certPem, challenge },
    );
    expect(result.noDomInWorker).toBe(true);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.request).toMatchObject({
      challenge,
      contextIdentifier: { type: 'Nip', value: '5265877635' },
      subjectIdentifierType: 'certificateSubject',
    });
    expect(result.xml).toContain('<ds:SignatureValue>');
    const file = `${tempDir('e2e-xades-')}/signed.xml`;
    writeFileSync(file, result.xml, 'utf8');
    const xmlsec = await xmlsecVerify(file);
    removeTempDirs();
    expect(xmlsec.output).toContain('OK');
    expect(xmlsec.ok).toBe(true);
  });
});

describe('the login signature in the offscreen document (issue 15)', () => {
  it('signs with the key the store keeps, in a document the worker opened; a page cannot call it', async () => {
    const challenge = '20261124-CR-0123456789-ABCDEF0123-5A';
    const result = await ext.sw.evaluate(
      async ({ keyPem, certPem, password, challenge }) => {
        const dev = (globalThis as any).__ksefPilotDev;
        const store = dev.store.createStore();
        const { certificate, privateKey } = await dev.pki.loadCredentials({ certificate: certPem, privateKey: keyPem, password });
        const nip = certificate.identifier.value;
        await store.saveProfile({ id: 'offscreen-e2e', name: 'Offscreen', nip, environment: 'test', preferences: dev.store.defaultPreferences(new Date()) });
        await store.saveCredentials('offscreen-e2e', { certificate, privateKey });
        store.close();
        const xml: string = await dev.heavy.sign({
          key: { profileId: 'offscreen-e2e', source: 'credentials' },
          challenge,
          contextIdentifier: { type: 'Nip', value: nip },
          subjectIdentifierType: 'certificateSubject',
          signingTime: new Date(Date.now() - 60_000).toISOString(),
        });
        const verification = await dev.xades.verifyXadesSignature(xml);
        const contexts = await (globalThis as any).chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] });
        return { valid: verification.valid, challenge: verification.request?.challenge, documents: contexts.map((c: { documentUrl: string }) => new URL(c.documentUrl).pathname) };
      },
      { keyPem, certPem, password, challenge },
    );
    expect(result).toEqual({ valid: true, challenge, documents: ['/offscreen.html'] });

    // A page's message in the offscreen document's own form: the document answers the worker only, so no
    // signature (nor any answer of the document's) comes back.
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/popup.html`);
    const answer = await page.evaluate(async (challenge) => {
      const call = { op: 'sign', key: { profileId: 'offscreen-e2e', source: 'credentials' }, challenge, contextIdentifier: { type: 'Nip', value: '0000000000' }, subjectIdentifierType: 'certificateSubject', signingTime: new Date().toISOString() };
      return (globalThis as any).chrome.runtime.sendMessage({ target: 'kp-offscreen', call }).then((a: unknown) => JSON.stringify(a ?? null), (e: Error) => `error: ${e.message}`);
    }, challenge);
    expect(answer).not.toContain('<?xml');
    expect(answer).not.toMatch(/"ok":true/);
    await page.close();
  });
});
