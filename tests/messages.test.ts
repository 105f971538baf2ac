import { describe, expect, it } from 'vitest';
import { acceptRequest, handleRequest } from '../lib/messages';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;

describe('acceptRequest', () => {
  it.each([
    ['another extension', { type: 'ping' }, { id: 'other', url: 'chrome-extension://other/popup.html' }],
    ['a content script (the web page URL)', { type: 'ping' }, { id: ID, url: 'https://ap.ksef.mf.gov.pl/web/', tab: { id: 1 } }],
    ['a sender without a URL', { type: 'ping' }, { id: ID }],
    ['a look-alike origin', { type: 'ping' }, { id: ID, url: `chrome-extension://${ID}x/popup.html` }],
    ['a web page origin', { type: 'ping' }, { id: ID, url: 'https://evil.example/' }],
    ['an unknown type', { type: 'deleteEverything' }, { id: ID, url: `${ORIGIN}popup.html` }],
    ['not an object', 'ping', { id: ID, url: `${ORIGIN}popup.html` }],
  ])('ignores %s', (_name, message, sender) => {
    expect(acceptRequest(message, sender, ID, ORIGIN)).toBeNull();
  });

  it('accepts an extension page opened in a tab (the options page is one)', () => {
    expect(acceptRequest({ type: 'ping' }, { id: ID, url: `${ORIGIN}options.html`, tab: { id: 7 } } as never, ID, ORIGIN)).toEqual({ type: 'ping' });
  });

  it('accepts a ping from the extension popup and answers it', async () => {
    const request = acceptRequest({ type: 'ping' }, { id: ID, url: `${ORIGIN}popup.html` }, ID, ORIGIN);
    expect(request).toEqual({ type: 'ping' });
    expect(await handleRequest(request!)).toEqual({ ok: true, result: { pong: true } });
  });
});
