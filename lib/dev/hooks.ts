// Test hooks for end-to-end tests in Chromium: the development build's service worker exposes lib's public
// functions on globalThis so Playwright's `sw.evaluate` can drive them. Production builds never call this
// (entrypoints/background.ts guards it with import.meta.env.MODE), and tests/e2e/build.e2e.ts checks the
// release bundle.
import * as pki from '../pki';
import * as xades from '../xades';
import * as store from '../store';
import { getProfileStatus } from '../views/profile-status';

export const DEV_HOOKS_GLOBAL = '__ksefPilotDev';

export function installDevHooks(target: Record<string, unknown>, extra: Record<string, unknown> = {}): void {
  target[DEV_HOOKS_GLOBAL] = { pki, xades, store, getProfileStatus, ...extra };
}
