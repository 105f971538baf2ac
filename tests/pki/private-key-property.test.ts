// Property tests with fixed seeds (fast-check prints the seed and the shrunk counterexample on failure):
// mutated key files never produce anything but a key or a PkiError, and wrong passwords are always
// WRONG_PASSWORD — including the ~1 in 256 whose AES-CBC padding happens to look valid.
import { createDecipheriv, pbkdf2Sync } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPkiError } from '../../lib/pki/errors';
import { readPrivateKey } from '../../lib/pki/private-key';
import { PASSWORD, fixture, flatTlvs, pemDer } from './key-fixtures';

const SEED = 20260524;

const SOURCES: Array<{ name: string; bytes: Uint8Array }> = [
  { name: 'ec-pbes2-iter1.key (PEM)', bytes: fixture('ec-pbes2-iter1.key') },
  { name: 'ec-pbes2-iter1.key (DER)', bytes: pemDer('ec-pbes2-iter1.key') },
  { name: 'person-tinpl-ec.key (DER, 2048 rounds)', bytes: pemDer('person-tinpl-ec.key') },
  { name: 'ec-pkcs8-plain.der', bytes: fixture('ec-pkcs8-plain.der') },
  { name: 'ec-sec1.der', bytes: fixture('ec-sec1.der') },
  { name: 'ec-sec1-with-params.pem', bytes: fixture('ec-sec1-with-params.pem') },
  { name: 'rsa-pkcs1.der', bytes: fixture('rsa-pkcs1.der') },
  { name: 'rsa-pkcs8-plain.pem', bytes: fixture('rsa-pkcs8-plain.pem') },
  { name: 'ec-bundle.p12', bytes: fixture('ec-bundle.p12') },
];

type Mutation =
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'set'; at: number; value: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'delete'; at: number; count: number }
  | { kind: 'truncate'; at: number };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 16 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);

function mutate(input: Uint8Array, mutations: Mutation[]): Uint8Array {
  let b = Array.from(input);
  for (const m of mutations) {
    const at = b.length === 0 ? 0 : m.at % b.length;
    if (m.kind === 'flip' && b.length) b[at] = b[at]! ^ (1 << m.bit);
    else if (m.kind === 'set' && b.length) b[at] = m.value;
    else if (m.kind === 'insert') b.splice(at, 0, ...m.bytes);
    else if (m.kind === 'delete') b.splice(at, m.count);
    else if (m.kind === 'truncate') b = b.slice(0, at);
  }
  return new Uint8Array(b);
}

describe('readPrivateKey under mutation', () => {
  it(`returns a signing key or a PkiError for 2000 mutated key files (seed ${SEED})`, async () => {
    const outcomes = { key: 0, error: 0 };
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: SOURCES.length - 1 }),
        fc.array(mutationArb, { minLength: 1, maxLength: 4 }),
        async (source, mutations) => {
          const input = mutate(SOURCES[source]!.bytes, mutations);
          try {
            const key = await readPrivateKey(input, PASSWORD);
            expect(key.extractable).toBe(false);
            expect(key.usages).toEqual(['sign']);
            outcomes.key++;
          } catch (e) {
            if (!isPkiError(e)) throw new Error(`${SOURCES[source]!.name}: not a PkiError: ${String(e)}`);
            expect(e.message.length).toBeGreaterThan(0);
            outcomes.error++;
          }
        },
      ),
      { seed: SEED, numRuns: 2000 },
    );
    // Both paths were exercised: some mutations are harmless (e.g. in PEM text around the base64).
    expect(outcomes.key).toBeGreaterThan(0);
    expect(outcomes.error).toBeGreaterThan(1000);
  }, 120_000);
});

describe('readPrivateKey with wrong passwords', () => {
  const fields = flatTlvs(pemDer('ec-pbes2-iter1.key'));
  const octets = fields.filter((f) => f.tag === 0x04);
  const [salt, iv, body] = [octets[0]!.content, octets[1]!.content, octets[2]!.content];

  /** Whether node:crypto finds valid PKCS#7 padding for this password (the case a naive reader mislabels). */
  function paddingLooksValid(password: string): boolean {
    const d = createDecipheriv('aes-256-cbc', pbkdf2Sync(Buffer.from(password), salt, 1, 32, 'sha256'), iv);
    try {
      Buffer.concat([d.update(body), d.final()]);
      return true;
    } catch {
      return false;
    }
  }

  it(`says WRONG_PASSWORD for 2000 random wrong passwords on a one-round key (seed ${SEED})`, async () => {
    const forms = new Set([PASSWORD.normalize('NFC'), PASSWORD.normalize('NFD')]);
    let validPadding = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ minLength: 1, maxLength: 32 }),
          fc.string({ unit: 'grapheme', minLength: 1, maxLength: 16 }),
          fc.string({ unit: 'binary', minLength: 1, maxLength: 16 }),
          fc.constantFrom(...'ąćęłńóśźżĄĆĘŁŃÓŚŹŻ').chain((c) => fc.string({ minLength: 0, maxLength: 12 }).map((s) => c + s)),
        ),
        async (password) => {
          fc.pre(!forms.has(password.normalize('NFC')) && !forms.has(password.normalize('NFD')));
          if ([password, password.normalize('NFC'), password.normalize('NFD')].some(paddingLooksValid)) validPadding++;
          let code: string | undefined;
          try {
            await readPrivateKey(fixture('ec-pbes2-iter1.key'), password);
          } catch (e) {
            code = isPkiError(e) ? e.code : `not a PkiError: ${String(e)}`;
          }
          expect(code).toBe('WRONG_PASSWORD');
        },
      ),
      { seed: SEED, numRuns: 2000 },
    );
    // With about 1 in 256 per derivation, 2000 passwords must have hit the valid-padding case.
    expect(validPadding).toBeGreaterThan(0);
  }, 120_000);
});
