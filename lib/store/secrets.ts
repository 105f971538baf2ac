// "The password is never stored" (DESIGN.md, Security rules) enforced where records are written, not only
// promised: a field whose name reads like a password, PIN or secret is refused wherever it is nested.
import { StoreError } from './errors';

const SECRET_WORDS = new Set(['pass', 'password', 'passwd', 'passphrase', 'pwd', 'secret', 'pin', 'haslo', 'hasło']);

/** The words of a field name: camelCase, snake_case, kebab-case and digits split apart, lower-cased. */
function words(name: string): string[] {
  return name
    .replace(/([\p{Ll}\d])(\p{Lu})/gu, '$1 $2')
    .split(/[^\p{L}]+/u)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

/** True for names like `password`, `keyPassword`, `key_pass`, `PIN`, `clientSecret`; false for `pinned`. */
export function isSecretFieldName(name: string): boolean {
  return words(name).some((word) => SECRET_WORDS.has(word));
}

/** The dotted paths of every secret-looking field in `value` (plain objects and arrays only). */
export function findSecretFields(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => findSecretFields(item, `${path}[${i}]`));
  if (typeof value !== 'object' || value === null) return [];
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return []; // CryptoKey, Uint8Array, Date: no named fields
  return Object.entries(value).flatMap(([name, field]) => {
    const here = path ? `${path}.${name}` : name;
    return [...(isSecretFieldName(name) ? [here] : []), ...findSecretFields(field, here)];
  });
}

/** Throws SECRET_FIELD naming the fields (never their values) when `value` holds any. */
export function assertNoSecretFields(operation: string, value: unknown): void {
  const found = findSecretFields(value);
  if (found.length > 0) {
    throw new StoreError('SECRET_FIELD', `${operation}: refused fields ${found.join(', ')}: secrets are never stored`);
  }
}

const JWT = /\beyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*/g;
const PEM = /-----BEGIN [A-Z0-9 ]+-----[\s\S]*?(-----END [A-Z0-9 ]+-----|$)/g;
export const MAX_LOG_MESSAGE = 1000;

/** A log message without tokens (JWTs) or PEM blocks, at most MAX_LOG_MESSAGE characters. */
export function redactLogMessage(message: string): string {
  const redacted = message.replace(PEM, '[pem]').replace(JWT, '[token]');
  return redacted.length > MAX_LOG_MESSAGE ? `${redacted.slice(0, MAX_LOG_MESSAGE - 1)}…` : redacted;
}
