// The release build talks to KSeF only: a profile pointing at the simulator (tests/ksef-sim) is refused when
// it is saved (lib/store/profiles.ts) and when it would be used (lib/auth/login-context.ts ksefTargetOf),
// besides the release manifest granting no loopback host and its CSP no loopback connect-src
// (lib/platform/csp.ts). Vite writes `import.meta.env.MODE` into the bundle at build time: 'production' in
// the release build, 'development' in the development build; vitest says 'test' and plain Node has none.
import { catalogError, errorGuard } from '../core/errors';
import { t } from '../i18n/shared';

/** True in the build users install (read at each call, so a test can stub the mode). */
export function isReleaseBuild(): boolean {
  return import.meta.env?.MODE === 'production';
}

export const BUILD_ERROR_CODES = ['SIMULATOR_IN_RELEASE'] as const;
export type BuildErrorCode = (typeof BUILD_ERROR_CODES)[number];

/** Something this build does not do; the message says what to use instead. */
export class BuildError extends catalogError('BuildError', BUILD_ERROR_CODES, (lang, code) => t(lang, `msg_error_${code}`)) {}

export const isBuildError = errorGuard<BuildError>('BuildError', BUILD_ERROR_CODES);

/** Throws BuildError SIMULATOR_IN_RELEASE for the simulator in a release build (`release` for tests). */
export function refuseSimulatorInRelease(environment: string, release: boolean = isReleaseBuild()): void {
  if (release && environment === 'simulator') throw new BuildError('SIMULATOR_IN_RELEASE');
}
