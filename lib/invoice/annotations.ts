// Adnotacje: the flags an invoice must state (cash method, self-billing, reverse charge, split payment,
// exemption with its legal basis, new means of transport, simplified triangular procedure, margin schemes).
// Each is "1" when it applies and "2" (or a …N element) when it does not; only those that apply are listed.
import type { Lang } from '../i18n';
import { annotationLabel } from './labels';
import type { FaNode } from './reader';
import type { Annotation } from './types';

const SIMPLE_FLAGS = ['P_16', 'P_17', 'P_18', 'P_18A'] as const;
const MARGIN_KINDS = ['P_PMarzy_2', 'P_PMarzy_3_1', 'P_PMarzy_3_2', 'P_PMarzy_3_3'] as const;

function annotation(code: string, lang: Lang, detail?: string): Annotation {
  return { code, label: annotationLabel(code, lang) ?? code, detail };
}

export function readAnnotations(node: FaNode | undefined, lang: Lang): Annotation[] {
  if (!node) return [];
  const out = SIMPLE_FLAGS.filter((code) => node.flag(code)).map((code) => annotation(code, lang));
  const exemption = node.child('Zwolnienie');
  if (exemption?.flag('P_19')) {
    const basis = exemption.text('P_19A') ?? exemption.text('P_19B') ?? exemption.text('P_19C');
    out.push(annotation('P_19', lang, basis));
  }
  if (node.flag('NoweSrodkiTransportu/P_22')) out.push(annotation('P_22', lang));
  if (node.flag('P_23')) out.push(annotation('P_23', lang));
  const margin = node.child('PMarzy');
  if (margin?.flag('P_PMarzy')) {
    out.push(annotation(MARGIN_KINDS.find((code) => margin.flag(code)) ?? 'P_PMarzy', lang));
  }
  return out;
}
