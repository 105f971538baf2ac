// Chrome's side of lib/worker/heavy.ts: the worker's HeavyWork done in an offscreen document (chrome.offscreen,
// permission "offscreen"), and that document's acceptance of the worker's calls. A service worker may not
// `import()`, so whatever it bundles it parses on every wake; the offscreen document loads the signature stack only
// when a login or an enrolment needs it (issue 15; review performance-2026-12 §5 option 2, §6).
// - Created on demand, one at a time (Chrome allows one per extension): concurrent callers share one creation.
// - Closed when idle, so it holds no memory between the weekly logins.
// - Its messages go out with chrome.runtime.sendMessage, which every extension page could hear: they carry a
//   target, only the offscreen document answers that target, and it answers only the extension's own worker.
//   The worker's own listener ignores the document (isOffscreenSender). No secret is in them (heavy.ts).
import { base64ToBytes, bytesToBase64 } from '../ksef/encoding';
import {
  certificateFromWire,
  certificateToWire,
  errorToWire,
  OFFSCREEN_TARGET,
  offscreenRequestSchema,
  readAnswer,
  type HeavyWork,
  type OffscreenAnswer,
  type OffscreenCall,
  type OffscreenRequest,
  type SendFileCheck,
} from '../worker/heavy';

/** The document's path in the build (entrypoints/offscreen/index.html). */
export const OFFSCREEN_PATH = 'offscreen.html';
/** Closed after this long without a call: a login's few signatures and an enrolment's steps fit well within it. */
export const OFFSCREEN_IDLE_MS = 30_000;

export interface OffscreenDeps {
  /** chrome.runtime.sendMessage. */
  sendMessage: (message: OffscreenRequest) => Promise<unknown>;
  /** Whether the document is open (chrome.runtime.getContexts: OFFSCREEN_DOCUMENT). */
  hasDocument: () => Promise<boolean>;
  /** chrome.offscreen.createDocument with this extension's document and reason. */
  createDocument: () => Promise<void>;
  closeDocument: () => Promise<void>;
  idleMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

/** What chrome.offscreen.createDocument is given: DOM_PARSER, since the work is parsing and signing XML. */
export function offscreenDocumentParams(url: string) {
  return { url, reasons: ['DOM_PARSER'], justification: 'Signs the KSeF login request (XAdES) and reads certificates.' };
}

export function createOffscreenHeavyWork(deps: OffscreenDeps): HeavyWork {
  const idleMs = deps.idleMs ?? OFFSCREEN_IDLE_MS;
  const setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = deps.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  let opening: Promise<void> | null = null;
  let pending = 0;
  let idle: unknown;

  function open(): Promise<void> {
    opening ??= (async () => {
      if (await deps.hasDocument()) return;
      try {
        await deps.createDocument();
      } catch (error) {
        // Another context of ours (an earlier worker's call) opened it meanwhile: that one serves as well.
        if (!(await deps.hasDocument())) throw error;
      }
    })().catch((error: unknown) => {
      opening = null;
      throw error;
    });
    return opening;
  }

  function closeWhenIdle() {
    if (pending > 0) return;
    idle = setTimer(() => {
      idle = undefined;
      if (pending > 0) return;
      opening = null;
      void deps.closeDocument().catch(() => undefined);
    }, idleMs);
  }

  async function call(body: OffscreenCall): Promise<unknown> {
    if (idle !== undefined) clearTimer(idle);
    idle = undefined;
    pending += 1;
    try {
      await open();
      const message: OffscreenRequest = { target: OFFSCREEN_TARGET, call: body };
      let answer: unknown;
      try {
        answer = await deps.sendMessage(message);
      } catch {
        // "Receiving end does not exist": the document was closed under us (or not yet listening). Once more.
        opening = null;
        await open();
        answer = await deps.sendMessage(message);
      }
      return readAnswer(answer);
    } finally {
      pending -= 1;
      closeWhenIdle();
    }
  }

  return {
    async sign(request) {
      const xml = await call({ op: 'sign', ...request, key: { ...request.key }, contextIdentifier: { ...request.contextIdentifier } });
      if (typeof xml !== 'string') throw new TypeError('the offscreen document answered with no signature');
      return xml;
    },
    async startEnrolment(profileId, pending, dn) {
      const { id, step, trigger, startedAt, updatedAt, replacing, certificateName } = pending;
      const csr = await call({ op: 'startEnrolment', profileId, pending: { id, step, trigger, startedAt, updatedAt, replacing, certificateName }, dn: { ...dn } });
      if (csr === null) return null;
      if (typeof csr !== 'string') throw new TypeError('the offscreen document answered with no CSR');
      return base64ToBytes(csr);
    },
    async checkIssued(request) {
      const answer = (await call({ op: 'checkIssued', ...request, certificate: bytesToBase64(request.certificate) })) as { certificate?: unknown; why?: unknown } | null;
      const why = answer?.why;
      if (why !== null && typeof why !== 'string') throw new TypeError('the offscreen document answered with no verdict');
      return { certificate: certificateFromWire(answer?.certificate), why };
    },
    async readCertificate(der) {
      return certificateFromWire(await call({ op: 'readCertificate', certificate: bytesToBase64(der) }));
    },
    async checkSendFile(request) {
      const answer = (await call({ op: 'checkSendFile', ...request })) as Partial<SendFileCheck> | null;
      if (typeof answer?.ok !== 'boolean' || !Array.isArray(answer.codes)) throw new TypeError('the offscreen document answered with no check');
      return { ok: answer.ok, codes: answer.codes.map(String), ...(answer.facts ? { facts: answer.facts } : {}) };
    },
  };
}

export interface MessageSenderInfo {
  id?: string;
  url?: string;
  tab?: unknown;
}

/** True for a message from the offscreen document: the worker's listener leaves it alone. */
export function isOffscreenSender(sender: MessageSenderInfo, extensionId: string, documentUrl: string): boolean {
  return sender.id === extensionId && typeof sender.url === 'string' && sender.url.split(/[?#]/)[0] === documentUrl;
}

/**
 * The offscreen document's gate: a call in the schema, from this extension's service worker and nothing else (not
 * a page, not a content script, not another extension). Anything else is null, and the document stays silent.
 */
export function acceptOffscreenRequest(message: unknown, sender: MessageSenderInfo, extensionId: string, workerUrl: string): OffscreenCall | null {
  if (sender.id !== extensionId || sender.tab !== undefined || sender.url !== workerUrl) return null;
  const parsed = offscreenRequestSchema().safeParse(message);
  return parsed.success ? parsed.data.call : null;
}

/** Runs one accepted call in this document; the answer is JSON (heavy.ts' wire form). */
export async function runOffscreenCall(call: OffscreenCall, work: HeavyWork): Promise<OffscreenAnswer> {
  try {
    switch (call.op) {
      case 'sign': {
        const { op: _op, ...request } = call;
        return { ok: true, value: await work.sign(request) };
      }
      case 'startEnrolment': {
        const csr = await work.startEnrolment(call.profileId, call.pending, call.dn as never);
        return { ok: true, value: csr ? bytesToBase64(csr) : null };
      }
      case 'checkIssued': {
        const { op: _op, certificate, ...rest } = call;
        const { certificate: info, why } = await work.checkIssued({ ...rest, certificate: base64ToBytes(certificate) });
        return { ok: true, value: { certificate: certificateToWire(info), why } };
      }
      case 'readCertificate':
        return { ok: true, value: certificateToWire(await work.readCertificate(base64ToBytes(call.certificate))) };
      case 'checkSendFile': {
        const { op: _op, ...request } = call;
        return { ok: true, value: await work.checkSendFile(request) };
      }
    }
  } catch (error) {
    return { ok: false, error: errorToWire(error) };
  }
}
