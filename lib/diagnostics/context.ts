/** What the diagnosis knows about the profile and its certificate, to name them in the sentences. */
export interface DiagnosisContext {
  /** The organisation's (login context) NIP. */
  organizationNip?: string;
  /** The profile's environment: test, demo, production or simulator. */
  environment?: string;
  /** Whose certificate it is (NIP or PESEL), null when it names neither. */
  identifier?: { type: 'NIP' | 'PESEL'; value: string } | null;
  fingerprint?: string;
  notBefore?: Date;
  notAfter?: Date;
}

export function checkContext(context: unknown): DiagnosisContext {
  if (context === undefined) return {};
  if (typeof context !== 'object' || context === null) throw new TypeError('"context" must be an object');
  return context as DiagnosisContext;
}
