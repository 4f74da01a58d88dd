// What commissioning sets besides the devices: who the shop is (as ZATCA and the receipt need it), what the
// receipt says, the drawer, the customer screen, backups, updates and the clock's zone. Every part has a
// default so a ledger written before these settings existed still opens; the demo shop's identity is the one
// value a live till must change (see isDemoIdentity).
import { z } from 'zod';
import { bilingual } from './messages';

/** The demo shop's VAT number: ZATCA's own example, never a real registration. */
export const DEMO_VAT_NUMBER = '300000000000003';

/** ZATCA's national address of the seller (BR-KSA-09 and friends): what a simplified invoice names. */
export const NationalAddress = z.object({
  buildingNumber: z.string().regex(/^\d{4}$/, bilingual('building number: 4 digits', 'رقم المبنى: ٤ أرقام')),
  street: z.string().min(1).max(100),
  district: z.string().min(1).max(100),
  city: z.string().min(1).max(60),
  postalCode: z.string().regex(/^\d{5}$/, bilingual('postal code: 5 digits', 'الرمز البريدي: ٥ أرقام')),
  additionalNumber: z.string().regex(/^\d{4}$/, bilingual('additional number: 4 digits', 'الرقم الإضافي: ٤ أرقام')).nullable(),
});
export type NationalAddress = z.infer<typeof NationalAddress>;

export const ReceiptTexts = z.object({
  /** Lines printed above the items (a slogan, opening hours), each language its own. */
  headerAr: z.string().max(200),
  headerEn: z.string().max(200),
  /** Lines printed at the end (returns policy, thanks). */
  footerAr: z.string().max(300),
  footerEn: z.string().max(300),
  /** A PNG printed at the top, as a path the till can read; null for none. */
  logoFile: z.string().min(1).max(400).nullable(),
});

/** The cash drawer behind the printer's kick connector: which pin, and the pulse the drawer's solenoid needs. */
export const DrawerSettings = z.object({
  pin: z.union([z.literal(2), z.literal(5)]),
  /** On time; ESC p counts in units of 2 ms, so 2-510 ms. */
  pulseMs: z.number().int().min(2).max(510),
});

/** The second screen facing the customer (Electron): auto (a second display if there is one), always, off. */
export const CustomerScreen = z.enum(['auto', 'always', 'off']);

export const BackupSettings = z.object({
  /** Where verified copies go (a USB drive, a network share); null: no scheduled backups. */
  folder: z.string().min(1).max(400).nullable(),
  /** The daily backup's local time (HH:MM, the till's time zone); null for none besides closing. */
  dailyAt: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, bilingual('a time as HH:MM (00:00-23:59)', 'وقت بصيغة HH:MM (00:00-23:59)'))
    .nullable(),
  atClosing: z.boolean(),
  /** How many verified copies to keep in the folder (the oldest are removed after a new one is verified). */
  keep: z.number().int().min(1).max(365),
});
export type BackupSettings = z.infer<typeof BackupSettings>;

/**
 * Updates: off; manual (the admin applies one); automatic outside opening hours. Never mid-sale, never with a
 * payment in doubt (main/updates decides when).
 */
export const UpdateSettings = z.object({
  policy: z.enum(['off', 'manual', 'automatic']),
  /** Opening hours (local, HH:MM): automatic updates wait until the shop is closed. */
  opensAt: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  closesAt: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  /** The update feed (https) or null (offline update files only). */
  feedUrl: z.string().max(300).url().refine((u) => u.startsWith('https://'), 'https:// only').nullable(),
});
export type UpdateSettings = z.infer<typeof UpdateSettings>;

/** Shifts: the largest difference between the counted and the expected cash a cashier closes alone (SAR 10 by default). */
export const ShiftSettings = z.object({
  differenceThresholdHalalas: z.number().int().min(0).max(10_000_000),
});

/** An amount in halalas, with its bounds said in riyals (the admin screen shows and takes SAR). */
export function halalasUpTo(max: number, en: string, ar: string) {
  const amount = bilingual('an amount in riyals, at most 2 decimals', 'مبلغ بالريال، منزلتان عشريتان على الأكثر');
  const range = bilingual(en, ar);
  return z.number(amount).int(amount).min(0, range).max(max, range);
}

/**
 * Two-factor for managers (docs/people.md): past these amounts the approver must be a manager (or admin) and give
 * their authenticator code with the PIN. A refund above `refundAboveHalalas`; a shift closed with a cash difference
 * (either way) above `cashDifferenceAboveHalalas`.
 */
export const TwoFactorSettings = z.object({
  refundAboveHalalas: halalasUpTo(100_000_000, 'SAR 0 to 1,000,000', 'من 0 إلى 1,000,000 ريال'),
  cashDifferenceAboveHalalas: halalasUpTo(10_000_000, 'SAR 0 to 100,000', 'من 0 إلى 100,000 ريال'),
});

/**
 * Discounts and price overrides (docs/discounts.md): a cashier may take off up to this share of a line or of the
 * sale, or lower a price by as much, without a manager; beyond it main asks for a manager's PIN.
 */
export const DiscountSettings = z.object({
  limitPercent: z
    .number(bilingual('a whole percentage', 'نسبة مئوية، رقم صحيح'))
    .int(bilingual('a whole percentage', 'نسبة مئوية، رقم صحيح'))
    .min(0, bilingual('0 to 100 %', 'من 0 إلى 100 ٪'))
    .max(100, bilingual('0 to 100 %', 'من 0 إلى 100 ٪')),
});

/** An IANA time zone the runtime knows (receipts and invoices print local time; ZATCA's is Asia/Riyadh). */
export const TimeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, bilingual('a time zone such as Asia/Riyadh', 'منطقة زمنية مثل Asia/Riyadh'));

/** The parts of TillSettings this file adds, each with the default a ledger from before them gets. */
export const ShopSettingsShape = {
  /** Commercial registration: 10 digits (ZATCA's CRN for the seller's other ID). */
  crNumber: z.string().regex(/^\d{10}$/, bilingual('CR number: 10 digits', 'رقم السجل التجاري: ١٠ أرقام')).nullable().default(null),
  nationalAddress: NationalAddress.nullable().default(null),
  branchNameAr: z.string().max(80).default(''),
  branchNameEn: z.string().max(80).default(''),
  /** The till's name as staff say it ("Till 1", "Express"); the id is what the ledger and receipts carry. */
  tillName: z.string().min(1).max(40).default('Till 1'),
  receipt: ReceiptTexts.default({ headerAr: '', headerEn: '', footerAr: '', footerEn: '', logoFile: null }),
  /** Null: the printer profile's pulse (each model's known timing); set only for a drawer that needs another. */
  drawer: DrawerSettings.nullable().default(null),
  customerScreen: CustomerScreen.default('auto'),
  /** Electron: full screen, no menu, started at login. */
  kiosk: z.boolean().default(false),
  backups: BackupSettings.default({ folder: null, dailyAt: '23:30', atClosing: true, keep: 30 }),
  updates: UpdateSettings.default({ policy: 'manual', opensAt: '08:00', closesAt: '23:00', feedUrl: null }),
  timeZone: TimeZone.default('Asia/Riyadh'),
  /** Shifts (main/shifts): a count further than this from the expected cash, either way, needs a manager's PIN and reason. */
  shifts: ShiftSettings.default({ differenceThresholdHalalas: 1000 }),
  /** Discounts (main/checkout): beyond this share a manager approves; 0: every discount needs one. */
  discounts: DiscountSettings.default({ limitPercent: 10 }),
  /** Two-factor thresholds (main/people/totp.ts): SAR 500 refunded, SAR 50 of cash difference by default. */
  twoFactor: TwoFactorSettings.default({ refundAboveHalalas: 50_000, cashDifferenceAboveHalalas: 5_000 }),
  /** People (main/people): the till locks itself after this many minutes without a cashier's action; 0: never. */
  lockAfterMinutes: z
    .number(bilingual('minutes, a whole number', 'عدد الدقائق، رقم صحيح'))
    .int(bilingual('minutes, a whole number', 'عدد الدقائق، رقم صحيح'))
    .min(0, bilingual('0 (never) to 240 minutes', 'من 0 (أبدًا) إلى 240 دقيقة'))
    .max(240, bilingual('0 (never) to 240 minutes', 'من 0 (أبدًا) إلى 240 دقيقة'))
    .default(5),
};
