// Argument checks shared by the client methods (STYLE 13): a TypeError names the argument and the rule.

export function requireToken(name: string, value: unknown): string {
  if (typeof value !== 'string' || !/^[\x21-\x7e]+$/.test(value)) {
    throw new TypeError(`"${name}" must be a non-empty token without spaces`);
  }
  return value;
}

export function requireReference(name: string, value: unknown): string {
  if (typeof value !== 'string' || value.length !== 36 || !/^[\w-]+$/.test(value)) {
    throw new TypeError(`"${name}" must be a 36-character KSeF reference number`);
  }
  return value;
}

const KSEF_NUMBER = /^\d{10}-\d{8}-[0-9A-F]{6}-?[0-9A-F]{6}-[0-9A-F]{2}$/;

export function requireKsefNumber(name: string, value: unknown): string {
  if (typeof value !== 'string' || !KSEF_NUMBER.test(value)) {
    throw new TypeError(`"${name}" must be a KSeF number (NNNNNNNNNN-YYYYMMDD-XXXXXXXXXXXX-CC)`);
  }
  return value;
}

export function requireObject(name: string, value: unknown): object {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError(`"${name}" must be an object`);
  }
  return value;
}

export function requireIntegerIn(name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new TypeError(`"${name}" must be an integer from ${min} to ${max}`);
  }
  return value;
}
