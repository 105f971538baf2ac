// components/options: the pieces of the options page. They render (no network, no storage); lib/setup decides
// what may be saved, and entrypoints/options holds the state and wires the store and the worker.
export { CertificateCard } from './CertificateCard';
export type { CardCertificate } from './CertificateCard';
export { CertificateFiles } from './CertificateFiles';
export { CertificateSection } from './CertificateSection';
export { DeleteProfile } from './DeleteProfile';
export { DeleteSection } from './DeleteSection';
export { DonePanel } from './DonePanel';
export { FirstSyncDate } from './FirstSyncDate';
export { LocalChecks } from './LocalChecks';
export { LogView } from './LogView';
export { OlderInvoices } from './OlderInvoices';
export { OptionsHeader } from './OptionsHeader';
export { OptionsNotice, type Notice } from './OptionsNotice';
export { OrganisationFields } from './OrganisationFields';
export { OrganisationSection } from './OrganisationSection';
export { PreferencesFields } from './PreferencesFields';
export { ProfileList } from './ProfileList';
export { SetupStepper } from './SetupStepper';
export { SyncStatusCard } from './SyncStatusCard';
export { VerifyReportView } from './VerifyReportView';
export { VerifySection } from './VerifySection';
export { SystemWarningsView } from './SystemWarningsView';
