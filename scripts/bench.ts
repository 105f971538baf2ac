// Speed figures, written to bench-results/bench.json (never asserted in tests). Median of repeated runs.
import 'reflect-metadata';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { loadCredentials, readCertificate, readPrivateKey } from '../lib/pki';
import { signAuthTokenRequest, verifyXadesSignature } from '../lib/xades';

const FIX = 'tests/fixtures/pki';
const password: string = JSON.parse(readFileSync(`${FIX}/expected.json`, 'utf8')).password;

async function median(runs: number, fn: () => Promise<unknown>): Promise<{ medianMs: number; runs: number }> {
  await fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const mid = Math.floor(times.length / 2);
  const m = times.length % 2 ? times[mid]! : (times[mid - 1]! + times[mid]!) / 2;
  return { medianMs: Math.round(m * 1000) / 1000, runs };
}

const results: Record<string, unknown> = {
  date: new Date().toISOString(),
  node: process.version,
  note: 'Node.js WebCrypto on this machine; medians in milliseconds',
};

const pkiFigures: Record<string, unknown> = {};
for (const iterations of [2048, 100000, 600000]) {
  const pem = readFileSync(`${FIX}/bench-ec-iter-${iterations}.key`, 'utf8');
  pkiFigures[`readPrivateKey_ap_ec_p256_pbkdf2_${iterations}`] = await median(iterations > 100000 ? 5 : 15, () =>
    readPrivateKey(pem, password),
  );
}
const cert = readFileSync(`${FIX}/person-tinpl-ec.crt`, 'utf8');
pkiFigures.readCertificate_pem = await median(200, () => readCertificate(cert));
results.pki = pkiFigures;

const xadesFigures: Record<string, unknown> = {};
for (const [label, name] of [['ec_p256', 'person-tinpl-ec'], ['rsa_2048', 'person-rsa2048']] as const) {
  const { certificate, privateKey } = await loadCredentials({
    certificate: readFileSync(`${FIX}/${name}.crt`, 'utf8'),
    privateKey: readFileSync(`${FIX}/${name}.key`, 'utf8'),
    password,
  });
  const args = {
    challenge: '20261124-CR-0123456789-ABCDEF0123-4F',
    contextIdentifier: { type: 'Nip' as const, value: '5265877635' },
    subjectIdentifierType: 'certificateSubject' as const,
    certificate,
    privateKey,
  };
  // signAuthTokenRequest includes its own verification before returning (issue 3).
  xadesFigures[`signAuthTokenRequest_${label}`] = await median(30, () => signAuthTokenRequest(args));
  const signed = await signAuthTokenRequest(args);
  xadesFigures[`verifyXadesSignature_${label}`] = await median(30, () => verifyXadesSignature(signed));
}
results.xades = xadesFigures;

mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/bench.json', JSON.stringify(results, null, 2) + '\n');
console.log(JSON.stringify(results, null, 2));
