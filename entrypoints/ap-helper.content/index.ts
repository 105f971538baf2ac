import themeCss from '@/components/ui/theme.css?inline';
import panelCss from '@/components/ap-helper/panel.css?inline';
import { createPanelUi } from '@/components/ap-helper/panel-ui';
import { AP_MATCH_PATTERNS, apEnvironmentOf } from '@/lib/ap-helper/hosts';
import { createApHelper } from '@/lib/ap-helper/helper';

// Wiring only (issue 13): the helper on Aplikacja Podatnika pages; lib/ap-helper decides, components/ap-helper
// draws inside a shadow root. Runs at document_idle and draws nothing until it recognises a step.
export default defineContentScript({
  matches: [...AP_MATCH_PATTERNS],
  runAt: 'document_idle',
  main(ctx) {
    const environment = apEnvironmentOf(location.href);
    if (!environment) return;
    let session: Storage | undefined;
    try {
      session = window.sessionStorage;
    } catch {
      session = undefined; // a page that forbids storage: the helper forgets between pages
    }
    createApHelper({
      doc: document,
      environment,
      session,
      settings: browser.storage.local,
      send: (message) => browser.runtime.sendMessage(message),
      signal: ctx.signal,
      mountUi: async (actions, memory) => {
        const ui = await createShadowRootUi(ctx, {
          name: 'ksef-pilot-helper',
          position: 'inline',
          anchor: 'body',
          append: 'last',
          isolateEvents: true,
          css: `${themeCss}\n${panelCss}`.replaceAll(':root', ':host'),
          onMount: (container) => createPanelUi(container, actions, memory),
        });
        ui.mount();
        return { render: (view) => ui.mounted?.render(view), point: (el) => ui.mounted?.point(el), remove: () => ui.remove() };
      },
    }).start();
  },
});
