// components/options: the pieces of the options page. They render and call lib (no network, no storage);
// entrypoints/options/App.tsx holds the state, the store and the messages to the worker.
export { CertificateCard } from './CertificateCard';
export type { CardCertificate } from './CertificateCard';
export { CertificateFiles } from './CertificateFiles';
export { DeleteProfile } from './DeleteProfile';
export { LocalChecks } from './LocalChecks';
export { OrganisationFields, baseUrlValid } from './OrganisationFields';
export type { OrganisationDraft } from './OrganisationFields';
export { PreferencesFields, intervalValid, minInterval } from './PreferencesFields';
export { ProfileList } from './ProfileList';
export { VerifyReportView } from './VerifyReportView';
export { checkLocally, classifyFile } from './local-check';
export type { ChosenFiles, LocalCheck, LocalCheckOptions } from './local-check';
