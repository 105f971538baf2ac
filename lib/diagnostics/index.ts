// lib/diagnostics: what is wrong and what the user should do, in words a user understands (DESIGN.md).
// Only what other modules use is exported. Pages import the single files they need (verdict.ts, format.ts,
// system-warnings.ts) and load diagnose.ts on demand: it reaches lib/pki (issue 11).
export type { Verdict } from './verdict';
export { verifyProfile } from './verify';
export type { VerifyReport } from './verify';
export { createSystemWarningLog } from './system-warnings';
