export * from './common';
export * from './auth';
export * from './security';
export * from './permissions';
export * from './invoices';
export * from './sessions';
export * from './rate-limits';
export * from './problems';
