// Issue 16 finding 1: the README opens as a newcomer needs it: the title, one paragraph on what the extension
// is, exactly the two commands, then how to pin the icon (in Chromium's words).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('README.md top', () => {
  it('title, what it is, the two commands, pin the icon', () => {
    const blocks = readFileSync('README.md', 'utf8').split(/\n\s*\n/).slice(0, 4);
    expect(blocks[0]).toBe('# KSeF Pilot');
    expect(blocks[1]).toMatch(/^KSeF Pilot is a browser extension/);
    expect(blocks[1]).not.toContain('```');
    const commands = (blocks[2] ?? '').split('\n');
    expect(commands[0]).toBe('```sh');
    expect(commands.at(-1)).toBe('```');
    expect(commands.slice(1, -1).map((line) => line.replace(/\s+#.*$/, ''))).toEqual(['npm start', 'npm test']);
    expect(blocks[3]).toMatch(/^\*\*Pin the icon/);
    expect(blocks[3]).toContain('Extensions');
    expect(blocks[3]).toContain('puzzle piece');
  });
});
