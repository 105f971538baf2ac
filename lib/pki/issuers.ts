/** Issuer CNs of KSeF's own certificates (NOTES §4.3). Apart from certificate.ts so the worker names them without pkijs. */
export const TEST_ISSUER_CN = 'TEST CCK KSeF';
export const PRODUCTION_ISSUER_CN = 'CCK KSeF';
