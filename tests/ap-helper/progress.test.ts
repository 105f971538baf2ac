// Where the user is, from the visible labels and the address (issue 13): the task, the current step, what the
// screen proves done, and what to point at.
import { describe, expect, it } from 'vitest';
import { normalizeLabel } from '../../lib/ap-helper/labels';
import { locate } from '../../lib/ap-helper/progress';
import type { StepId } from '../../lib/ap-helper/steps';

const page = (labels: string[], address = '/web/') => ({ labels: new Set(labels.map(normalizeLabel)), address });
const none = new Set<StepId>();
const MENU = ['Uprawnienia', 'Certyfikaty'];

describe('normalizeLabel', () => {
  it.each([
    ['  Nazwa certyfikatu: ', 'nazwa certyfikatu'],
    ['Hasło *', 'hasło'],
    ['Certyfikat\u00a0ważny   od', 'certyfikat ważny od'],
    ['NADAJ UPRAWNIENIE', 'nadaj uprawnienie'],
    ['x'.repeat(201), ''],
  ])('%j → %j', (text, label) => {
    expect(normalizeLabel(text)).toBe(label);
  });
});

describe('locate', () => {
  it('finds nothing on a page without the labels or a telling address', () => {
    expect(locate(page(['Faktury', 'Odśwież'], '/web/faktury'), none)).toMatchObject({ found: null, task: null, current: null, pointAt: null });
  });

  it('on the start screen starts with permissions and points at the menu', () => {
    expect(locate(page(MENU), none)).toMatchObject({
      found: 'labels', task: 'permissions', current: 'p_open', pointAt: { label: 'Uprawnienia', kind: 'button' },
    });
  });

  it('on the start screen moves to the certificate once the permissions are done', () => {
    const done = new Set<StepId>(['p_open', 'p_kind', 'p_subject', 'p_person', 'p_scope', 'p_grant']);
    expect(locate(page(MENU), done)).toMatchObject({ task: 'certificate', current: 'c_open', pointAt: { label: 'Certyfikaty' } });
  });

  it('on the permissions list points at "Nadaj uprawnienie"', () => {
    expect(locate(page([...MENU, 'Nadaj uprawnienie'], '/web/uprawnienia'), none)).toMatchObject({
      task: 'permissions', current: 'p_open', onScreen: ['p_open'], pointAt: { label: 'Nadaj uprawnienie', kind: 'button' },
    });
  });

  it('on the grant form counts the opening as done and points at the first field not done', () => {
    const labels = [...MENU, 'Rodzaj uprawnienia', 'Rodzaj podmiotu uprawnianego', 'PESEL', 'Imię', 'Nazwisko', 'wystawianie faktur', 'przeglądanie faktur', 'Nadaj uprawnienia'];
    const where = locate(page(labels), none);
    expect(where).toMatchObject({ task: 'permissions', current: 'p_kind', pointAt: { label: 'Rodzaj uprawnienia', kind: 'field' } });
    expect([...where.done]).toEqual(['p_open']);
    expect(locate(page(labels), new Set<StepId>(['p_kind', 'p_subject']))).toMatchObject({ current: 'p_person', pointAt: { label: 'PESEL' } });
  });

  it('on the certificate form follows the steps in order', () => {
    const labels = [...MENU, 'Nazwa certyfikatu', 'Hasło', 'Generuj', 'Przeznaczenie certyfikatu', 'Certyfikat ważny od', 'Wyślij wniosek o wydanie certyfikatu'];
    expect(locate(page(labels), none)).toMatchObject({ task: 'certificate', current: 'c_name' });
    expect(locate(page(labels), new Set<StepId>(['c_name', 'c_password']))).toMatchObject({ current: 'c_generate', pointAt: { label: 'Generuj', kind: 'button' } });
  });

  it('back on the certificate list after sending, points at "Odśwież", then "Pobierz certyfikat"', () => {
    const labels = [...MENU, 'Wnioskuj o certyfikat', 'Odśwież', 'Pobierz certyfikat'];
    const sent = new Set<StepId>(['c_open', 'c_name', 'c_password', 'c_generate', 'c_purpose', 'c_valid_from', 'c_send']);
    expect(locate(page(labels), sent)).toMatchObject({ current: 'c_refresh', pointAt: { label: 'Odśwież' } });
    expect(locate(page(labels), new Set([...sent, 'c_refresh' as const]))).toMatchObject({ current: 'c_download' });
    expect(locate(page(labels), new Set([...sent, 'c_refresh' as const, 'c_download' as const]))).toMatchObject({ current: null, pointAt: null });
  });

  it('does not take a common word alone ("Odśwież" on the invoice list) for a certificate step', () => {
    expect(locate(page([...MENU, 'Odśwież'], '/web/faktury'), none)).toMatchObject({ task: 'permissions', current: 'p_open', onScreen: [] });
  });

  it('with changed labels, knows the task from the address and shows a plain checklist', () => {
    expect(locate(page(['Moje klucze'], '/web/certyfikaty/wniosek'), none)).toMatchObject({
      found: 'address', task: 'certificate', current: 'c_open', pointAt: null,
    });
    expect(locate(page([], '/web/#/uprawnienia'), none)).toMatchObject({ found: 'address', task: 'permissions' });
  });
});
