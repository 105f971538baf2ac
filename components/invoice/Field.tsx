// A labelled value in the invoice view; renders nothing when the value is absent, so optional FA fields
// simply do not show. Values are React text: invoice content is never HTML (RELIABILITY.md §3.4).
import type { ReactNode } from 'react';

export function Field({ label, value, mono }: { label: string; value: ReactNode; mono?: boolean }) {
  if (value === undefined || value === null || value === '') return null;
  return (
    <div className="kp-inv-field">
      <dt>{label}</dt>
      <dd className={mono ? 'kp-inv-mono' : undefined}>{value}</dd>
    </div>
  );
}

export function Section({ title, children, className }: { title: string; children: ReactNode; className?: string }) {
  return (
    <section className={`kp-inv-section${className ? ` ${className}` : ''}`}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}
