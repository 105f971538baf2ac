// Each operation's schema is `z.lazy(() => …)`: the worker imports them all but a wake uses a few, so each tree
// is built on its first parse, not at import (issue 15: worker start; review performance-2026-12 §6). The small
// shared shapes in common.ts stay plain objects (sessions.ts spreads StatusInfo.shape).
export * from './common';
export * from './auth';
export * from './security';
export * from './permissions';
export * from './invoices';
export * from './sessions';
export * from './rate-limits';
export * from './problems';
export * from './certificates';
