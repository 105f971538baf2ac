// tests/ksef-sim: the KSeF 2.0 simulator, the only stand-in for KSeF in this project (DESIGN.md "The simulator").
export { startSimulator } from './simulator';
export type { Simulator, SimulatorOptions } from './simulator';
export type { AdminApi, AddInvoiceInput, AddInvoicesInput, GrantInput, DateInput } from './admin';
export type { Exchange } from './server';
export type { FaultKind, FaultSpec, FaultRule } from './faults';
export { FAULT_KINDS } from './faults';
export type { InvoiceStatusSpec, InvoiceStatusRule } from './session-hooks';
export { FORCEABLE_INVOICE_CODES } from './session-hooks';
export type { SessionOptionsInput } from './admin-sessions';
export { DEFAULT_RATE_LIMITS, DEFAULT_BLOCK_POLICY, RATE_LIMIT_GROUPS } from './rate-limits';
export type { BlockPolicy, RateLimitGroup, RateLimitTable, RateLimitValues } from './rate-limits';
export type { SimEnvironment, SimState, TokenLifetimes, XadesVerifier, RequestLogEntry } from './state';
export { crc8, isReferenceNumber, isValidKsefNumber, isValidNip } from './ids';
export { generateInvoiceXml, SAMPLE_SELLERS } from './invoice-templates';
export type { InvoiceTemplateInput, InvoiceLine } from './invoice-templates';
export { seedDemo, DEMO_ORGANISATIONS } from './demo';
export { createContractChecker } from './contract';
export type { ContractChecker } from './contract';
