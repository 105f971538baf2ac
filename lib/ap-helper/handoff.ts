// The hand-off from the Aplikacja Podatnika helper to the options page (SEAMS, "Names to use"):
// `options.html?setup=certificate&env=<test|demo|prod>&nip=<10 digits, optional>`. The worker formats it from the
// content script's `openSetup`; the options page parses it (entrypoints/options/useHandoff.ts). The URL names
// production `prod`, the code `production` (lib/domain/environments.ts): the mapping lives only here.
import { isKsefEnvironment, type KsefEnvironment } from '../domain/environments';
import { isValidNip } from '../domain/nip';

export interface Handoff {
  environment: KsefEnvironment;
  /** Only a NIP the user confirmed on the AP page, with a correct check digit. */
  nip?: string;
}

const URL_ENV: Readonly<Record<KsefEnvironment, string>> = { test: 'test', demo: 'demo', production: 'prod' };

/** The options page's path and query for a hand-off, relative to the extension's root. */
export function formatHandoffPath(handoff: Handoff): string {
  if (typeof handoff !== 'object' || handoff === null || !isKsefEnvironment(handoff.environment)) {
    throw new TypeError('"handoff.environment" must be test, demo or production');
  }
  if (handoff.nip !== undefined && !isValidNip(handoff.nip)) throw new TypeError('"handoff.nip" must be a valid NIP');
  const query = new URLSearchParams({ setup: 'certificate', env: URL_ENV[handoff.environment] });
  if (handoff.nip !== undefined) query.set('nip', handoff.nip);
  return `options.html?${query.toString()}`;
}

/**
 * The hand-off a page address carries, or null when it carries none. Anything odd is dropped rather than
 * trusted: an unknown `env` makes the whole hand-off void, a NIP that fails its checksum is left out.
 */
export function parseHandoff(search: string): Handoff | null {
  const query = new URLSearchParams(typeof search === 'string' ? search : '');
  if (query.get('setup') !== 'certificate') return null;
  const env = query.get('env');
  const environment = (Object.keys(URL_ENV) as KsefEnvironment[]).find((e) => URL_ENV[e] === env);
  if (!environment) return null;
  const nip = query.get('nip');
  return nip !== null && isValidNip(nip) ? { environment, nip } : { environment };
}
