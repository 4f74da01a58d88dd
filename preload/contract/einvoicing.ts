// What the admin screen's e-invoicing section exchanges with main: the unit and the reporting queue at a glance,
// onboarding with an OTP from the FATOORA portal, and the documents with ZATCA's messages. The XML itself never
// crosses (the view touches no files): the list carries its hashes, and `nuqta zatca xml` prints the bytes.
import { z } from 'zod';
import { ErrorData } from './schemas';

/** Where a unit reports: the built-in simulator, or ZATCA's sandbox, simulation or production platform. */
export const EinvoiceEnvironment = z.enum(['simulator', 'sandbox', 'simulation', 'production']);
export type EinvoiceEnvironment = z.infer<typeof EinvoiceEnvironment>;

/** A document's place in the reporting queue: `warned` is reported, with ZATCA's warnings kept. */
export const EinvoiceState = z.enum(['waiting', 'reported', 'warned', 'rejected']);
export type EinvoiceState = z.infer<typeof EinvoiceState>;

/** The OTP the FATOORA portal shows the taxpayer: six digits, valid for an hour. */
export const FatooraOtp = z.string().regex(/^\d{6}$/);

/** The largest page of documents one call returns. */
export const EINVOICE_PAGE_MAX = 100;

export const EinvoiceUnit = z.object({
  egsId: z.string(),
  environment: EinvoiceEnvironment,
  /** The stamp certificate's serial number, when main can read it (null: not available). */
  certificateSerial: z.string().nullable(),
  notAfter: z.string().nullable(),
  /** Whole days until the certificate expires (negative: expired). */
  daysToExpiry: z.number().int().nullable(),
});
export type EinvoiceUnit = z.infer<typeof EinvoiceUnit>;

/** The documents in each reporting state. */
export const EinvoiceCounts = z.object({ waiting: z.number().int(), reported: z.number().int(), warned: z.number().int(), rejected: z.number().int() });
export type EinvoiceCounts = z.infer<typeof EinvoiceCounts>;

export const EinvoicingStatus = z.object({
  /** The environment the settings name; null: e-invoicing is not set up on this till. */
  environment: EinvoiceEnvironment.nullable(),
  /** Onboarded for that environment: sales can be invoiced. */
  ready: z.boolean(),
  /** The active unit (which may be for another environment than the settings name), or null. */
  unit: EinvoiceUnit.nullable(),
  counts: EinvoiceCounts,
  /** When the oldest waiting document was issued (UTC) and its age in whole minutes. */
  oldestWaitingAt: z.string().nullable(),
  oldestWaitingMinutes: z.number().int().nullable(),
  /** 'late' past 12 hours, 'overdue' past ZATCA's 24. */
  urgency: z.enum(['ok', 'late', 'overdue']),
  /** Why the last reporting run stopped (the platform unreachable, the credentials refused), or null. */
  lastProblem: z.object({ error: ErrorData, at: z.string() }).nullable(),
  /** The environments this screen may onboard into. Empty: e-invoicing must be set up first. */
  environments: z.array(EinvoiceEnvironment),
});
export type EinvoicingStatus = z.infer<typeof EinvoicingStatus>;

export const OnboardInput = z.strictObject({ environment: EinvoiceEnvironment, otp: FatooraOtp });

/** The steps of onboarding, in order (main/einvoicing/onboarding). */
export const OnboardStep = z.enum(['csr', 'compliance-csid', 'compliance-checks', 'production-csid']);
export type OnboardStep = z.infer<typeof OnboardStep>;

/** A message from ZATCA (a BR-KSA rule, an OTP refused), shown as ZATCA sent it. */
export const ZatcaMessage = z.object({ code: z.string(), category: z.string(), message: z.string(), status: z.string() });
export type ZatcaMessage = z.infer<typeof ZatcaMessage>;

/** Errors as data: a failed onboarding kept nothing, and says where it stopped and why in both languages. */
export const OnboardAnswer = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('onboarded'),
    /** The compliance checks that passed, as ZATCA answered them. */
    checks: z.array(z.string()),
    /** The settings now name the environment onboarded into (journaled, source admin-screen). */
    settingsChanged: z.boolean(),
    status: EinvoicingStatus,
  }),
  z.object({
    outcome: z.literal('failed'),
    /** Where it stopped; null when it was refused before anything was sent. */
    step: OnboardStep.nullable(),
    error: ErrorData,
    /** What ZATCA said, when it said something. */
    messages: z.array(ZatcaMessage),
    /** For support: the platform's answer in short (never a credential). */
    detail: z.string(),
  }),
]);
export type OnboardAnswer = z.infer<typeof OnboardAnswer>;

/**
 * Renewing the unit's CSID before it expires (PATCH production/csids with a new OTP): the same unit, the same
 * chain, a new key and certificate. Nothing changes unless all of it worked.
 */
export const RenewAnswer = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('renewed'), notAfter: z.string(), previousNotAfter: z.string().nullable(), status: EinvoicingStatus }),
  z.object({
    outcome: z.literal('failed'),
    /** Where it stopped (check, csr, renew, store); null when refused before anything was sent. */
    step: z.string().nullable(),
    error: ErrorData,
    messages: z.array(ZatcaMessage),
    detail: z.string(),
  }),
]);
export type RenewAnswer = z.infer<typeof RenewAnswer>;

export const ListEinvoicesInput = z.strictObject({
  state: EinvoiceState.optional(),
  /** From 0, newest first. */
  page: z.number().int().min(0).max(100_000).default(0),
  pageSize: z.number().int().min(1).max(EINVOICE_PAGE_MAX).default(20),
});

export const EinvoiceItem = z.object({
  egsId: z.string(),
  icv: z.number().int(),
  /** The receipt number the document was issued under (`nuqta zatca xml` takes it). */
  receiptNo: z.string(),
  /** invoice, credit_note or debit_note. */
  kind: z.string(),
  uuid: z.string(),
  /** Issue date and time as on the document (the shop's local time). */
  issuedAt: z.string(),
  state: EinvoiceState,
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  /** Why the last try did not settle it (a waiting document), for support. */
  lastError: z.string().nullable(),
  messages: z.array(ZatcaMessage),
  reportedAt: z.string().nullable(),
  /** ZATCA's invoice hash (Base64 SHA-256 of the canonical document), as reported. */
  invoiceHash: z.string(),
  /** SHA-256 (hex) of the stored XML bytes, or null when they cannot be read. */
  xmlSha256: z.string().nullable(),
  /** A rejected invoice answered by a credit note and a new invoice: the new invoice's ICV; null otherwise. */
  reissuedIcv: z.number().int().nullable(),
  /** Standard (B2B) documents are cleared, not reported: where the clearance stands; null for a simplified one. */
  profile: z.enum(['simplified', 'standard']),
  clearance: z.enum(['waiting', 'cleared', 'rejected', 'replaced', 'reported']).nullable(),
});
export type EinvoiceItem = z.infer<typeof EinvoiceItem>;

export const EinvoicePage = z.object({
  items: z.array(EinvoiceItem),
  /** Documents in the filter (all states when none), for the pager. */
  total: z.number().int(),
  /** Every state's count, read with the items: the filter's figures always agree with the list under them. */
  counts: EinvoiceCounts,
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type EinvoicePage = z.infer<typeof EinvoicePage>;
