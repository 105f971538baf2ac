// The helper's own catalog (lib/i18n/ap.ts): both languages hold the same keys, every step and warning the
// panel can name has its text, and no key is also in another catalog.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import pl from '../../lib/i18n/catalog/ap.pl.json';
import en from '../../lib/i18n/catalog/ap.en.json';
import { STEPS, TASKS } from '../../lib/ap-helper/steps';

const catalogDir = path.resolve(__dirname, '../../lib/i18n/catalog');

describe('the helper catalog', () => {
  it('has the same keys in Polish and English, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(pl).sort());
    const empty = [...Object.entries(pl), ...Object.entries(en)].filter(([, v]) => v.message.trim() === '');
    expect(empty).toEqual([]);
  });

  it('names every task, step, warning and environment', () => {
    const needed = [
      ...TASKS.map((task) => `ap_task_${task}`),
      ...STEPS.map((s) => `ap_step_${s.id}`),
      ...['offline_purpose', 'future_valid_from', 'key_not_downloaded'].map((w) => `ap_warn_${w}`),
      ...['test', 'demo', 'production'].map((e) => `ap_env_${e}`),
    ];
    expect(needed.filter((k) => !(k in pl))).toEqual([]);
  });

  it('keeps its keys out of the other catalogs', () => {
    const others = fs.readdirSync(catalogDir).filter((f) => f.endsWith('.pl.json') && f !== 'ap.pl.json');
    const clash = others.flatMap((f) => Object.keys(JSON.parse(fs.readFileSync(path.join(catalogDir, f), 'utf8'))).filter((k) => k in pl));
    expect(clash).toEqual([]);
  });

  it('quotes the page in its own words in both languages (the page is Polish)', () => {
    expect(pl.ap_step_c_purpose.message).toContain('„Uwierzytelnienie w systemie KSeF”');
    expect(en.ap_step_c_purpose.message).toContain('„Uwierzytelnienie w systemie KSeF”');
    expect(en.ap_step_p_grant.message).toContain('„Nadaj uprawnienia”');
  });
});
