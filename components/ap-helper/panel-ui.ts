// The panel's frame inside the shadow root: where it sits, dragging it, the ring around the control the current
// step names, and keeping the panel off that control (issue 13: it never covers the page's own controls).
import type { PanelActions, PanelUi } from '@/lib/ap-helper/helper';
import type { SessionMemory } from '@/lib/ap-helper/session-memory';
import type { PanelView } from '@/lib/ap-helper/view';
import { h } from './h';
import { panelContent } from './panel';

const MARGIN = 16;

function overlaps(a: DOMRect, b: DOMRect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** Keeps the panel's scroll, but brings the current step (or the first warning) into its view. */
function keepInView(frame: HTMLElement, scrolled: number): void {
  const body = frame.querySelector<HTMLElement>('.kp-ap-body');
  if (!body) return;
  body.scrollTop = scrolled;
  const wanted = body.querySelector<HTMLElement>('[data-warning]') ?? body.querySelector<HTMLElement>('[aria-current="step"]');
  if (!wanted) return;
  const top = wanted.getBoundingClientRect().top - body.getBoundingClientRect().top;
  if (top < 0 || top + wanted.offsetHeight > body.clientHeight) body.scrollTop += top - 8;
}

export function createPanelUi(container: HTMLElement, actions: PanelActions, memory: SessionMemory): PanelUi {
  const win = container.ownerDocument.defaultView!;
  const frame = h('div', { class: 'kp-ap-frame kp-ap-frame--right' });
  const ring = h('div', { class: 'kp-ap-ring', hidden: true, 'aria-hidden': 'true' });
  container.append(ring, frame);
  let target: Element | null = null;
  let moved = memory.position !== undefined;
  let queued = false;
  const opened = new Set<string>();

  const place = (x: number, y: number) => {
    const maxX = win.innerWidth - frame.offsetWidth - 4;
    const maxY = win.innerHeight - 40;
    frame.style.left = `${Math.max(4, Math.min(x, maxX))}px`;
    frame.style.top = `${Math.max(4, Math.min(y, maxY))}px`;
    frame.style.right = frame.style.bottom = 'auto';
  };
  if (memory.position) place(memory.position.x, memory.position.y);

  function follow(): void {
    queued = false;
    const rect = target?.isConnected ? target.getBoundingClientRect() : null;
    ring.hidden = !rect || rect.width === 0;
    if (!rect || ring.hidden) return;
    Object.assign(ring.style, { left: `${rect.left - 4}px`, top: `${rect.top - 4}px`, width: `${rect.width + 8}px`, height: `${rect.height + 8}px` });
    // Step aside, to the other side of the window, when the panel would hide the control the step names.
    if (!moved && overlaps(rect, frame.getBoundingClientRect())) {
      frame.classList.toggle('kp-ap-frame--left');
      frame.classList.toggle('kp-ap-frame--right');
    }
  }
  const queue = () => {
    if (!queued && target) {
      queued = true;
      win.requestAnimationFrame(follow);
    }
  };
  win.addEventListener('scroll', queue, { capture: true, passive: true });
  win.addEventListener('resize', queue, { passive: true });

  frame.addEventListener('pointerdown', (down) => {
    if (!(down.target instanceof Element) || !down.target.closest('.kp-ap-head') || down.target.closest('button')) return;
    const start = frame.getBoundingClientRect();
    const dx = down.clientX - start.left;
    const dy = down.clientY - start.top;
    frame.setPointerCapture(down.pointerId);
    const move = (e: PointerEvent) => place(e.clientX - dx, e.clientY - dy);
    const up = () => {
      frame.removeEventListener('pointermove', move);
      moved = true;
      const r = frame.getBoundingClientRect();
      actions.moved({ x: Math.round(r.left), y: Math.round(r.top) });
    };
    frame.addEventListener('pointermove', move);
    frame.addEventListener('pointerup', up, { once: true });
  });

  return {
    render(view: PanelView) {
      const focused = (container.getRootNode() as ShadowRoot).activeElement?.getAttribute('data-key');
      const scrolled = frame.querySelector('.kp-ap-body')?.scrollTop ?? 0;
      frame.replaceChildren(panelContent(view, actions, opened));
      if (focused) frame.querySelector<HTMLElement>(`[data-key="${focused}"]`)?.focus();
      keepInView(frame, scrolled);
      queue();
    },
    point(next) {
      target = next;
      if (!next) ring.hidden = true;
      queue();
    },
    remove() {
      win.removeEventListener('scroll', queue, { capture: true });
      win.removeEventListener('resize', queue);
      container.replaceChildren();
    },
  };
}
