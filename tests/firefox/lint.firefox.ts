// Issue 16 finding 8: Mozilla's own check of the Firefox release build (web-ext lint, the linter addons.mozilla.org
// runs) finds no error, and the declared minimum Firefox versions cover every manifest key we use
// (data_collection_permissions: Firefox 140, Firefox for Android 142; wxt.config.ts).
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const RELEASE_DIR = path.resolve('.output/firefox-mv3');

interface LintMessage { code: string; message: string; file?: string }
interface LintReport { summary: { errors: number; warnings: number }; errors: LintMessage[]; warnings: LintMessage[] }

describe('web-ext lint of the Firefox release build', () => {
  it('has no errors and no manifest key newer than the declared minimum Firefox', async () => {
    if (!existsSync(path.join(RELEASE_DIR, 'manifest.json'))) {
      throw new Error(`No Firefox release build in ${RELEASE_DIR}: run "npx wxt build -b firefox --mv3" (npm test does).`);
    }
    // web-ext exits 1 when the linter finds errors; the JSON report is on stdout either way.
    const { stdout } = await promisify(execFile)('npx', ['web-ext', 'lint', '--source-dir', RELEASE_DIR, '--output', 'json', '--no-config-discovery'], { timeout: 170_000 })
      .catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
    const report = JSON.parse(stdout) as LintReport;
    expect(report.errors.map((e) => `${e.code} ${e.file ?? ''}: ${e.message}`)).toEqual([]);
    expect(report.warnings.filter((w) => /^KEY_.*UNSUPPORTED_BY_MIN_VERSION$/.test(w.code)).map((w) => w.message)).toEqual([]);

    const gecko = JSON.parse(readFileSync(path.join(RELEASE_DIR, 'manifest.json'), 'utf8')).browser_specific_settings;
    expect(gecko).toMatchObject({ gecko: { strict_min_version: '140.0' }, gecko_android: { strict_min_version: '142.0' } });
  }, 180_000); // the linter takes about 20 s on an idle 2-core machine and over 45 s on a busy one
});
