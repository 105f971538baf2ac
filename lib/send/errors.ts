// Failures of sending that a page or an outbox item shows (issue 12): a stable code and the message in Polish
// and English from the catalog (STYLE rules 8–10). KSeF's rejections of an invoice are not errors but outcomes
// (engine/outcome.ts); these are what stopped us from getting an outcome, or refused a request.
import { t, type Lang, type MessageKey, type Params } from '../i18n/send';
import { catalogError, errorGuard } from '../core/errors';

export const SEND_ERROR_CODES = [
  'PROFILE_NOT_FOUND',
  'ITEM_NOT_FOUND',
  'NOT_REMOVABLE', // only a rejected or failed item may be removed
  'NOT_RETRYABLE', // only a failed item may be queued again
  'FILE_REFUSED', // the worker's own check of a file failed (size, seller NIP, already sent)
  'NO_PUBLIC_KEY', // KSeF publishes no SymmetricKeyEncryption key valid now (NOTES §8.1)
  'WAITING', // a KSeF limit or our budget: the outbox goes on by itself at `until`
  'NETWORK', // no answer from KSeF after several tries
  'KSEF_FAULT', // KSeF answered 5xx or its status 500/550 for the invoice
  'KSEF_REFUSED', // KSeF refused a request with 4xx (not an invoice outcome)
  'UNEXPECTED',
] as const;
export type SendErrorCode = (typeof SEND_ERROR_CODES)[number];

const sendErrorMessage = (lang: Lang, code: SendErrorCode, data: Params) => t(lang, `send_error_${code}` as MessageKey, data);

export class SendError extends catalogError('SendError', SEND_ERROR_CODES, sendErrorMessage) {}

export const isSendError = errorGuard<SendError>('SendError', SEND_ERROR_CODES);
