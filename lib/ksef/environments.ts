// Which API base a client talks to. The environments and their hosts are lib/domain/environments.ts (NOTES §1).
import { ENVIRONMENT_URLS, isKsefEnvironment, isSecureApiUrl, KSEF_ENVIRONMENTS, type KsefEnvironment } from '../domain/environments';

export { ENVIRONMENT_URLS, isKsefEnvironment, KSEF_ENVIRONMENTS, type EnvironmentUrls, type KsefEnvironment } from '../domain/environments';

export type KsefTarget = { environment: KsefEnvironment } | { baseUrl: string };

/**
 * The API base URL for a target, without a trailing slash. A custom `baseUrl` (the simulator: include its
 * `/v2` prefix) must be https, or plain http on a loopback host only, so a typo cannot send tokens in clear.
 */
export function resolveBaseUrl(target: KsefTarget): string {
  if (typeof target !== 'object' || target === null) {
    throw new TypeError('"target" must be { environment } or { baseUrl }');
  }
  if ('environment' in target) {
    if (!isKsefEnvironment(target.environment)) {
      throw new TypeError(`"environment" must be one of ${KSEF_ENVIRONMENTS.join(', ')}`);
    }
    return ENVIRONMENT_URLS[target.environment].apiBaseUrl;
  }
  const raw = (target as { baseUrl?: unknown }).baseUrl;
  let url: URL;
  try {
    url = new URL(String(raw));
  } catch {
    throw new TypeError('"baseUrl" must be an absolute URL');
  }
  const secure = isSecureApiUrl(url);
  if (!secure || url.search || url.hash || url.username || url.password) {
    throw new TypeError('"baseUrl" must be an https URL (or http on 127.0.0.1/localhost) without query or credentials');
  }
  return url.href.replace(/\/+$/, '');
}
