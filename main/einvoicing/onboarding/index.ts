// Onboarding's published pieces: the CSR a till sends FATOORA (and its reader, shared with the platform simulator).
export {
  buildCsr,
  checkCsrFields,
  readCsr,
  egsSerialNumber,
  toPem,
  CsrError,
  csrErrors,
  CERTIFICATE_TEMPLATE,
  OID as CSR_OID,
  type BuiltCsr,
  type CsrContents,
  type CsrEnvironment,
  type CsrErrorCode,
  type CsrFields,
  type InvoiceTypes,
} from './csr';
