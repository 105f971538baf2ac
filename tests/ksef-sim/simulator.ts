// startSimulator: builds the state from options, listens on 127.0.0.1 and hands back URLs, the admin API and stop().
import type { AddressInfo } from 'node:net';
import { verifyXadesSignature } from '../../lib/xades';
import { createAdminApi, type AdminApi } from './admin';
import { createCertificateState } from './certificates-model';
import { createClock } from './clock';
import { createFaults } from './faults';
import { createInvoiceStore, MAX_QUERY_RECORDS } from './invoices';
import { createSimKeys } from './keys';
import { createRng } from './random';
import { createRateLimiter, type BlockPolicy, type RateLimitTable } from './rate-limits';
import { createSimServer, type Exchange } from './server';
import { createInvoiceHooks } from './session-hooks';
import type { SimEnvironment, SimState, TokenLifetimes, XadesVerifier } from './state';
import { parseKsefDateTime } from './time';
import { tokenSecret } from './tokens';

export interface SimulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Same seed, same reference numbers, KSeF numbers and tokens, in the same order. Default 'ksef-sim'. */
  seed?: string | number;
  /** Which certificates are trusted (NOTES §4.2): 'test' accepts self-signed ones. Default 'test'. */
  environment?: SimEnvironment;
  /** Extra issuer DNs (RFC 4514, as lib/pki prints them) trusted in every environment. */
  trustedIssuers?: string[];
  /** Simulator time at start (default: real now). */
  now?: string | number | Date;
  /** Stop time from flowing: only the admin clock calls move it (deterministic tests). */
  freezeClock?: boolean;
  tokenLifetimes?: Partial<TokenLifetimes>;
  challengeTtlMs?: number;
  sessionTtlMs?: number;
  /** How far the high-water mark trails the clock; default 2000 ms ("slightly behind now", NOTES §13). */
  hwmLagMs?: number;
  authPendingPolls?: number;
  invoicePendingPolls?: number;
  sessionPendingPolls?: number;
  /** Invoices one online session accepts before 21155 (1…10 000, default 10 000 as KSeF, NOTES §8.4). */
  maxInvoicesPerSession?: number;
  upoPageSize?: number;
  /** Records one metadata filter set returns before `isTruncated` (1…10 000, default 10 000 as KSeF, NOTES §7.1). */
  maxQueryRecords?: number;
  /** `false` turns rate limiting off; a partial table overrides the production values of NOTES §9. */
  rateLimits?: Partial<RateLimitTable> | false;
  rateLimitBlock?: Partial<BlockPolicy>;
  /** Request body cap; default 5 MB. */
  maxBodyBytes?: number;
  xsdValidation?: 'auto' | 'off';
  rsaModulusLength?: number;
  /** Default: lib/xades verifyXadesSignature. */
  verifyXades?: XadesVerifier;
  /** Called after every /v2 answer (contract tests). */
  onExchange?: (exchange: Exchange) => void;
  log?: (line: string) => void;
}

export interface Simulator {
  /** `http://127.0.0.1:PORT` */
  url: string;
  /** `url + '/v2'`: what a client uses as its API base. */
  baseUrl: string;
  port: number;
  admin: AdminApi;
  state: SimState;
  stop(): Promise<void>;
}

const DEFAULT_LIFETIMES: TokenLifetimes = { authenticationMs: 45 * 60_000, accessMs: 15 * 60_000, refreshMs: 7 * 86_400_000 };

function nonNegativeInt(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 0) throw new TypeError(`"${name}" must be an integer ≥ 0`);
  return value;
}

function positiveMs(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) throw new TypeError(`"${name}" must be a positive number of milliseconds`);
  return value;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  if (typeof options !== 'object' || options === null) throw new TypeError('"options" must be an object');
  const port = nonNegativeInt('port', options.port, 0);
  if (port > 65_535) throw new TypeError('"port" must be at most 65535');
  const environment = options.environment ?? 'test';
  if (!['test', 'demo', 'production'].includes(environment)) throw new TypeError('"environment" must be test, demo or production');
  const seed = options.seed ?? 'ksef-sim';
  let start: number | undefined;
  if (options.now !== undefined) {
    start = options.now instanceof Date ? options.now.getTime() : typeof options.now === 'number' ? options.now : (parseKsefDateTime(options.now) ?? Number.NaN);
    if (!Number.isFinite(start) || start < 0 || start > Date.UTC(9999, 0, 1)) throw new TypeError('"now" must be a date');
  }
  const lifetimes = { ...DEFAULT_LIFETIMES, ...options.tokenLifetimes };
  for (const [name, value] of Object.entries(lifetimes)) positiveMs(`tokenLifetimes.${name}`, value, 1);
  const xsdValidation = options.xsdValidation ?? 'auto';
  if (xsdValidation !== 'auto' && xsdValidation !== 'off') throw new TypeError('"xsdValidation" must be auto or off');
  const upoPageSize = nonNegativeInt('upoPageSize', options.upoPageSize, 10_000);
  if (upoPageSize < 1 || upoPageSize > 10_000) throw new TypeError('"upoPageSize" must be from 1 to 10000');
  const maxInvoicesPerSession = nonNegativeInt('maxInvoicesPerSession', options.maxInvoicesPerSession, 10_000);
  if (maxInvoicesPerSession < 1 || maxInvoicesPerSession > 10_000) throw new TypeError('"maxInvoicesPerSession" must be from 1 to 10000');
  const maxQueryRecords = nonNegativeInt('maxQueryRecords', options.maxQueryRecords, MAX_QUERY_RECORDS);
  if (maxQueryRecords < 1 || maxQueryRecords > MAX_QUERY_RECORDS) throw new TypeError('"maxQueryRecords" must be from 1 to 10000');

  const clock = createClock({ start, frozen: options.freezeClock ?? false });
  const state: SimState = {
    options: {
      seed,
      environment,
      trustedIssuers: [...(options.trustedIssuers ?? [])],
      tokenLifetimes: lifetimes,
      challengeTtlMs: positiveMs('challengeTtlMs', options.challengeTtlMs, 10 * 60_000),
      sessionTtlMs: positiveMs('sessionTtlMs', options.sessionTtlMs, 12 * 3_600_000),
      authPendingPolls: nonNegativeInt('authPendingPolls', options.authPendingPolls, 1),
      invoicePendingPolls: nonNegativeInt('invoicePendingPolls', options.invoicePendingPolls, 1),
      sessionPendingPolls: nonNegativeInt('sessionPendingPolls', options.sessionPendingPolls, 1),
      maxInvoicesPerSession,
      upoPageSize,
      maxQueryRecords,
      maxBodyBytes: positiveMs('maxBodyBytes', options.maxBodyBytes, 5 * 1024 * 1024),
      xsdValidation,
    },
    clock,
    rng: createRng(seed),
    tokenSecret: tokenSecret(seed),
    keys: await createSimKeys(clock.now(), options.rsaModulusLength ?? 2048),
    verifyXades: options.verifyXades ?? verifyXadesSignature,
    rateLimiter: createRateLimiter(clock, {
      limits: options.rateLimits === false ? undefined : options.rateLimits,
      block: options.rateLimitBlock,
      enabled: options.rateLimits !== false,
    }),
    faults: createFaults(),
    invoiceHooks: createInvoiceHooks(),
    invoices: createInvoiceStore(),
    challenges: new Map(),
    authOperations: new Map(),
    grants: [],
    ksefTokens: new Map(),
    sessions: new Map(),
    downloads: new Map(),
    requestLog: [],
    certificates: createCertificateState(),
    hwmLagMs: nonNegativeInt('hwmLagMs', options.hwmLagMs, 2000),
    origin: '',
  };
  const admin = createAdminApi(state);
  const { server, stopTimers } = createSimServer(state, admin, { onExchange: options.onExchange, log: options.log });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = (server.address() as AddressInfo).port;
  state.origin = `http://127.0.0.1:${bound}`;
  let stopped: Promise<void> | null = null;
  return {
    url: state.origin,
    baseUrl: `${state.origin}/v2`,
    port: bound,
    admin,
    state,
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        stopTimers();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return stopped;
    },
  };
}
