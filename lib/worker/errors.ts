// Failures of the worker's own requests (not of a sync): a stable code and both languages (STYLE rules 8–10).
import { t, type MessageKey } from '../i18n/worker';
import { errorGuard, KsefPilotError } from '../core/errors';

export const WORKER_ERROR_CODES = ['NOT_AVAILABLE'] as const;
export type WorkerErrorCode = (typeof WORKER_ERROR_CODES)[number];

export class WorkerError extends KsefPilotError<WorkerErrorCode> {
  override readonly name = 'WorkerError';
  declare readonly messageEn: string;

  constructor(code: WorkerErrorCode, options?: { cause?: unknown }) {
    super(code, (lang) => t(lang, `worker_error_${code}` as MessageKey), {}, options);
  }
}

export const isWorkerError = errorGuard<WorkerError>('WorkerError', WORKER_ERROR_CODES);
