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

/** A titled part of the invoice; `headingId` lets a table inside take the heading as its name. */
export function Section({ title, children, className, headingId }: { title: string; children: ReactNode; className?: string; headingId?: string }) {
  return (
    <section className={`kp-inv-section${className ? ` ${className}` : ''}`}>
      <h2 id={headingId}>{title}</h2>
      {children}
    </section>
  );
}
