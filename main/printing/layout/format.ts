// Number, money and date text for receipts. Money is integer halalas and is formatted with integer math.
export type Digits = 'latin' | 'arabic';

const ARABIC_INDIC = ['٠', '١', '٢', '٣', '٤', '٥', '٦', '٧', '٨', '٩'];

/** Arabic-Indic digits; '.' becomes the Arabic decimal separator ٫ and ',' the thousands separator ٬. */
export function toArabicDigits(text: string): string {
  return text.replace(/[0-9.,]/g, (c) => (c === '.' ? '٫' : c === ',' ? '٬' : ARABIC_INDIC[c.charCodeAt(0) - 48]!));
}

/** 123456 halalas → "1,234.56" (or "١٬٢٣٤٫٥٦"). No currency sign: the label or column says SAR. */
export function formatHalalas(halalas: number, digits: Digits = 'latin'): string {
  if (!Number.isSafeInteger(halalas)) throw new RangeError(`${halalas} is not a whole number of halalas`);
  const abs = Math.abs(halalas);
  const riyals = Math.floor(abs / 100);
  const rest = abs - riyals * 100;
  const grouped = String(riyals).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const text = `${halalas < 0 ? '-' : ''}${grouped}.${rest < 10 ? '0' : ''}${rest}`;
  return digits === 'arabic' ? toArabicDigits(text) : text;
}

/** Whole numbers (quantities) in the chosen digits. */
export function formatInteger(n: number, digits: Digits = 'latin'): string {
  const text = String(Math.trunc(n));
  return digits === 'arabic' ? toArabicDigits(text) : text;
}

/** Grams as kilograms with three places ("0.750"), by integer arithmetic: a weight is never a float. */
export function formatGramsAsKg(grams: number, digits: Digits = 'latin'): string {
  const g = Math.trunc(grams);
  const text = `${Math.trunc(g / 1000)}.${String(g % 1000).padStart(3, '0')}`;
  return digits === 'arabic' ? toArabicDigits(text) : text;
}

// Saudi Arabia keeps UTC+3 all year; Intl still does the conversion so the rule lives in one place (ICU).
const riyadh = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Asia/Riyadh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  calendar: 'gregory',
  numberingSystem: 'latn',
});

/** "2024-03-05 14:30:12" in Riyadh local time, from an ISO 8601 instant. */
export function riyadhDateTime(iso: string, digits: Digits = 'latin'): { date: string; time: string } {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`"${iso}" is not a date-time`);
  const parts: Record<string, string> = {};
  for (const p of riyadh.formatToParts(new Date(ms))) parts[p.type] = p.value;
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  const time = `${parts.hour}:${parts.minute}:${parts.second}`;
  return digits === 'arabic' ? { date: toArabicDigits(date), time: toArabicDigits(time) } : { date, time };
}

/**
 * A card number safe to print. Terminals send it masked, but the slip must never show a full PAN even if a
 * codec or terminal gets it wrong: more than 10 visible digits (PCI's first 6 + last 4), or fewer than 3
 * masked positions, and all but the last four digits are masked.
 */
export function safePan(masked: string): string {
  const visible = (masked.match(/\d/g) ?? []).length;
  const hidden = (masked.match(/[*xX•#]/g) ?? []).length;
  if (visible <= 10 && hidden >= 3) return masked;
  const digits = masked.replace(/\D/g, '');
  return `**** **** **** ${digits.slice(-4).padStart(4, '*')}`;
}

/**
 * A mobile number safe to print (STC Pay's customer). The payment layer masks it as 9665*****567 (payments/stcpay
 * mobile.ts); should a whole number ever reach a receipt, it is masked the same way here rather than by
 * safePan, whose card-style "**** **** **** 4567" would make a phone number look like a card.
 */
export function safeMobile(masked: string): string {
  const visible = (masked.match(/\d/g) ?? []).length;
  const hidden = (masked.match(/[*xX•#]/g) ?? []).length;
  if (visible <= 7 && hidden >= 3) return masked;
  const digits = masked.replace(/\D/g, '');
  return digits.length > 7 ? `${digits.slice(0, 4)}${'*'.repeat(digits.length - 7)}${digits.slice(-3)}` : '****';
}
