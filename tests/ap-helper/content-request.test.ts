// The worker accepts from content scripts only `openSetup` from an Aplikacja Podatnika page of the same
// environment (issue 13; DESIGN.md Security rules). Everything else is refused, with the reason.
import { describe, expect, it, vi } from 'vitest';
import { parseContentRequest, requestSchema } from '../../lib/messages';
import { answerContentScript, createApHandoff } from '../../lib/worker/ap-handoff';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;
const AP_TEST = { id: ID, url: 'https://ap-test.ksef.mf.gov.pl/web/certyfikaty' };

describe('parseContentRequest', () => {
  it.each([
    ['openSetup with a confirmed NIP', { type: 'openSetup', environment: 'test', nip: '5265877635' }, AP_TEST],
    ['openSetup without a NIP', { type: 'openSetup', environment: 'test' }, AP_TEST],
    ['openSetup from production', { type: 'openSetup', environment: 'production' }, { id: ID, url: 'https://ap.ksef.mf.gov.pl/' }],
    ['openSetup from a legacy host', { type: 'openSetup', environment: 'test' }, { id: ID, url: 'https://web2te-ksef.mf.gov.pl/web/' }],
  ])('accepts %s', (_name, message, sender) => {
    expect(parseContentRequest(message, sender, ID)).toEqual({ ok: true, request: message });
  });

  it.each([
    ['another extension', { type: 'openSetup', environment: 'test' }, { ...AP_TEST, id: 'other' }, 'NOT_OUR_EXTENSION'],
    ['no extension id known', { type: 'openSetup', environment: 'test' }, AP_TEST, 'NOT_OUR_EXTENSION', ''],
    ['a page that is not AP', { type: 'openSetup', environment: 'test' }, { id: ID, url: 'https://example.org/' }, 'NOT_AP_PAGE'],
    ['an AP look-alike host', { type: 'openSetup', environment: 'test' }, { id: ID, url: 'https://ap-test.ksef.mf.gov.pl.evil.example/' }, 'NOT_AP_PAGE'],
    ['plain http', { type: 'openSetup', environment: 'test' }, { id: ID, url: 'http://ap-test.ksef.mf.gov.pl/' }, 'NOT_AP_PAGE'],
    ['another environment than the page', { type: 'openSetup', environment: 'production' }, AP_TEST, 'NOT_AP_PAGE'],
    ['a sender without a URL', { type: 'openSetup', environment: 'test' }, { id: ID }, 'NOT_AP_PAGE'],
    ['the page protocol (ping)', { type: 'ping' }, AP_TEST, 'NOT_ALLOWED'],
    ['the page protocol (deleteProfile)', { type: 'deleteProfile', profileId: 'p1' }, AP_TEST, 'NOT_ALLOWED'],
    ['the page protocol (syncNow)', { type: 'syncNow' }, AP_TEST, 'NOT_ALLOWED'],
    ['extra fields', { type: 'openSetup', environment: 'test', url: 'https://evil.example' }, AP_TEST, 'NOT_ALLOWED'],
    ['a NIP with a wrong check digit', { type: 'openSetup', environment: 'test', nip: '5265877636' }, AP_TEST, 'NOT_ALLOWED'],
    ['the simulator', { type: 'openSetup', environment: 'simulator' }, AP_TEST, 'NOT_ALLOWED'],
    ['not an object', 'openSetup', AP_TEST, 'NOT_ALLOWED'],
  ])('refuses %s', (_name, message, sender, reason, id = ID) => {
    expect(parseContentRequest(message, sender, id)).toEqual({ ok: false, reason });
  });

  it('is a schema apart from the page protocol', () => {
    expect(requestSchema().safeParse({ type: 'openSetup', environment: 'test' }).success).toBe(false);
  });
});

describe('answerContentScript', () => {
  const setup = () => {
    const openTab = vi.fn(async (_path: string) => undefined);
    return { openTab, handlers: createApHandoff(openTab) };
  };

  it('opens the options page on the certificate step with the environment and NIP', async () => {
    const { openTab, handlers } = setup();
    const answer = await answerContentScript({ type: 'openSetup', environment: 'test', nip: '5265877635' }, AP_TEST, ID, ORIGIN, handlers);
    expect(answer).toEqual({ ok: true, result: { opened: 'options.html?setup=certificate&env=test&nip=5265877635' } });
    expect(openTab).toHaveBeenCalledWith('options.html?setup=certificate&env=test&nip=5265877635');
  });

  it('refuses anything else with CONTENT_REQUEST_REFUSED and its reason, and does nothing', async () => {
    const { openTab, handlers } = setup();
    const answer = await answerContentScript({ type: 'deleteProfile', profileId: 'p1' }, AP_TEST, ID, ORIGIN, handlers);
    expect(answer).toEqual({
      ok: false,
      error: {
        code: 'CONTENT_REQUEST_REFUSED',
        message: 'Pomocnik na stronie Aplikacji Podatnika poprosił o coś, czego KSeF Pilot nie wykonuje. Nic nie zostało zmienione.',
        messageEn: 'The helper on the Aplikacja Podatnika page asked for something KSeF Pilot does not do. Nothing was changed.',
        data: { reason: 'NOT_ALLOWED' },
      },
    });
    expect(openTab).not.toHaveBeenCalled();
  });

  it("leaves the extension's own pages to the page protocol", () => {
    const { handlers } = setup();
    expect(answerContentScript({ type: 'openSetup', environment: 'test' }, { id: ID, url: `${ORIGIN}popup.html` }, ID, ORIGIN, handlers)).toBeUndefined();
    expect(answerContentScript({ type: 'openSetup', environment: 'test' }, { id: ID }, ID, ORIGIN, handlers)).toBeUndefined();
  });

  it('passes a failure to open the tab back as a coded error', async () => {
    const handlers = createApHandoff(async () => {
      throw Object.assign(new Error('Nie można otworzyć karty.'), { code: 'TAB_FAILED' });
    });
    const answer = await answerContentScript({ type: 'openSetup', environment: 'demo' }, { id: ID, url: 'https://ap-demo.ksef.mf.gov.pl/' }, ID, ORIGIN, handlers);
    expect(answer).toEqual({ ok: false, error: { code: 'TAB_FAILED', message: 'Nie można otworzyć karty.' } });
  });
});
