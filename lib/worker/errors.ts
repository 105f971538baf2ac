// Failures of the worker's own requests (not of a sync): a stable code and both languages (STYLE rules 8–10).
import { t, type MessageKey } from '../i18n';

export type WorkerErrorCode = 'NOT_AVAILABLE';
export const WORKER_ERROR_CODES: readonly WorkerErrorCode[] = ['NOT_AVAILABLE'];

export class WorkerError extends Error {
  override readonly name = 'WorkerError';
  readonly code: WorkerErrorCode;
  readonly messageEn: string;

  constructor(code: WorkerErrorCode) {
    const key = `worker_error_${code}` as MessageKey;
    super(t('pl', key));
    this.code = code;
    this.messageEn = t('en', key);
  }
}
