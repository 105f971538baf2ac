// A status pill of the send view. Its tone is theme.css's (kp-alert--*: the ground and the border); send.css
// gives it only the pill's shape and the tone's accent as text.
import type { ReactNode } from 'react';
import type { StatusTone } from '@/lib/views/outbox-view';

const TONE_CLASS: Record<StatusTone, string> = { ok: 'kp-alert--ok', error: 'kp-alert--error', warn: 'kp-alert--warning', pending: 'kp-alert--info' };

export function Badge({ tone, children }: { tone: StatusTone; children: ReactNode }) {
  return <span className={`kp-send-badge ${TONE_CLASS[tone]}`}>{children}</span>;
}
