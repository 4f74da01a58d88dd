// E-invoicing (ZATCA phase 2): every completed sale a signed, chained simplified invoice, reported to FATOORA.
export { createEinvoicing, configuredEnvironment, tokenOf, type Einvoicing, type EinvoicingDeps, type PlatformAccess, type UnitSummary } from './service';
export { einvoicingProjection, ENTRY as EINVOICE_ENTRY } from './projection';
export { issueMomentOf, momentText, type IssueMoment } from './local-time';
export { UnitEnvironment } from './units';
export type { IssuedDocument } from './issuer';
export type { NoteReference } from './from-receipt';
export type { OnboardResult } from './onboarding/onboard';
export { renewalErrors, type RenewResult } from './onboarding/renew';
export type { ReportingStatus } from './reporting/status';
export type { QueuedDocument, ReportState } from './reporting/queue-store';
export type { ListedDocument } from './document-list';
export { createPlatformClient, platformBaseUrl, type PlatformClient } from './platform';
