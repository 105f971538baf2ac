// What the helper reads from an Aplikacja Podatnika page: the visible labels it knows (steps.ts), the texts
// beside "NIP", and the controls those labels name. Words, not CSS classes (AP's markup is not public). Reads
// no field value: choices.ts reads the only two it may.
import { normalizeLabel } from './labels';
import { MENU_LABELS, STEPS, type Step } from './steps';

const KNOWN: ReadonlySet<string> = new Set(
  [...STEPS.flatMap((s: Step) => [...s.anchors, s.target.label]), ...Object.values(MENU_LABELS)].map(normalizeLabel),
);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'OPTION']);
const BUTTONISH = 'button, a[href], [role=button], [role=link], [role=menuitem], [role=tab], input[type=submit], input[type=button]';
const CONTROL = 'input:not([type=hidden]), select, textarea, [role=combobox], [role=listbox], [role=radiogroup]';

export interface PageScan {
  labels: Set<string>;
  /** The first visible element showing each known label. */
  elements: Map<string, Element>;
  /** Short texts that mention "NIP" (with their surroundings), for page-nip.ts. */
  nipTexts: string[];
}

function shown(el: Element): boolean {
  const check = (el as Element & { checkVisibility?: () => boolean }).checkVisibility;
  return check ? check.call(el) : el.getClientRects().length > 0;
}

/** One pass over the page's text (a TreeWalker: no layout except for the few texts that match). */
export function scanPage(doc: Document): PageScan {
  const scan: PageScan = { labels: new Set(), elements: new Map(), nipTexts: [] };
  if (!doc.body) return scan;
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    const raw = node.nodeValue ?? '';
    if (!el || SKIP.has(el.tagName) || raw.trim() === '') continue;
    if (raw.includes('NIP') && raw.length < 200) scan.nipTexts.push((el.parentElement ?? el).textContent ?? raw);
    const label = normalizeLabel(raw);
    if (!KNOWN.has(label) || scan.elements.has(label) || !shown(el)) continue;
    scan.labels.add(label);
    scan.elements.set(label, el);
  }
  for (const input of doc.body.querySelectorAll<HTMLInputElement>('input[type=submit], input[type=button]')) {
    const label = normalizeLabel(input.value);
    if (KNOWN.has(label) && !scan.elements.has(label) && shown(input)) {
      scan.labels.add(label);
      scan.elements.set(label, input);
    }
  }
  return scan;
}

/** The form control a label names: <label for>, a wrapping label, aria-labelledby, else the next control nearby. */
function controlOf(labelEl: Element): Element | null {
  const doc = labelEl.ownerDocument;
  const label = labelEl.closest('label');
  if (label?.htmlFor) return doc.getElementById(label.htmlFor);
  const inside = label?.querySelector(CONTROL);
  if (inside) return inside;
  const owner = labelEl.closest('[id]');
  if (owner?.id) {
    const labelled = doc.querySelector(`[aria-labelledby~="${CSS.escape(owner.id)}"]`);
    if (labelled) return labelled;
  }
  let scope: Element | null = labelEl;
  for (let depth = 0; depth < 3 && scope; depth++, scope = scope.parentElement) {
    const after = [...scope.querySelectorAll(CONTROL)].find(
      (c) => labelEl.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_FOLLOWING,
    );
    if (after) return after;
  }
  return null;
}

/** The element a step's target label names: the button itself, or the field (or choice) the label is for. */
export function locateTarget(scan: PageScan, target: Step['target']): Element | null {
  const labelEl = scan.elements.get(normalizeLabel(target.label));
  if (!labelEl) return null;
  if (target.kind === 'button') return labelEl.closest(BUTTONISH) ?? labelEl;
  if (target.kind === 'choice') return labelEl.closest('label') ?? labelEl;
  return controlOf(labelEl);
}

/** The text of the button-like element an event hit, normalised, for "which step did the user just do". */
export function clickedLabel(target: EventTarget | null): string {
  const el = target instanceof Element ? target.closest(BUTTONISH) : null;
  if (!el) return '';
  return normalizeLabel(el instanceof HTMLInputElement ? el.value : (el.textContent ?? ''));
}
