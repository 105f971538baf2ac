import { describe, expect, it } from 'vitest';
import { normalizeLabel } from '../../lib/ap-helper/labels';
import { locate } from '../../lib/ap-helper/progress';
import { readMemory, writeMemory } from '../../lib/ap-helper/session-memory';
import type { StepId } from '../../lib/ap-helper/steps';
import { panelView } from '../../lib/ap-helper/view';

const where = (labels: string[], done: StepId[] = [], address = '/web/') =>
  locate({ labels: new Set(labels.map(normalizeLabel)), address }, new Set(done));

describe('panelView', () => {
  it('marks done, current and to-do steps, the active task, and orders the warnings', () => {
    const view = panelView({
      lang: 'pl', environment: 'test', collapsed: false, handoff: { phase: 'idle' },
      where: where(['Certyfikaty', 'Nazwa certyfikatu', 'Hasło', 'Generuj'], ['c_name']),
      warnings: new Set(['future_valid_from', 'key_not_downloaded']),
    });
    expect(view.mode).toBe('guided');
    expect(view.tasks.map((t) => [t.id, t.active])).toEqual([['permissions', false], ['certificate', true]]);
    const states = Object.fromEntries(view.tasks[1]!.steps.map((s) => [s.id, s.state]));
    expect(states).toMatchObject({ c_open: 'done', c_name: 'done', c_password: 'current', c_generate: 'todo' });
    expect(view.warnings).toEqual(['key_not_downloaded', 'future_valid_from']);
  });

  it('is a plain checklist when only the address is known', () => {
    const view = panelView({
      lang: 'en', environment: 'production', collapsed: true, handoff: { phase: 'idle' },
      where: where([], [], '/web/certyfikaty/nowy'), warnings: new Set(),
    });
    expect(view).toMatchObject({ mode: 'plain', collapsed: true, lang: 'en' });
  });
});

describe('session memory', () => {
  const storage = () => {
    const map = new Map<string, string>();
    return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), map };
  };

  it('round-trips and drops what it does not know', () => {
    const s = storage();
    writeMemory(s, { closed: true, collapsed: false, position: { x: 10, y: 20 }, done: ['c_name'], generated: true });
    expect(readMemory(s)).toEqual({ closed: true, collapsed: false, position: { x: 10, y: 20 }, done: ['c_name'], generated: true });
    s.map.set('ksefPilot.apHelper', JSON.stringify({ done: ['c_name', 'rm -rf'], position: { x: 'a' }, closed: 'yes' }));
    expect(readMemory(s)).toEqual({ closed: false, collapsed: false, done: ['c_name'], generated: false });
    s.map.set('ksefPilot.apHelper', '{');
    expect(readMemory(s).done).toEqual([]);
  });

  it('works without storage (a page that forbids it)', () => {
    expect(readMemory(undefined).closed).toBe(false);
    expect(() => writeMemory({ setItem: () => { throw new Error('QuotaExceededError'); } }, readMemory(undefined))).not.toThrow();
  });
});
