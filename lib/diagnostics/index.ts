// lib/diagnostics: what is wrong and what the user should do, in words a user understands (DESIGN.md).
// context.ts, format.ts (but for the few helpers below) and login-progress.ts stay private: callers get
// verdicts and reports, not the wording or tracking machinery.
export { diagnose } from './diagnose';
export { findingVerdict } from './findings';
export type { DiagnosisContext } from './context';
export { catalogVerdict } from './verdict';
export type { Text, Verdict, VerdictData, VerdictSeverity } from './verdict';
export { verifyProfile, VERIFY_STEPS } from './verify';
export type { VerifyDeps, VerifyReport, VerifyStep, VerifyStepId, VerifyStepStatus } from './verify';
export { warsawDateTime, permissionName, PERMISSION_NAMES } from './format';
export {
  createSystemWarningLog,
  latestSystemWarnings,
  warningLogMessage,
  SYSTEM_WARNING_LOG_CODE,
  SYSTEM_WARNING_REPEAT_MS,
} from './system-warnings';
export type { LoggedSystemWarning, SystemWarningLogDeps } from './system-warnings';
export { systemWarningVerdict } from './warning-verdict';
