// Failures of the worker's own requests (not of a sync): a stable code and both languages (STYLE rules 8–10).
import { t, type Lang, type MessageKey } from '../i18n/worker';
import { catalogError, errorGuard } from '../core/errors';

export const WORKER_ERROR_CODES = ['NOT_AVAILABLE'] as const;
export type WorkerErrorCode = (typeof WORKER_ERROR_CODES)[number];

const workerErrorMessage = (lang: Lang, code: WorkerErrorCode) => t(lang, `worker_error_${code}` as MessageKey);

export class WorkerError extends catalogError('WorkerError', WORKER_ERROR_CODES, workerErrorMessage) {
  /** No `data`: none of its messages names a value. */
  constructor(code: WorkerErrorCode, options?: { cause?: unknown }) {
    super(code, {}, options);
  }
}

export const isWorkerError = errorGuard<WorkerError>('WorkerError', WORKER_ERROR_CODES);
