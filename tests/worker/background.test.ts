// RELIABILITY G10: every listener of the service worker is registered in the first turn of `main`, before
// anything is awaited, so the event that woke the worker is never missed (entrypoints/background.ts).
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import background from '../../entrypoints/background';

describe('entrypoints/background', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('registers message, alarm, startup, install and notification-click listeners synchronously', () => {
    const events = {
      'runtime.onMessage': fakeBrowser.runtime.onMessage,
      'alarms.onAlarm': fakeBrowser.alarms.onAlarm,
      'runtime.onStartup': fakeBrowser.runtime.onStartup,
      'runtime.onInstalled': fakeBrowser.runtime.onInstalled,
      'notifications.onClicked': fakeBrowser.notifications.onClicked,
    };
    const before = Object.fromEntries(Object.entries(events).map(([name, event]) => [name, event.hasListeners()]));
    const main = background.main as () => unknown;
    // `main` must not be async: what it returns is not a promise.
    expect(main()).toBeUndefined();
    const after = Object.fromEntries(Object.entries(events).map(([name, event]) => [name, event.hasListeners()]));
    expect(before).toEqual(Object.fromEntries(Object.keys(events).map((name) => [name, false])));
    expect(after).toEqual(Object.fromEntries(Object.keys(events).map((name) => [name, true])));
  });
});
