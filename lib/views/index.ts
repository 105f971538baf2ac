// lib/views: the read models the pages show, computed from the store alone (no worker code, no pkijs, no
// XML stack: pages import this barrel). Only what pages use is exported; tests import the files.
export { listProfileStatuses } from './profile-status';
export type { ProfileStatus, ProfileState } from './profile-status';
