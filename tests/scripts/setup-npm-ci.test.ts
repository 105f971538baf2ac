// Issue 16 finding 1: npm start / npm test run `npm ci` only when node_modules does not hold what
// package-lock.json lists (scripts/setup.sh), also right after a plain `npm ci` that wrote no stamp of ours.
// The script runs on a copy in a temporary folder with a fake `npm` on PATH that records its calls.
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const lock = (version: string) => JSON.stringify({
  name: 'x', lockfileVersion: 3, packages: {
    '': { name: 'x' },
    'node_modules/a': { version },
    'node_modules/@esbuild/darwin-arm64': { version: '1.0.0', optional: true }, // another platform's: never installed
  },
});

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function project(wanted: string, installed: string | null, stamp?: 'current'): string {
  dir = mkdtempSync(path.join(tmpdir(), 'ksef-setup-'));
  mkdirSync(path.join(dir, 'scripts'));
  mkdirSync(path.join(dir, 'bin'));
  mkdirSync(path.join(dir, 'node_modules'));
  copyFileSync('scripts/setup.sh', path.join(dir, 'scripts/setup.sh'));
  writeFileSync(path.join(dir, 'package-lock.json'), lock(wanted));
  if (installed) writeFileSync(path.join(dir, 'node_modules/.package-lock.json'), lock(installed).replace(/,\s*"node_modules\/@esbuild[^}]*}/, ''));
  if (stamp) writeFileSync(path.join(dir, 'node_modules/.ksef-pilot-lock'), execFileSync('sha256sum', [path.join(dir, 'package-lock.json')]).toString().split(' ')[0] + '\n');
  writeFileSync(path.join(dir, 'bin/npm'), `#!/bin/sh\necho "npm $*" >> "${dir}/npm-calls"\n`);
  chmodSync(path.join(dir, 'bin/npm'), 0o755);
  return dir;
}

function setup(root: string): { output: string; npmCalls: string } {
  const output = execFileSync('bash', [path.join(root, 'scripts/setup.sh')], {
    env: { ...process.env, PATH: `${path.join(root, 'bin')}:${process.env.PATH}`, KSEF_PILOT_DEBS: 'openssl' },
  }).toString();
  const calls = path.join(root, 'npm-calls');
  return { output, npmCalls: existsSync(calls) ? readFileSync(calls, 'utf8') : '' };
}

describe('scripts/setup.sh: npm ci only when the lock file changed', () => {
  it('skips npm ci after a plain npm ci (npm\'s own record matches the lock) and writes its stamp', () => {
    const root = project('1.0.0', '1.0.0');
    expect(setup(root)).toEqual({ output: '', npmCalls: '' });
    expect(existsSync(path.join(root, 'node_modules/.ksef-pilot-lock'))).toBe(true);
  });

  it('skips npm ci when its stamp matches the lock', () => {
    expect(setup(project('1.0.0', null, 'current')).npmCalls).toBe('');
  });

  it('runs npm ci when the lock names another version than the one installed', () => {
    const { output, npmCalls } = setup(project('2.0.0', '1.0.0'));
    expect(npmCalls).toBe('npm ci --no-audit --no-fund --loglevel=error\n');
    expect(output).toContain('npm ci (package-lock.json changed since the last install)');
  });
});
