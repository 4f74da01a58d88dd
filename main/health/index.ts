// The till's health page and status bar: devices, providers, certificates, disk, backups, clock.
export { healthReport } from './report';
export { certificatesCheck, certificateFilesOf, WARN_DAYS } from './certificates';
export { clockCheck, MAX_SKEW_MS } from './clock';
export { diskCheck, freeBytes } from './disk';
export { backupCheck } from './backup';
export type { HealthInputs, ConnectionFacts, LastBackup, CertificateFile, EinvoicingFacts } from './types';
export { einvoicingCheck, standardNotCovered, STANDARD_NOT_COVERED } from './einvoicing';
