// Scale (variable-measure) barcode layouts: how the shop's scales lay out the 13 digits of a weight or price
// label, per prefix 20–29 (main/catalog/scale-barcode.ts, docs/catalog.md). A prefix no layout names is read as
// an ordinary barcode. Till settings written before weighed goods get the default.
import { z } from 'zod';
import { bilingual } from './messages';

const Layout = z.object({
  prefix: z.string().regex(/^2\d$/, bilingual('a prefix 20 to 29', 'بادئة من 20 إلى 29')),
  itemDigits: z.number().int().min(4).max(6),
  value: z.enum(['weight-grams', 'price-halalas']),
  valueDigits: z.number().int().min(4).max(6),
  priceCheckDigit: z.boolean(),
});

/** 20–22: 5-digit PLU and 5-digit weight in grams; 23–25: 5-digit PLU, price check digit, 4-digit price (≤ 99.99 SAR). */
export const DEFAULT_SCALE_LAYOUTS: z.infer<typeof Layout>[] = [
  ...['20', '21', '22'].map((prefix) => ({ prefix, itemDigits: 5, value: 'weight-grams' as const, valueDigits: 5, priceCheckDigit: false })),
  ...['23', '24', '25'].map((prefix) => ({ prefix, itemDigits: 5, value: 'price-halalas' as const, valueDigits: 4, priceCheckDigit: true })),
];

export const ScaleBarcodeLayouts = z
  .array(
    Layout.refine((l) => 2 + l.itemDigits + (l.priceCheckDigit ? 1 : 0) + l.valueDigits + 1 === 13, {
      message: bilingual('prefix (2), item, price check and value digits and the check digit must add up to 13', 'البادئة (2) وأرقام الصنف ورقم تحقق السعر وأرقام القيمة ورقم التحقق يجب أن يكون مجموعها 13'),
    }).refine((l) => !l.priceCheckDigit || l.valueDigits <= 5, {
      message: bilingual('a price check digit guards a 4- or 5-digit value only', 'رقم تحقق السعر لقيمة من 4 أو 5 أرقام فقط'),
    }),
  )
  .max(10)
  .refine((ls) => new Set(ls.map((l) => l.prefix)).size === ls.length, { message: bilingual('one layout per prefix', 'تخطيط واحد لكل بادئة') });

export const ScaleSettingsShape = {
  scaleBarcodes: ScaleBarcodeLayouts.default(DEFAULT_SCALE_LAYOUTS),
};
