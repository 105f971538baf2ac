// Issue 16 finding 1: npm start's browser launcher (scripts/launch-chromium.mjs) opens Chromium on about:blank,
// waits for the extension and only then shows the options page, never Chromium's "ERR_BLOCKED_BY_CLIENT" page.
// Run headless, twice on one profile (the second run is npm start's usual case: the profile exists).
// The first screen npm start shows: test-results/screenshots/npm-start-options.png.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR, screenshotPath } from './launch';

const run = promisify(execFile);
const profile = mkdtempSync(path.join(tmpdir(), 'ksef-pilot-start-'));
const logFile = path.join(profile, 'chromium.log');
afterAll(() => rmSync(profile, { recursive: true, force: true }));

async function launch(screenshot?: string) {
  const { stdout: id } = await run('node', ['scripts/extension-id.mjs', EXTENSION_DIR]);
  const { stdout } = await run('node', [
    'scripts/launch-chromium.mjs', '--extension', EXTENSION_DIR, '--extension-id', id.trim(), '--user-data-dir', path.join(profile, 'chromium'),
    '--log', logFile, '--headless', ...(screenshot ? ['--screenshot', screenshot] : []),
  ], { timeout: 80_000 });
  return { id: id.trim(), page: JSON.parse(stdout.trim().split('\n').at(-1)!) as { ok: boolean; url: string; title: string; text: string } };
}

describe('npm start opens the options page once the extension has loaded', () => {
  it('shows the options page, not an error page, on a new and on a reused profile; Chromium\'s output goes to the log', async () => {
    mkdirSync(path.dirname(screenshotPath('x')), { recursive: true });
    for (const shot of [screenshotPath('npm-start-options'), undefined]) {
      const { id, page } = await launch(shot);
      expect(page).toMatchObject({ ok: true, url: `chrome-extension://${id}/options.html`, title: expect.stringMatching(/^KSeF Pilot/) });
      expect(page.text).not.toContain('ERR_BLOCKED_BY_CLIENT');
      expect(page.text).toContain('KSeF Pilot');
    }
    // Chromium's own messages (the Debian wrapper, dbus) are in the log file, not on npm start's terminal.
    expect(readFileSync(logFile, 'utf8').length).toBeGreaterThan(0);
  });
});
