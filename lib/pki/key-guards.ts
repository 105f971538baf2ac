// Argument checks, the catch-all error mapping and buffer wiping shared by the key readers.
import { PkiError, isPkiError } from './errors';
import type { DecodedInput } from './pem';

export function checkInputArgument(input: unknown, name: string): void {
  if (typeof input !== 'string' && !(input instanceof Uint8Array) && !(input instanceof ArrayBuffer)) {
    throw new TypeError(`"${name}" must be a string, a Uint8Array or an ArrayBuffer`);
  }
}

export function checkPasswordArgument(password: unknown, optional: boolean): void {
  if (typeof password === 'string' || (optional && password === undefined)) return;
  throw new TypeError(`"password" must be a string${optional ? ' or undefined' : ''}`);
}

/** Parser and WebCrypto failures that escaped the mapping become CORRUPT_FILE, never bare exceptions. */
export async function mapUnexpected<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (isPkiError(e)) throw e;
    throw new PkiError('CORRUPT_FILE', { detail: 'unreadable structure' }, { cause: e });
  }
}

export function wipeDecoded(decoded: DecodedInput): void {
  if (decoded.kind === 'der') decoded.der.fill(0);
  else for (const block of decoded.blocks) block.der.fill(0);
}
