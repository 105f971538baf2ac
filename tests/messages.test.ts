import { describe, expect, it } from 'vitest';
import { acceptRequest, dispatchRequest, sendRequest, toWireError, type RequestHandlers } from '../lib/messages';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;
const PAGE = { id: ID, url: `${ORIGIN}popup.html` };

describe('acceptRequest', () => {
  it.each([
    ['another extension', { type: 'ping' }, { id: 'other', url: 'chrome-extension://other/popup.html' }],
    ['a content script (the web page URL)', { type: 'ping' }, { id: ID, url: 'https://ap.ksef.mf.gov.pl/web/', tab: { id: 1 } }],
    ['a sender without a URL', { type: 'ping' }, { id: ID }],
    ['a look-alike origin', { type: 'ping' }, { id: ID, url: `chrome-extension://${ID}x/popup.html` }],
    ['a web page origin', { type: 'ping' }, { id: ID, url: 'https://evil.example/' }],
    ['an unknown type', { type: 'deleteEverything' }, PAGE],
    ['not an object', 'ping', PAGE],
    ['extra fields', { type: 'syncNow', profileId: 'a', password: 'x' }, PAGE],
    ['an empty key list', { type: 'setInvoiceState', keys: [], state: 'seen' }, PAGE],
    ['an unknown state', { type: 'setInvoiceState', keys: [{ profileId: 'p', ksefNumber: 'k' }], state: 'paid' }, PAGE],
  ])('ignores %s', (_name, message, sender) => {
    expect(acceptRequest(message, sender, ID, ORIGIN)).toBeNull();
  });

  it('accepts an extension page opened in a tab (the options page is one)', () => {
    const sender = { id: ID, url: `${ORIGIN}options.html`, tab: { id: 7 } } as never;
    expect(acceptRequest({ type: 'ping' }, sender, ID, ORIGIN)).toEqual({ type: 'ping' });
  });

  it('accepts every request type in its exact shape', () => {
    const key = { profileId: 'p1', ksefNumber: '5265877635-20250826-0100001AF629-AF' };
    for (const message of [
      { type: 'ping' },
      { type: 'profileSaved', profileId: 'p1' },
      { type: 'deleteProfile', profileId: 'p1' },
      { type: 'verifyProfile', profileId: 'p1' },
      { type: 'syncNow' },
      { type: 'syncNow', profileId: 'p1' },
      { type: 'setInvoiceState', keys: [key], state: 'booked' },
      { type: 'fetchInvoiceXml', key },
    ]) {
      expect(acceptRequest(message, PAGE, ID, ORIGIN)).toEqual(message);
    }
  });
});

describe('dispatchRequest and sendRequest', () => {
  const handlers = {
    ping: async () => ({ pong: true }),
    syncNow: async () => {
      throw Object.assign(new Error('Za dużo zapytań do KSeF.'), { code: 'RATE_LIMITED', messageEn: 'Too many requests to KSeF.' });
    },
    verifyProfile: async () => {
      throw new Error('internal detail that must not reach the page');
    },
  } as unknown as RequestHandlers;

  it('answers with the handler result', async () => {
    expect(await dispatchRequest({ type: 'ping' }, handlers)).toEqual({ ok: true, result: { pong: true } });
  });

  it('passes coded errors with their messages', async () => {
    expect(await dispatchRequest({ type: 'syncNow' }, handlers)).toEqual({
      ok: false,
      error: { code: 'RATE_LIMITED', message: 'Za dużo zapytań do KSeF.', messageEn: 'Too many requests to KSeF.' },
    });
  });

  it('hides uncoded errors behind UNEXPECTED', async () => {
    const response = await dispatchRequest({ type: 'verifyProfile', profileId: 'p' }, handlers);
    expect(response).toEqual({
      ok: false,
      error: {
        code: 'UNEXPECTED',
        message: 'Wystąpił nieoczekiwany błąd rozszerzenia. Spróbuj ponownie; jeśli błąd się powtarza, zgłoś go.',
        messageEn: 'An unexpected error occurred in the extension. Try again; if it keeps happening, report it.',
      },
    });
  });

  it('sendRequest unwraps results and rethrows coded errors', async () => {
    const send = (m: unknown) => dispatchRequest(m as never, handlers);
    expect(await sendRequest({ type: 'ping' }, send)).toEqual({ pong: true });
    await expect(sendRequest({ type: 'syncNow' }, send)).rejects.toMatchObject({ code: 'RATE_LIMITED', message: 'Za dużo zapytań do KSeF.' });
    await expect(sendRequest({ type: 'ping' }, async () => undefined)).rejects.toMatchObject({ code: 'NO_RESPONSE' });
  });

  it('toWireError keeps numeric KSeF codes as strings', () => {
    expect(toWireError(Object.assign(new Error('Podpis nieprawidłowy'), { code: 9105 }))).toEqual({ code: '9105', message: 'Podpis nieprawidłowy' });
  });
});
