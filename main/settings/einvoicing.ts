// E-invoicing (ZATCA phase 2): where the till onboards and reports, and what its documents say where the sale
// itself cannot (why a line is zero-rated or exempt). Null: e-invoicing is not set up — receipts keep the
// phase 1 QR and the health page says so; a till set up before this setting existed opens that way.
import { z } from 'zod';
import { bilingual } from './messages';

/** A ZATCA exemption / zero-rating reason (BR-KSA-69/83): its code and the text the invoice carries. */
export const VatReason = z.object({
  code: z.string().regex(/^VATEX-SA-[0-9A-Z-]{2,10}$/, bilingual('a ZATCA reason code such as VATEX-SA-35', 'رمز سبب من هيئة الزكاة مثل VATEX-SA-35')),
  text: z.string().min(1).max(200),
});
export type VatReason = z.infer<typeof VatReason>;

export const EinvoicingSettings = z.object({
  platform: z.discriminatedUnion('kind', [
    /** The built-in platform simulator (demo, training, tests): it onboards the till with a demo OTP at start. */
    z.object({ kind: z.literal('simulator') }),
    /** ZATCA's FATOORA platform: sandbox (developer portal), simulation, or production. */
    z.object({ kind: z.literal('zatca'), environment: z.enum(['sandbox', 'simulation', 'production']) }),
  ]),
  /**
   * The till also issues standard (B2B) tax invoices: it is onboarded for both kinds (CSR title 1100, six
   * compliance checks) rather than simplified only (0100, three). Off unless a shop opts in: a standard invoice
   * must be cleared by ZATCA before it is handed over, so the counter needs the network (the demo turns it on).
   */
  standardInvoices: z.boolean().default(false),
  /** Zero-rated lines (category Z): a grocery's are most often medicines and medical equipment. */
  zeroRatedReason: VatReason.default({ code: 'VATEX-SA-35', text: 'Medicines and medical equipment' }),
  /** Exempt lines (category E). */
  exemptReason: VatReason.default({ code: 'VATEX-SA-29', text: 'Financial services mentioned in Article 29 of the VAT Regulations' }),
});
export type EinvoicingSettings = z.infer<typeof EinvoicingSettings>;

export const EinvoicingSettingsShape = {
  einvoicing: EinvoicingSettings.nullable().default(null),
};
