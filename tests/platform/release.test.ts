// The release build refuses a simulator profile (issue 14 point 4): on save (the store) and on use (the
// client target), with one coded error in Polish and English. vitest's mode is 'test'; stubbing MODE to
// 'production' is what Vite writes into the release bundle.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ksefTargetOf } from '../../lib/auth/login-context';
import { t } from '../../lib/i18n';
import { isBuildError, isReleaseBuild, refuseSimulatorInRelease } from '../../lib/platform/release';
import { freshStore, profileInput } from '../store/helpers';

const SIM = { environment: 'simulator' as const, baseUrl: 'http://127.0.0.1:8787/v2' };

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('refuseSimulatorInRelease', () => {
  it('refuses the simulator in a release build, saying so in Polish and English', () => {
    const error = thrown(() => refuseSimulatorInRelease('simulator', true)) as { code: string; message: string; messageEn: string };
    expect(isBuildError(error)).toBe(true);
    expect(error.code).toBe('SIMULATOR_IN_RELEASE');
    expect(error.message).toBe(t('pl', 'msg_error_SIMULATOR_IN_RELEASE'));
    expect(error.messageEn).toBe(t('en', 'msg_error_SIMULATOR_IN_RELEASE'));
    expect(error.message).toContain('symulator');
    expect(error.messageEn).toContain('simulator');
  });

  it('lets KSeF environments through in a release build, and the simulator elsewhere', () => {
    for (const environment of ['test', 'demo', 'production']) expect(() => refuseSimulatorInRelease(environment, true)).not.toThrow();
    expect(() => refuseSimulatorInRelease('simulator', false)).not.toThrow();
    expect(isReleaseBuild()).toBe(false);
  });
});

describe('in a release build (MODE production)', () => {
  it('the store does not save a simulator profile, and saves a KSeF one', async () => {
    vi.stubEnv('MODE', 'production');
    expect(isReleaseBuild()).toBe(true);
    const { store } = freshStore();
    await expect(store.saveProfile(profileInput('p1', SIM))).rejects.toMatchObject({ name: 'BuildError', code: 'SIMULATOR_IN_RELEASE' });
    expect(await store.listProfiles()).toEqual([]);
    await expect(store.saveProfile(profileInput('p2'))).resolves.toMatchObject({ id: 'p2', environment: 'test' });
  });

  it('a simulator profile already stored gets no client target', () => {
    vi.stubEnv('MODE', 'production');
    expect(isBuildError(thrown(() => ksefTargetOf(SIM)))).toBe(true);
    expect(ksefTargetOf({ environment: 'production' })).toEqual({ environment: 'production' });
  });

  it('the development build and tests keep the simulator', async () => {
    vi.stubEnv('MODE', 'development');
    expect(ksefTargetOf(SIM)).toEqual({ baseUrl: SIM.baseUrl });
    const { store } = freshStore();
    await expect(store.saveProfile(profileInput('p1', SIM))).resolves.toMatchObject({ environment: 'simulator' });
  });
});
