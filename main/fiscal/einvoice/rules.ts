// The rules ZATCA will check that the till can check itself before it signs (BR-CO-*, BR-S/Z/E-*, BR-KSA-*,
// read from the Schematron shipped with ZATCA's SDK). A document that breaks one is never issued: the sale is
// not completed and the cashier is told, instead of a rejection a day later that only a credit note can fix.
// The most reported rejections elsewhere (BR-CO-14/15, BR-KSA-51, BR-S-09) come from rounding; here they are
// checked on the very integers the XML is written from.
import { lineAmounts } from './amounts';
import type { EInvoiceDocument } from './document';

export interface RuleViolation {
  rule: string;
  message: { en: string; ar: string };
}

const ZERO_RATED_REASONS = ['VATEX-SA-32', 'VATEX-SA-33', 'VATEX-SA-34-1', 'VATEX-SA-34-2', 'VATEX-SA-34-3', 'VATEX-SA-34-4', 'VATEX-SA-34-5', 'VATEX-SA-35', 'VATEX-SA-36', 'VATEX-SA-EDU', 'VATEX-SA-HEA', 'VATEX-SA-MLTRY'];
const EXEMPT_REASONS = ['VATEX-SA-29', 'VATEX-SA-29-7', 'VATEX-SA-30'];
const RATE = { S: 15, Z: 0, E: 0 } as const;

const halfUp = (numerator: number, denominator: number): number => {
  const q = Math.floor(numerator / denominator);
  return 2 * (numerator - q * denominator) >= denominator ? q + 1 : q;
};

export function checkInvoiceRules(doc: EInvoiceDocument): RuleViolation[] {
  const found: RuleViolation[] = [];
  const fail = (rule: string, en: string, ar: string) => found.push({ rule, message: { en, ar } });
  const { seller, totals } = doc;
  const a = seller.address;

  if (!/^3\d{13}3$/.test(seller.vatNumber)) fail('BR-KSA-40', 'The VAT number must be 15 digits, starting and ending with 3.', 'الرقم الضريبي ١٥ رقمًا يبدأ وينتهي بـ 3.');
  if (seller.registrationName.trim() === '') fail('BR-06', "The seller's registered name is missing.", 'اسم البائع المسجل ناقص.');
  if (!seller.otherId) fail('BR-KSA-08', 'The seller needs another ID (commercial registration).', 'يلزم معرف آخر للبائع (السجل التجاري).');
  else if (seller.otherId.scheme === 'CRN' && !/^\d{10}$/.test(seller.otherId.value)) fail('BR-KSA-08', 'The commercial registration number must be 10 digits.', 'رقم السجل التجاري ١٠ أرقام.');
  if ([a.street, a.district, a.city].some((v) => v.trim() === '')) fail('BR-KSA-09', "The seller's address needs street, district and city.", 'عنوان البائع يحتاج الشارع والحي والمدينة.');
  if (!/^\d{4}$/.test(a.buildingNumber)) fail('BR-KSA-37', 'The building number must be 4 digits.', 'رقم المبنى ٤ أرقام.');
  if (!/^\d{5}$/.test(a.postalCode)) fail('BR-KSA-66', 'The postal code must be 5 digits.', 'الرمز البريدي ٥ أرقام.');
  if (!/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(doc.uuid)) fail('BR-KSA-03', 'The document UUID is not a UUID.', 'المعرف الفريد للمستند غير صالح.');
  if (!Number.isSafeInteger(doc.icv) || doc.icv < 1) fail('BR-KSA-34', 'The invoice counter (ICV) must be a positive whole number.', 'عداد الفواتير يجب أن يكون عددًا صحيحًا موجبًا.');
  if (!/^[A-Za-z0-9+/]{43}=$|^[A-Za-z0-9+/]{86}==$/.test(doc.pih)) fail('BR-KSA-61', "The previous invoice's hash (PIH) is not a Base64 SHA-256.", 'تجزئة الفاتورة السابقة غير صالحة.');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(doc.issueDate) || !/^\d{2}:\d{2}:\d{2}$/.test(doc.issueTime)) fail('BR-KSA-70', 'Issue date and time must be YYYY-MM-DD and hh:mm:ss.', 'تاريخ ووقت الإصدار بصيغة غير صحيحة.');
  if (doc.note && doc.note.originalNumber.trim() === '') fail('BR-KSA-56', 'A credit or debit note must name the invoice it corrects.', 'الإشعار يجب أن يذكر رقم الفاتورة الأصلية.');
  if (doc.note && doc.note.reason.trim() === '') fail('BR-KSA-17', 'A credit or debit note must give its reason.', 'الإشعار يجب أن يذكر السبب.');
  if ((doc.type !== 'invoice') !== (doc.note !== null)) fail('BR-KSA-56', 'Only credit and debit notes carry a billing reference, and they must.', 'مرجع الفاتورة للإشعارات فقط ويلزمها.');
  if (doc.paymentMeans.length === 0 || doc.paymentMeans.some((c) => !/^\d{1,3}$/.test(c))) fail('BR-KSA-16', 'The payment means code must be a UNTDID 4461 code.', 'رمز وسيلة الدفع غير صالح.');
  if (doc.lines.length === 0) fail('BR-16', 'A document needs at least one line.', 'المستند يحتاج سطرًا واحدًا على الأقل.');

  // Every amount positive (BR-KSA-F-04: notes too, their direction is the type code's).
  const negative = doc.lines.some((l) => l.lineTotalHalalas < 0 || !Number.isSafeInteger(l.lineTotalHalalas)) || [totals.subtotalHalalas, totals.vatHalalas, totals.totalHalalas].some((v) => v < 0);
  if (negative) fail('BR-KSA-F-04', 'Amounts must not be negative.', 'المبالغ لا تكون سالبة.');
  for (const line of doc.lines) {
    if (line.name.trim() === '') fail('BR-25', 'Every line needs an item name.', 'كل سطر يحتاج اسم الصنف.');
    if (!Number.isSafeInteger(line.quantityMilli) || line.quantityMilli <= 0) fail('BR-KSA-F-04', 'Every quantity must be positive.', 'الكمية يجب أن تكون موجبة.');
  }

  // Categories: the right rates, a reason for Z and E, and each category's VAT from its own taxable amount.
  for (const b of totals.breakdown) {
    if (b.ratePercent !== RATE[b.category]) fail(`BR-${b.category}-05`, `Category ${b.category} must have rate ${RATE[b.category]}%.`, `الفئة ${b.category} نسبتها ${RATE[b.category]}٪.`);
    if (Math.abs(b.vatHalalas - halfUp(b.taxableHalalas * b.ratePercent, 100)) > 1) {
      fail(`BR-${b.category}-09`, `Category ${b.category}: VAT is not its taxable amount × rate.`, `الفئة ${b.category}: الضريبة لا تساوي المبلغ الخاضع × النسبة.`);
    }
  }
  if (totals.breakdown.some((b) => b.category === 'Z') && !ZERO_RATED_REASONS.includes(doc.exemptions.Z.code)) fail('BR-KSA-18', 'A zero-rated category needs a ZATCA zero-rating reason code.', 'الفئة الصفرية تحتاج رمز سبب معتمد.');
  if (totals.breakdown.some((b) => b.category === 'E') && !EXEMPT_REASONS.includes(doc.exemptions.E.code)) fail('BR-KSA-18', 'An exempt category needs a ZATCA exemption reason code.', 'الفئة المعفاة تحتاج رمز سبب معتمد.');
  const categories = new Set(doc.lines.map((l) => l.vatCategory));
  if (categories.size !== totals.breakdown.length || totals.breakdown.some((b) => !categories.has(b.category))) {
    fail('BR-CO-18', 'Each VAT category of the lines needs exactly one breakdown.', 'كل فئة ضريبية في الأسطر تحتاج تفصيلًا واحدًا.');
  }

  // Document sums, exact (BR-CO-10/13/14/15) and lines against their categories (BR-S/Z/E-08, BR-KSA-50/51).
  const sum = (xs: number[]) => xs.reduce((x, y) => x + y, 0);
  if (totals.subtotalHalalas !== sum(totals.breakdown.map((b) => b.taxableHalalas))) fail('BR-CO-13', 'The amount without VAT is not the sum of the categories.', 'المبلغ دون الضريبة لا يساوي مجموع الفئات.');
  if (totals.vatHalalas !== sum(totals.breakdown.map((b) => b.vatHalalas))) fail('BR-CO-14', 'The VAT total is not the sum of the categories\' VAT.', 'إجمالي الضريبة لا يساوي مجموع ضريبة الفئات.');
  if (totals.totalHalalas !== totals.subtotalHalalas + totals.vatHalalas) fail('BR-CO-15', 'The total with VAT is not the total without VAT plus VAT.', 'الإجمالي شامل الضريبة لا يساوي الصافي مع الضريبة.');
  if (found.length > 0) return found; // line amounts are only meaningful on consistent totals
  const amounts = lineAmounts(doc);
  if (sum(amounts.map((x) => x.netHalalas)) !== totals.subtotalHalalas) fail('BR-CO-10', 'The line amounts do not add up to the amount without VAT.', 'مجموع الأسطر لا يساوي المبلغ دون الضريبة.');
  for (const b of totals.breakdown) {
    const nets = sum(amounts.filter((_, i) => doc.lines[i]!.vatCategory === b.category).map((x) => x.netHalalas));
    if (nets !== b.taxableHalalas) fail(`BR-${b.category}-08`, `Category ${b.category}: its lines do not add up to its taxable amount.`, `الفئة ${b.category}: أسطرها لا تساوي المبلغ الخاضع.`);
  }
  amounts.forEach((x, i) => {
    const line = doc.lines[i]!;
    if (x.vatHalalas !== halfUp(x.netHalalas * RATE[line.vatCategory], 100)) fail('BR-KSA-50', `Line ${i + 1}: its VAT is not its net × rate.`, `السطر ${i + 1}: ضريبته لا تساوي الصافي × النسبة.`);
    if (x.withVatHalalas !== x.netHalalas + x.vatHalalas) fail('BR-KSA-51', `Line ${i + 1}: amount with VAT is not net + VAT.`, `السطر ${i + 1}: المبلغ شامل الضريبة لا يساوي الصافي مع الضريبة.`);
  });
  return found;
}
