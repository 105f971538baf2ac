// lib/setup: the options page's use cases, testable in Node (review structure-2026-12 §9). The page renders;
// these decide. checkCertificateFiles (./check-files) is not re-exported: it pulls lib/pki and the page loads
// it on demand, when files are chosen.
export { DEFAULT_SIMULATOR_URL, baseUrlValid, canSaveCertificate, canSavePreferences, draftFromProfile, emptyDraft,
  offeredEnvironments, type OrganisationDraft } from './form-rules';
export { checkPassed, classifyFile, filesSwapped, hasFiles } from './chosen-files';
export type { ChosenFiles, LocalCheck } from './chosen-files';
export { profileInput, saveProfileOnly, saveProfileWithCredentials } from './save-profile';
export { deleteProfile, fetchOlderInvoices, verifyProfile } from './requests';
export { canSaveOrganisation, longDay, monthBefore, olderFromValid, setupStep, SETUP_STEPS, type SetupStep } from './steps';
export { logEntryView, type LogEntryView } from './log-view';
export type { Send } from './requests';
