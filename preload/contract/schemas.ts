// Value shapes that cross the process boundary. Money is always integer halalas (1 SAR = 100 halalas).
import { z } from 'zod';

/** Integer halalas; the cap (10 million SAR) rejects absurd amounts before they reach the ledger. */
export const Halalas = z.number().int().min(-1_000_000_000).max(1_000_000_000);
export type Halalas = z.infer<typeof Halalas>;

export const Locale = z.enum(['ar', 'en']);
export type Locale = z.infer<typeof Locale>;

/** How numbers are written on screen: Latin digits (default) or Arabic-Indic (٠١٢٣). */
export const DigitStyle = z.enum(['latin', 'arabic']);
export type DigitStyle = z.infer<typeof DigitStyle>;

/** ZATCA VAT category codes: S standard (15 %), Z zero-rated, E exempt. */
export const VatCategory = z.enum(['S', 'Z', 'E']);
export type VatCategory = z.infer<typeof VatCategory>;

export const Preferences = z.object({
  locale: Locale,
  digits: DigitStyle,
});
export type Preferences = z.infer<typeof Preferences>;

export const TillInfo = z.object({
  tillId: z.string(),
  shopNameAr: z.string(),
  shopNameEn: z.string(),
  vatNumber: z.string(),
  pricesIncludeVat: z.boolean(),
  currency: z.literal('SAR'),
  /** Which host carries the contract: the Electron shell or the browser host. */
  host: z.enum(['electron', 'browser']),
  /** Simulated devices are in use (demo / training); shown on screen so nobody mistakes it for a live till. */
  simulated: z.boolean(),
  preferences: Preferences,
});
export type TillInfo = z.infer<typeof TillInfo>;

export const ProductHit = z.object({
  productId: z.number().int(),
  barcode: z.string(),
  nameAr: z.string(),
  nameEn: z.string(),
  priceHalalas: Halalas,
  vatCategory: VatCategory,
});
export type ProductHit = z.infer<typeof ProductHit>;

export const SaleLine = z.object({
  lineId: z.string(),
  productId: z.number().int(),
  barcode: z.string(),
  nameAr: z.string(),
  nameEn: z.string(),
  quantity: z.number().int().positive(),
  unitPriceHalalas: Halalas,
  /** quantity × unit price, as priced (VAT-inclusive when the till's prices include VAT). */
  lineTotalHalalas: Halalas,
  vatCategory: VatCategory,
});
export type SaleLine = z.infer<typeof SaleLine>;

export const VatBreakdown = z.object({
  category: VatCategory,
  ratePercent: z.number(),
  taxableHalalas: Halalas,
  vatHalalas: Halalas,
});
export type VatBreakdown = z.infer<typeof VatBreakdown>;

export const Totals = z.object({
  /** Sum of taxable amounts (excluding VAT). */
  subtotalHalalas: Halalas,
  vatHalalas: Halalas,
  totalHalalas: Halalas,
  breakdown: z.array(VatBreakdown),
});
export type Totals = z.infer<typeof Totals>;

export const Sale = z.object({
  saleId: z.string(),
  status: z.enum(['open', 'completed', 'voided']),
  openedAt: z.string(),
  lines: z.array(SaleLine),
  totals: Totals,
  /** Bumped on every change so a view can drop a stale "sale changed" event. */
  revision: z.number().int().nonnegative(),
});
export type Sale = z.infer<typeof Sale>;

export const Tender = z.object({
  kind: z.literal('cash'),
  amountHalalas: Halalas,
  tenderedHalalas: Halalas,
  changeHalalas: Halalas,
});
export type Tender = z.infer<typeof Tender>;

export const Receipt = z.object({
  receiptNo: z.string(),
  tillId: z.string(),
  saleId: z.string(),
  issuedAt: z.string(),
  shopNameAr: z.string(),
  shopNameEn: z.string(),
  vatNumber: z.string(),
  lines: z.array(SaleLine),
  totals: Totals,
  tenders: z.array(Tender),
});
export type Receipt = z.infer<typeof Receipt>;

export const DrawerOutcome = z.enum(['opened', 'failed']);
export type DrawerOutcome = z.infer<typeof DrawerOutcome>;

export const CompletedSale = z.object({
  receipt: Receipt,
  changeHalalas: Halalas,
  /** The sale is durable either way; a drawer that did not open is reported, not hidden. */
  drawer: DrawerOutcome,
  /** The fresh, empty sale the till moved on to. */
  next: Sale,
});
export type CompletedSale = z.infer<typeof CompletedSale>;

/** Errors cross as data: a stable code for code, a message for each language for people. */
export const ErrorData = z.object({
  code: z.string(),
  message_ar: z.string(),
  message_en: z.string(),
});
export type ErrorData = z.infer<typeof ErrorData>;
