// What the options form accepts before it lets the user save. The interval floor is lib/domain/limits.ts's,
// the same the store's record check and the scheduler use, so a profile the form accepts is one the store keeps.
import { isSecureApiUrl, type Environment } from '../domain/environments';
import { intervalAllowed } from '../domain/limits';
import { validateNip } from '../domain/nip';
import type { Preferences, Profile } from '../store';

/** Where the simulator listens by default (tests/ksef-sim; npm run sim). */
export const DEFAULT_SIMULATOR_URL = 'http://127.0.0.1:8787/v2';

/** The organisation part of the form as typed: the NIP as the user wrote it, not yet normalised. */
export interface OrganisationDraft {
  name: string;
  nipInput: string;
  environment: Environment;
  baseUrl: string;
}

export function emptyDraft(): OrganisationDraft {
  return { name: '', nipInput: '', environment: 'production', baseUrl: DEFAULT_SIMULATOR_URL };
}

export function draftFromProfile(profile: Profile): OrganisationDraft {
  return { name: profile.name, nipInput: profile.nip, environment: profile.environment, baseUrl: profile.baseUrl ?? DEFAULT_SIMULATOR_URL };
}

/**
 * The environments offered, production first (what most users set up); the simulator only where the build
 * may reach it, or where a profile already uses it.
 */
export function offeredEnvironments(allowSimulator: boolean): Environment[] {
  return ['production', 'demo', 'test', ...(allowSimulator ? (['simulator'] as const) : [])];
}

/** The simulator's address: HTTPS, or plain HTTP on loopback only (the development build's host permissions). */
export function baseUrlValid(url: string): boolean {
  try {
    return isSecureApiUrl(new URL(url));
  } catch {
    return false;
  }
}

/** A name, a NIP with a correct check digit, and for the simulator a usable address. */
export function organisationValid(draft: OrganisationDraft): boolean {
  return draft.name.trim() !== '' && validateNip(draft.nipInput).ok && (draft.environment !== 'simulator' || baseUrlValid(draft.baseUrl));
}

export function preferencesValid(preferences: Preferences, environment: Environment): boolean {
  return intervalAllowed(preferences.intervalMinutes, environment);
}

export interface SaveState {
  draft: OrganisationDraft;
  preferences: Preferences;
  /** The local check passed (lib/setup/check-files checkPassed). */
  checkPassed: boolean;
  /** A check is still running, or another action is under way. */
  busy: boolean;
}

/** "Zapisz certyfikat": everything valid, the pair proven, nothing running. */
export function canSaveCertificate(s: SaveState): boolean {
  return organisationValid(s.draft) && preferencesValid(s.preferences, s.draft.environment) && s.checkPassed && !s.busy;
}

/** "Zapisz ustawienia": an existing profile, a valid organisation and interval, nothing running. */
export function canSavePreferences(s: { profileId: string | null; draft: OrganisationDraft; preferences: Preferences; busy: boolean }): boolean {
  return s.profileId !== null && organisationValid(s.draft) && preferencesValid(s.preferences, s.draft.environment) && !s.busy;
}
