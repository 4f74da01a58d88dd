// The rules ZATCA will check that the till can check itself before it signs, read from the Schematron shipped
// with ZATCA's SDK (its KSA rules and the EN 16931 UBL rules; the ids are theirs). A document that breaks one is
// never issued: the sale is not completed and the cashier is told, instead of a rejection a day later that only
// a credit note can fix. Warnings count as much as errors here: a document the till makes has none.
//
// Not here, because the builder writes them the one right way (they are tested on its output): the profile and
// currencies (BR-KSA-EN16931-01/02, BR-KSA-68), the type code and subtype (BR-KSA-05/06/31), the two tax totals
// (BR-KSA-EN16931-08/09), decimals (BR-DEC-*, BR-KSA-DEC-*), line amounts with VAT (BR-KSA-51/52/53), the
// signature block (BR-KSA-29/30/60). Not checkable before signing: the QR and the stamp (BR-KSA-27/28, signer's),
// and that the issue date is not after ZATCA's today (BR-KSA-04).
//
// NUQTA-TOTALS is the till's own, stricter than ZATCA's ±0.01 (BR-S-09): the sale's totals must be exactly what
// its lines give under ZATCA's rounding (per category, half-up), or the receipt and the invoice would disagree.
import { documentAmounts, divideHalfUp } from './amounts';
import { checkBuyer } from './buyer';
import type { RuleViolation } from './violation';
import { unitPriceText } from './decimal';
import { VAT_RATE_PERCENT, type EInvoiceDocument, type VatCategoryCode } from './document';

export type { RuleViolation } from './violation';

/** ZATCA's reason codes by category (XML-Std §11.2.4; BR-KSA-CL-04). */
const REASONS: Record<'Z' | 'E', readonly string[]> = {
  Z: ['VATEX-SA-32', 'VATEX-SA-33', 'VATEX-SA-34-1', 'VATEX-SA-34-2', 'VATEX-SA-34-3', 'VATEX-SA-34-4', 'VATEX-SA-34-5', 'VATEX-SA-35', 'VATEX-SA-36', 'VATEX-SA-EDU', 'VATEX-SA-HEA', 'VATEX-SA-MLTRY', 'VATEX-SA-DIPLOMAT'],
  E: ['VATEX-SA-29', 'VATEX-SA-29-7', 'VATEX-SA-30'],
};
/** Private education and healthcare to citizens need the buyer's national ID (BR-KSA-25/49): never a walk-in sale. */
const NEEDS_BUYER_ID = ['VATEX-SA-EDU', 'VATEX-SA-HEA'];
/** UNTDID 4461 as ZATCA's BR-KSA-16 lists it. */
const PAYMENT_MEANS = new Set([...Array.from({ length: 68 }, (_, i) => String(i + 1)), '70', '74', '75', '76', '77', '78', '91', '92', '93', '94', '95', '96', '97', 'ZZZ']);
const SELLER_ID_SCHEMES = ['CRN', 'MOM', 'MLS', 'SAG', 'OTH', '700'];
const CATEGORY_NAME: Record<VatCategoryCode, { en: string; ar: string }> = {
  S: { en: 'standard-rated', ar: 'الخاضعة للنسبة الأساسية' },
  Z: { en: 'zero-rated', ar: 'الخاضعة للنسبة الصفرية' },
  E: { en: 'exempt', ar: 'المعفاة' },
};

/** Characters as XPath's string-length counts them (code points), for ZATCA's field limits (BR-KSA-F-06). */
const length = (s: string): number => s.length - (s.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)?.length ?? 0);
const blank = (s: string): boolean => s.trim() === '';
const isDate = (s: string): boolean => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= days[mo - 1]!;
};
const isWholeHalalas = (n: number): boolean => Number.isSafeInteger(n) && n >= 0;

/**
 * ZATCA's line check (BR-KSA-EN16931-11) on the very text the builder writes: the net must be quantity × unit
 * price, truncated to 3 places and rounded to 2, give or take 0.01. In integers: price × quantity is
 * priceUnits × milli at 10^(places+3).
 */
function priceReproducesNet(netHalalas: number, quantityMilli: number): boolean {
  const text = unitPriceText(netHalalas, quantityMilli);
  const [whole, fraction = ''] = text.split('.');
  const scale = 10n ** BigInt(fraction.length + 3);
  const product = BigInt(whole! + fraction) * BigInt(quantityMilli); // SAR × scale
  const thousandths = (product * 1000n) / scale; // floor(qty × price × 1000)
  const halalas = (thousandths + 5n) / 10n; // round half-up to 2 places
  const diff = halalas - BigInt(netHalalas);
  return diff >= -1n && diff <= 1n;
}

export function checkInvoiceRules(doc: EInvoiceDocument): RuleViolation[] {
  const found: RuleViolation[] = [];
  const fail = (rule: string, en: string, ar: string) => found.push({ rule, message: { en, ar } });
  const tooLong = (value: string, max: number, rule: string, en: string, ar: string) => {
    if (length(value) > max) fail(rule, `${en} is longer than ${max} characters.`, `${ar} أطول من ${max} حرفًا.`);
  };
  const { seller, totals } = doc;
  const a = seller.address;

  // The document itself.
  if (blank(doc.number)) fail('BR-02', 'The invoice number is missing.', 'رقم الفاتورة ناقص.');
  tooLong(doc.number, 127, 'BR-KSA-F-06-C1', 'The invoice number', 'رقم الفاتورة');
  if (!/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(doc.uuid)) fail('BR-KSA-03', 'The document UUID is not a UUID.', 'المعرف الفريد للمستند (UUID) غير صالح.');
  if (!isDate(doc.issueDate)) fail('BR-KSA-F-01', 'The issue date must be a date written YYYY-MM-DD.', 'تاريخ الإصدار يجب أن يكون تاريخًا بصيغة YYYY-MM-DD.');
  if (!/^([01]\d|2[0-3]):[0-5]\d:[0-5]\dZ?$/.test(doc.issueTime)) fail('BR-KSA-70', 'The issue time must be hh:mm:ss.', 'وقت الإصدار يجب أن يكون بصيغة hh:mm:ss.');
  if (!Number.isSafeInteger(doc.icv) || doc.icv < 1) fail('BR-KSA-34', 'The invoice counter (ICV) must be a positive whole number.', 'عداد الفواتير (ICV) يجب أن يكون عددًا صحيحًا موجبًا.');
  // A hash: Base64 of 32 bytes; the seed is Base64 of the hash's 64 hex characters (BR-KSA-26).
  if (!/^[A-Za-z0-9+/]{43}=$|^[A-Za-z0-9+/]{86}==$/.test(doc.pih)) fail('BR-KSA-61', "The previous invoice's hash (PIH) is not a Base64 SHA-256.", 'تجزئة الفاتورة السابقة (PIH) غير صالحة.');
  if (doc.lines.length === 0) fail('BR-16', 'A document needs at least one line.', 'المستند يحتاج سطرًا واحدًا على الأقل.');
  if (doc.lines.length > 999_999) fail('BR-KSA-F-06-C17', 'A document holds at most 999,999 lines.', 'المستند يتسع لـ ٩٩٩٬٩٩٩ سطرًا على الأكثر.');
  if (doc.paymentMeans.length === 0 || doc.paymentMeans.some((c) => !PAYMENT_MEANS.has(c))) {
    fail('BR-KSA-16', 'The payment means must be UNTDID 4461 codes (10 cash, 48 card, …).', 'وسيلة الدفع يجب أن تكون رمزًا من قائمة UNTDID 4461 (10 نقدًا، 48 بطاقة، …).');
  }
  if (doc.type !== 'invoice') {
    // Credit and debit notes: the invoice they correct (BR-KSA-56, BR-55) and why (BR-KSA-17, in each payment means).
    if (!doc.note || blank(doc.note.originalNumber)) fail('BR-KSA-56', 'A credit or debit note must name the invoice it corrects.', 'الإشعار الدائن أو المدين يجب أن يذكر رقم الفاتورة الأصلية.');
    if (!doc.note || blank(doc.note.reason)) fail('BR-KSA-17', 'A credit or debit note must give its reason.', 'الإشعار الدائن أو المدين يجب أن يذكر سبب إصداره.');
    if (doc.note) {
      tooLong(doc.note.originalNumber, 5000, 'BR-KSA-F-06-C22', "The original invoice's number", 'رقم الفاتورة الأصلية');
      tooLong(doc.note.reason, 1000, 'BR-KSA-F-06-C13', "The note's reason", 'سبب الإشعار');
    }
  }

  // The seller (BR-06, BR-KSA-08/09/37/39/40/66 and the field limits of BR-KSA-F-06).
  if (blank(seller.registrationName)) fail('BR-06', "The seller's registered name is missing.", 'اسم البائع المسجل ناقص.');
  tooLong(seller.registrationName, 1000, 'BR-KSA-F-06-C10', "The seller's name", 'اسم البائع');
  if (!/^3\d{13}3$/.test(seller.vatNumber)) fail('BR-KSA-40', 'The VAT number must be 15 digits, starting and ending with 3.', 'الرقم الضريبي يجب أن يكون ١٥ رقمًا يبدأ وينتهي بالرقم 3.');
  if (!seller.otherId) fail('BR-KSA-08', "The seller needs another ID (its commercial registration).", 'يلزم معرف آخر للبائع (السجل التجاري).');
  else if (!SELLER_ID_SCHEMES.includes(seller.otherId.scheme) || !/^[A-Za-z0-9]+$/.test(seller.otherId.value)) {
    fail('BR-KSA-08', "The seller's other ID must be letters and digits under CRN, MOM, MLS, SAG, OTH or 700.", 'معرف البائع الآخر يجب أن يكون حروفًا وأرقامًا بأحد الأنواع CRN أو MOM أو MLS أو SAG أو OTH أو 700.');
  } else if (seller.otherId.scheme === 'CRN' && !/^\d{10}$/.test(seller.otherId.value)) {
    fail('BR-KSA-08', 'The commercial registration number must be 10 digits.', 'رقم السجل التجاري يجب أن يكون ١٠ أرقام.');
  }
  if ([a.street, a.district, a.city].some(blank)) fail('BR-KSA-09', "The seller's address needs its street, district and city.", 'عنوان البائع يحتاج اسم الشارع والحي والمدينة.');
  if (!/^\d{4}$/.test(a.buildingNumber)) fail('BR-KSA-37', "The seller's building number must be 4 digits.", 'رقم مبنى البائع يجب أن يكون ٤ أرقام.');
  if (!/^\d{5}$/.test(a.postalCode)) fail('BR-KSA-66', "The seller's postal code must be 5 digits.", 'الرمز البريدي للبائع يجب أن يكون ٥ أرقام.');
  tooLong(a.street, 1000, 'BR-KSA-F-06-C4', "The seller's street", 'شارع البائع');
  tooLong(a.city, 127, 'BR-KSA-F-06-C7', "The seller's city", 'مدينة البائع');
  tooLong(a.district, 127, 'BR-KSA-F-06-C9', "The seller's district", 'حي البائع');

  // The buyer of a standard (B2B) document (buyer.ts: BR-KSA-42/44/81/14/10/63/67).
  if (doc.buyer) {
    for (const v of checkBuyer(doc.buyer)) found.push({ rule: v.rule, message: v.message });
    tooLong(doc.buyer.legalName, 1000, 'BR-KSA-F-06-C25', "The buyer's name", 'اسم المشتري');
  }

  // The lines: a name, a positive quantity, amounts in whole non-negative halalas (BR-KSA-F-04: notes too — the
  // type code says which way the money goes).
  let linesReadable = true;
  doc.lines.forEach((line, i) => {
    const n = i + 1;
    if (blank(line.name)) fail('BR-25', `Line ${n} needs an item name.`, `السطر ${n} يحتاج اسم الصنف.`);
    tooLong(line.name, 1000, 'BR-KSA-F-06-C19', `Line ${n}'s item name`, `اسم الصنف في السطر ${n}`);
    if (!Number.isSafeInteger(line.quantityMilli) || line.quantityMilli <= 0) {
      linesReadable = false;
      fail('BR-22', `Line ${n}'s quantity must be positive.`, `كمية السطر ${n} يجب أن تكون موجبة.`);
    }
    if (!isWholeHalalas(line.lineTotalHalalas)) {
      linesReadable = false;
      fail('BR-KSA-F-04', `Line ${n}'s amount must be whole halalas and not negative.`, `مبلغ السطر ${n} يجب أن يكون بالهللة الكاملة وغير سالب.`);
    }
  });
  const totalsReadable = [totals.subtotalHalalas, totals.vatHalalas, totals.totalHalalas, ...totals.breakdown.flatMap((b) => [b.taxableHalalas, b.vatHalalas])].every(isWholeHalalas);
  if (!totalsReadable) fail('BR-KSA-F-04', 'The totals must be whole halalas and not negative.', 'الإجماليات يجب أن تكون بالهللة الكاملة وغير سالبة.');

  // Why zero-rated and exempt lines carry no VAT (BR-KSA-69/23, BR-KSA-CL-04, BR-KSA-83), and who may be told so.
  const present = new Set(doc.lines.map((l) => l.vatCategory));
  for (const category of ['Z', 'E'] as const) {
    if (!present.has(category)) continue;
    const reason = doc.exemptions[category];
    const name = CATEGORY_NAME[category];
    if (blank(reason.code)) fail(category === 'Z' ? 'BR-KSA-69' : 'BR-KSA-23', `The ${name.en} lines need ZATCA's reason code.`, `الأسطر ${name.ar} تحتاج رمز السبب المعتمد من هيئة الزكاة.`);
    else if (!REASONS[category].includes(reason.code)) fail('BR-KSA-CL-04', `${reason.code} is not a ZATCA reason code for ${name.en} lines.`, `${reason.code} ليس رمز سبب معتمدًا للأسطر ${name.ar}.`);
    else if (NEEDS_BUYER_ID.includes(reason.code) && doc.buyer?.otherId?.scheme !== 'NAT') fail('BR-KSA-49', `${reason.code} needs the buyer's national ID, which a simplified invoice does not carry.`, `${reason.code} يحتاج هوية المشتري الوطنية، والفاتورة المبسطة لا تحملها.`);
    if (blank(reason.text)) fail('BR-KSA-83', `The ${name.en} lines need the reason's text.`, `الأسطر ${name.ar} تحتاج نص السبب.`);
    tooLong(reason.text, 1000, 'BR-KSA-F-06-C16', 'The exemption reason', 'نص سبب الإعفاء');
  }
  if (!linesReadable || !totalsReadable) return found; // the amounts below are only meaningful on whole halalas

  // The VAT breakdown: one per category of the lines (BR-CO-18, BR-S/Z/E-01), at the KSA rate (BR-S/Z/E-05), its
  // VAT the taxable amount × rate (BR-S-09 within ZATCA's 0.01, BR-Z/E-09 zero), its taxable amount the sum of
  // its lines' nets (BR-S/Z/E-08) — and all of it exactly what the lines give (NUQTA-TOTALS).
  const computed = documentAmounts(doc);
  if (totals.breakdown.length === 0) fail('BR-CO-18', 'The document needs a VAT breakdown.', 'المستند يحتاج تفصيلًا لضريبة القيمة المضافة.');
  for (const category of ['S', 'Z', 'E'] as const) {
    const name = CATEGORY_NAME[category];
    const given = totals.breakdown.filter((b) => b.category === category);
    const want = computed.totals.breakdown.find((b) => b.category === category);
    if (want && given.length === 0) fail(`BR-${category}-01`, `The ${name.en} lines need their VAT breakdown.`, `الأسطر ${name.ar} تحتاج تفصيل ضريبتها.`);
    if (given.length === 0) continue;
    if (given.length > 1 || !want) fail(`BR-${category}-08`, `The ${name.en} breakdown must be one, for the ${name.en} lines.`, `تفصيل الفئة ${name.ar} يكون واحدًا لأسطرها.`);
    const b = given[0]!;
    if (b.ratePercent !== VAT_RATE_PERCENT[category]) fail(`BR-${category}-05`, `The ${name.en} rate must be ${VAT_RATE_PERCENT[category]}%.`, `نسبة الفئة ${name.ar} يجب أن تكون ${VAT_RATE_PERCENT[category]}٪.`);
    const zatcaVat = divideHalfUp(b.taxableHalalas * VAT_RATE_PERCENT[category], 100);
    if (Math.abs(b.vatHalalas - zatcaVat) > (category === 'S' ? 1 : 0)) fail(`BR-${category}-09`, `The ${name.en} VAT is not its taxable amount × rate.`, `ضريبة الفئة ${name.ar} لا تساوي المبلغ الخاضع × النسبة.`);
    if (want && given.length === 1 && b.taxableHalalas !== want.taxableHalalas) fail(`BR-${category}-08`, `The ${name.en} taxable amount is not the sum of its lines' net amounts.`, `المبلغ الخاضع للفئة ${name.ar} لا يساوي مجموع صافي أسطرها.`);
    if (want && given.length === 1 && b.vatHalalas !== want.vatHalalas) {
      fail('NUQTA-TOTALS', `The ${name.en} VAT is not the category total's VAT rounded half-up (XML-Std §10).`, `ضريبة الفئة ${name.ar} ليست ضريبة إجمالي الفئة مقربة نصفًا إلى الأعلى.`);
    }
  }
  const sum = (xs: number[]) => xs.reduce((x, y) => x + y, 0);
  if (totals.subtotalHalalas !== sum(totals.breakdown.map((b) => b.taxableHalalas))) fail('BR-CO-13', 'The total without VAT is not the sum of the categories.', 'الإجمالي دون الضريبة لا يساوي مجموع الفئات.');
  if (totals.vatHalalas !== sum(totals.breakdown.map((b) => b.vatHalalas))) fail('BR-CO-14', "The VAT total is not the sum of the categories' VAT.", 'إجمالي الضريبة لا يساوي مجموع ضريبة الفئات.');
  if (totals.totalHalalas !== totals.subtotalHalalas + totals.vatHalalas) fail('BR-CO-15', 'The total with VAT is not the total without VAT plus VAT.', 'الإجمالي شامل الضريبة لا يساوي الإجمالي دون الضريبة مع الضريبة.');
  // The lines' nets (BR-CO-10's sum) less the document's allowances are the total without VAT (BR-CO-13).
  if (sum(computed.lines.map((l) => l.netHalalas)) - sum(computed.allowances.map((a) => a.netHalalas)) !== totals.subtotalHalalas) {
    fail('BR-CO-10', "The lines' net amounts less the discounts do not add up to the total without VAT.", 'مجموع صافي الأسطر بعد الخصم لا يساوي الإجمالي دون الضريبة.');
  }

  // Each line's unit price, as written, gives its net back (BR-KSA-EN16931-11).
  computed.lines.forEach((l, i) => {
    if (!priceReproducesNet(l.netHalalas, doc.lines[i]!.quantityMilli)) fail('BR-KSA-EN16931-11', `Line ${i + 1}: quantity × unit price is not its net amount.`, `السطر ${i + 1}: الكمية × سعر الوحدة لا تساوي صافي مبلغه.`);
  });
  return found;
}
