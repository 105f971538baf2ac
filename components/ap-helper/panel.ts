// The helper's panel inside its shadow root (issue 13): renders lib/ap-helper's PanelView with plain DOM, since
// the content script must stay under 60 KB (React alone is larger). Renders only; every decision is in lib/ap-helper.
import { t, type MessageKey } from '@/lib/i18n/ap';
import { formatNip } from '@/lib/ap-helper/page-nip';
import type { PanelActions } from '@/lib/ap-helper/helper';
import type { PanelView } from '@/lib/ap-helper/view';
import { h } from './h';

function header(view: PanelView, actions: PanelActions): HTMLElement {
  const { lang } = view;
  return h('header', { class: 'kp-ap-head', title: t(lang, 'ap_move') }, [
    h('h2', { class: 'kp-ap-title', id: 'kp-ap-title' }, [t(lang, 'ap_title')]),
    h('button', {
      type: 'button', class: 'kp-ap-icon', 'data-key': 'collapse', 'aria-expanded': String(!view.collapsed),
      'aria-label': t(lang, view.collapsed ? 'ap_expand' : 'ap_collapse'), title: t(lang, view.collapsed ? 'ap_expand' : 'ap_collapse'),
      onclick: () => actions.toggleCollapsed(),
    }, [view.collapsed ? '▴' : '▾']),
    h('button', {
      type: 'button', class: 'kp-ap-icon', 'data-key': 'close', 'aria-label': t(lang, 'ap_close'), title: t(lang, 'ap_close'),
      onclick: () => actions.close(),
    }, ['×']),
  ]);
}

/** Each task folds: the active one is open, the other shows its heading and count until the user opens it. */
function tasks(view: PanelView, actions: PanelActions, opened: Set<string>): HTMLElement[] {
  const { lang } = view;
  const anyActive = view.tasks.some((task) => task.active);
  return view.tasks.map((task) => {
    const done = task.steps.filter((s) => s.state === 'done').length;
    const details = h('details', { class: `kp-ap-task${task.active ? ' kp-ap-task--active' : ''}`, 'data-task': task.id,
      open: task.active || !anyActive || opened.has(task.id) }, [
      h('summary', {}, [
        h('h3', {}, [t(lang, `ap_task_${task.id}` as MessageKey)]),
        h('span', { class: 'kp-ap-count' }, [`${done}/${task.steps.length}`]),
      ]),
      h('ol', { class: 'kp-ap-steps' }, task.steps.map((step) =>
        h('li', { class: `kp-ap-step kp-ap-step--${step.state}`, 'data-step': step.id, 'data-state': step.state,
          ...(step.state === 'current' ? { 'aria-current': 'step' } : {}) }, [
          h('label', {}, [
            h('input', { type: 'checkbox', 'data-key': `tick-${step.id}`, checked: step.state === 'done',
              onchange: (e: Event) => actions.tick(step.id, (e.target as HTMLInputElement).checked) }),
            h('span', {}, [t(lang, `ap_step_${step.id}` as MessageKey)]),
          ]),
          step.state === 'current' ? h('span', { class: 'kp-ap-now' }, [t(lang, 'ap_now')]) : null,
        ]),
      )),
    ]);
    details.addEventListener('toggle', () => {
      if (details.open && !task.active) opened.add(task.id);
      else if (!details.open) opened.delete(task.id);
    });
    return details;
  });
}

function handoff(view: PanelView, actions: PanelActions): HTMLElement {
  const { lang, handoff: state } = view;
  const env = t(lang, `ap_env_${view.environment}` as MessageKey);
  return h('footer', { class: 'kp-ap-handoff' }, [
    h('p', {}, [t(lang, 'ap_handoff_hint', { env })]),
    state.phase === 'confirm'
      ? h('div', { class: 'kp-ap-confirm' }, [
          h('p', { class: 'kp-ap-nip' }, [t(lang, 'ap_nip_confirm', { nip: formatNip(state.nip).replaceAll('-', '\u2011') })]),
          h('div', { class: 'kp-ap-row' }, [
            h('button', { type: 'button', class: 'kp-button', 'data-key': 'nip-yes', onclick: () => actions.confirmNip(true) }, [t(lang, 'ap_nip_yes')]),
            h('button', { type: 'button', class: 'kp-button kp-button--secondary', 'data-key': 'nip-no', onclick: () => actions.confirmNip(false) }, [t(lang, 'ap_nip_no')]),
          ]),
        ])
      : h('button', { type: 'button', class: 'kp-button', 'data-key': 'handoff', disabled: state.phase === 'sending', onclick: () => actions.handoff() }, [t(lang, 'ap_handoff')]),
    h('p', { role: 'status', class: 'kp-ap-status' }, [
      state.phase === 'sent' ? t(lang, 'ap_handoff_sent') : state.phase === 'failed' ? t(lang, 'ap_handoff_failed', { code: state.code }) : '',
    ]),
  ]);
}

/** The panel's content for `view`. */
export function panelContent(view: PanelView, actions: PanelActions, opened: Set<string>): HTMLElement {
  const { lang } = view;
  return h('section', { class: `kp-ap${view.collapsed ? ' kp-ap--collapsed' : ''}`, 'aria-labelledby': 'kp-ap-title', 'data-mode': view.mode, lang }, [
    header(view, actions),
    view.collapsed ? null : h('div', { class: 'kp-ap-body' }, [
      h('p', { class: 'kp-ap-intro' }, [t(lang, 'ap_intro')]),
      view.mode === 'plain' ? h('p', { class: 'kp-alert kp-alert--info', 'data-key': 'plain' }, [t(lang, 'ap_plain_note')]) : null,
      ...view.warnings.map((w) => h('p', { class: 'kp-alert kp-alert--warning', role: 'alert', 'data-warning': w }, [t(lang, `ap_warn_${w}` as MessageKey)])),
      ...tasks(view, actions, opened),
    ]),
    // Outside the scrolling list: the way back to KSeF Pilot is always in sight.
    view.collapsed ? null : handoff(view, actions),
  ]);
}
