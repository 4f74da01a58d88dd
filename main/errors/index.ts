// Errors cross the boundary as data: a stable code plus a message in each language. Every till-wide failure a
// person can see is listed here, so the wording is reviewed in one place and the codes never drift. Domains
// with failures of their own (printing, catalog import, devices) list them in their own catalog, built with
// the same `defineErrors`.
import type { ErrorData } from '../../preload/contract';
import { defineErrors } from './define';

export { defineErrors, type Bilingual, type CatalogError, type ErrorCatalog } from './define';

export const errorCatalog = defineErrors({
  INVALID_INPUT: { ar: 'طلب غير صالح.', en: 'The request was not valid.' },
  UNKNOWN_METHOD: { ar: 'عملية غير معروفة.', en: 'Unknown operation.' },
  FORBIDDEN_SENDER: { ar: 'الطلب من مصدر غير موثوق.', en: 'The request came from an untrusted source.' },
  INTERNAL: { ar: 'حدث خطأ غير متوقع. لم تُفقد أي بيانات.', en: 'Something unexpected went wrong. No data was lost.' },
  BARCODE_MALFORMED: {
    ar: 'الباركود غير مقروء. امسحه مرة أخرى أو اكتبه.',
    en: 'That barcode could not be read. Scan it again or type it.',
  },
  BARCODE_CHECK_DIGIT: {
    ar: 'رقم التحقق في الباركود غير صحيح. أعد المسح.',
    en: 'The barcode check digit is wrong. Scan it again.',
  },
  BARCODE_UNKNOWN: { ar: 'الباركود غير موجود في الأصناف.', en: 'That barcode is not in the catalog.' },
  PRODUCT_UNKNOWN: { ar: 'الصنف غير موجود.', en: 'That product does not exist.' },
  LINE_QUANTITY_LIMIT: {
    ar: 'لا يتسع السطر لأكثر من ٩٬٩٩٩ من الصنف. ابدأ بيعًا آخر للباقي.',
    en: 'A line holds at most 9,999 of an item. Ring the rest up in another sale.',
  },
  LINE_UNKNOWN: { ar: 'السطر غير موجود في البيع الحالي.', en: 'That line is not in the current sale.' },
  SALE_EMPTY: { ar: 'لا توجد أصناف في البيع.', en: 'The sale has no items.' },
  SALE_TOO_LARGE: { ar: 'تجاوز البيع الحد المسموح.', en: 'The sale exceeds the allowed limit.' },
  REFUND_NEEDS_APPROVAL: {
    ar: 'هذا الاسترداد يتجاوز الحد المسموح لدورك: يلزم رمز مشرف أو مدير.',
    en: 'This refund is beyond what your role may refund alone: a supervisor’s or manager’s PIN is needed.',
  },
  DRAWER_NEEDS_APPROVAL: {
    ar: 'دورك لا يفتح الدرج دون عملية بيع: يلزم رمز مشرف أو مدير.',
    en: 'Your role does not open the drawer without a sale: a supervisor’s or manager’s PIN is needed.',
  },
  DISCOUNT_NEEDS_APPROVAL: {
    ar: 'هذا الخصم أو السعر يتجاوز حد الكاشير: يلزم رمز المدير.',
    en: "This discount or price is beyond the cashier's limit: a manager's PIN is needed.",
  },
  DISCOUNT_OVER_AMOUNT: {
    ar: 'الخصم أكبر من المبلغ الذي يُخصم منه. أزل الخصم أو غيّره أولاً.',
    en: 'The discount is more than the amount it comes off. Remove or change the discount first.',
  },
  DISCOUNT_SALE_EMPTY: { ar: 'لا يوجد أصناف في البيع ليُخصم منها.', en: 'There are no items on the sale to discount.' },
  UNDER_TENDER: { ar: 'المبلغ المدفوع أقل من الإجمالي.', en: 'The amount tendered is less than the total.' },
  CHANGE_TOO_LARGE: {
    ar: 'سيكون الباقي ٥٠٠ ريال أو أكثر. تحقق من المبلغ المستلم (ربما مُسح باركود في خانة المبلغ).',
    en: 'The change would be 500 riyals or more. Check the amount tendered (a barcode may have been scanned into the amount field).',
  },
  RECEIPT_UNKNOWN: { ar: 'الإيصال غير موجود.', en: 'That receipt does not exist.' },
  LEDGER_SCHEMA_NEWER: {
    ar: 'قاعدة البيانات من إصدار أحدث من البرنامج. حدّث البرنامج.',
    en: 'The database was written by a newer version of the app. Update the app.',
  },
  LEDGER_LOCKED: {
    ar: 'نقطة البيع تعمل بالفعل على هذه البيانات.',
    en: 'Another copy of the till is already running on this data.',
  },
  DISK_FULL: {
    ar: 'القرص ممتلئ، فلم يُحفظ هذا الإجراء. لم يُفقد شيء مما حُفظ قبله. أفرغ مساحة (احذف ملفات قديمة أو أفرغ سلة المحذوفات؛ يلزم ١٠٠ ميغابايت على الأقل) ثم أعد المحاولة.',
    en: 'The disk is full, so this was not saved. Nothing saved before it is lost. Free some space (delete old files or empty the trash; at least 100 MB) and try again.',
  },
  LEDGER_DAMAGED: {
    ar: 'ملف بيانات نقطة البيع تالف، ولن تبيع نقطة البيع عليه. استعد آخر نسخة احتياطية سليمة أو اتصل بالدعم.',
    en: 'The till\'s data file is damaged, so the till will not sell on it. Restore the last verified backup or call support.',
  },
  CONFIG_INVALID: { ar: 'إعدادات نقطة البيع غير صحيحة.', en: 'The till settings are not valid.' },
  DEMO_IDENTITY: {
    ar: 'هذه النقطة ما زالت تحمل بيانات المتجر التجريبي (الرقم الضريبي 300000000000003) مع أجهزة حقيقية، فلا تُسجَّل عليها مبيعات حقيقية. أدخل اسم المتجر ورقمه الضريبي وعنوانه في الإعدادات (أو nuqta config set vatNumber …).',
    en: 'This till still carries the demo shop\'s identity (VAT number 300000000000003) with real devices, so it takes no live sale. Set the shop\'s name, VAT number and address in the settings (or nuqta config set vatNumber …).',
  },
  PAYMENT_PENDING: {
    ar: 'عملية دفع لم تُحسم بعد. لا تُحصّل مرة أخرى؛ نقطة البيع تتحقق من الجهاز أو مزوّد الدفع.',
    en: 'A payment is not settled yet. Do not charge again; the till is checking with the terminal or provider.',
  },
  SALE_HAS_PAYMENTS: {
    ar: 'لا يمكن تعديل البيع بعد قبول دفعة بالبطاقة. اعكس الدفعة أولاً.',
    en: 'The sale cannot change once a card payment is approved. Reverse the payment first.',
  },
  TERMINAL_NOT_CONFIGURED: { ar: 'لا يوجد جهاز دفع مُعدّ لهذه النقطة.', en: 'No card terminal is set up for this till.' },
  TERMINAL_UNREACHABLE: {
    ar: 'تعذر الاتصال بجهاز الدفع. تحقق من الكابل أو الشبكة.',
    en: 'The card terminal cannot be reached. Check its cable or network.',
  },
  PAYMENTS_RECOVERING: {
    ar: 'نقطة البيع تتحقق من دفعات سابقة مع الجهاز. انتظر لحظة.',
    en: 'The till is checking earlier payments with the terminal. One moment.',
  },
  SETTLEMENT_REFUSED: {
    ar: 'رفض جهاز الدفع التسوية ولم يُسوِّ شيئًا. اقرأ رسالته على الجهاز، ثم أعد المحاولة أو اتصل بالبنك.',
    en: 'The card terminal refused the settlement; nothing was settled. Read its message on the terminal, then try again or call the bank.',
  },
  MANAGER_PIN_WRONG: { ar: 'رمز المدير غير صحيح.', en: 'The manager PIN is wrong.' },
  MANAGER_PIN_LOCKED: {
    ar: 'محاولات كثيرة خاطئة: رمز المدير مقفل مؤقتًا (دقيقة، ثم مدة أطول بعد كل قفل). انتظر، أو يفتحه المسؤول بالأمر nuqta manager-pin unlock.',
    en: 'Too many wrong PINs: the manager PIN is locked for a while (a minute, longer after each lockout). Wait, or have the admin unlock it with nuqta manager-pin unlock.',
  },
  AMOUNT_OVER_DUE: { ar: 'المبلغ أكبر من المتبقي على البيع.', en: 'The amount is more than what is due.' },
  RETURN_NOTHING_LEFT: {
    ar: 'أُرجع كل ما في هذا الإيصال من قبل.',
    en: 'Everything on this receipt has already been returned.',
  },
  RETURN_LINE_UNKNOWN: {
    ar: 'الصنف المختار ليس في هذا الإيصال (أو اختير مرتين).',
    en: 'That item is not on this receipt (or was chosen twice).',
  },
  RETURN_QUANTITY_OVER: {
    ar: 'الكمية المرتجعة أكبر مما بقي من الصنف في الإيصال.',
    en: 'More of that item than is left on the receipt to return.',
  },
  RETURN_OVER_ORIGINAL: {
    ar: 'مبلغ الإرجاع يتجاوز ما دفعه العميل في هذا الإيصال.',
    en: 'The return is more than the customer paid on this receipt.',
  },
  RETURN_NOTHING_TO_REFUND: {
    ar: 'لا يساوي هذا الجزء من الإيصال شيئًا مما دُفع. أرجع كمية أكبر منه معًا.',
    en: 'That much of the receipt is worth nothing of what was paid. Return more of it at once.',
  },
  RETURN_UNKNOWN: { ar: 'المرتجع غير موجود.', en: 'That return does not exist.' },
  REFUND_RECEIPT_NOT_PRINTED: {
    ar: 'تم الاسترداد، وتعذرت طباعة إيصاله. اطبع نسخة منه من سجل المبيعات.',
    en: 'The refund is done, but its receipt could not be printed. Print a copy from the sales history.',
  },
  RETURN_NOT_CLEARED_YET: {
    ar: 'لم تعتمد هيئة الزكاة إشعار الدائن هذا بعد، فلا نسخة منه: يُطبع الإيصال حين تعتمده.',
    en: 'ZATCA has not cleared this credit note yet, so there is no copy of it: its receipt prints once it is cleared.',
  },
  RETURN_SPLIT_CARDS: {
    ar: 'دُفع هذا الإيصال بأكثر من بطاقة، ولا تتسع أي بطاقة منها — مع النقد المدفوع — لكامل هذا الإرجاع: أرجع أصنافاً أقل في كل مرة (كل إرجاع يعود إلى بطاقة واحدة، والباقي من النقد المدفوع).',
    en: 'This receipt was paid with more than one card and no one card, with the cash paid, can take all of this return: return fewer items at a time (each return goes back to one card, the rest from the cash paid).',
  },
  RETURN_REFUND_DECLINED: {
    ar: 'رفض الجهاز الاسترداد: لم يُرجع أي مبلغ ولم يُسجَّل المرتجع. حاول مرة أخرى أو راجع المدير.',
    en: 'The terminal declined the refund: no money went back and no return was recorded. Try again or ask a manager.',
  },
  RETURN_REFUND_MISMATCH: {
    ar: 'أعاد الجهاز إلى البطاقة مبلغاً غير المطلوب، فلم يُسجَّل المرتجع بعد. لا تُعد أي مبلغ نقداً الآن: يُصدره المدير من «المرتجعات» في شاشة الجهاز بما أُعيد فعلاً، والباقي من الدرج.',
    en: 'The terminal refunded another amount than asked, so the return is not recorded yet. Pay nothing in cash now: a manager issues it from Returns in the terminal panel for what was actually refunded, the rest from the drawer.',
  },
  RETURN_ISSUE_FAILED: {
    ar: 'أُعيد المبلغ إلى البطاقة لكن تعذر إصدار الإشعار الدائن، فلم يُسجَّل المرتجع بعد. لا تُعد المبلغ مرة أخرى: يُصدره المدير من «المرتجعات» في شاشة الجهاز.',
    en: 'The refund went back to the card but the credit note could not be issued, so the return is not recorded yet. Do not refund it again: a manager issues it from Returns in the terminal panel.',
  },
  RETURN_NO_SALE_FOUND: {
    ar: 'لا يوجد بيع لهذا الصنف في نقطة البيع هذه يمكن إرجاعه. لا يُسترد صنف بلا فاتورته: الإشعار الدائن يجب أن يذكر رقم الفاتورة التي يصححها (قاعدة هيئة الزكاة BR-KSA-56)، والمبلغ المسترد هو ما دُفع فيها. أرجعه في نقطة البيع أو الفرع الذي باعه، بالإيصال أو برقمه.',
    en: 'No sale of this item on this till can be returned. Goods cannot be refunded without their invoice: a credit note must name the invoice it corrects (ZATCA rule BR-KSA-56), and refunds what was paid on it. Return them at the till or branch that sold them, with the receipt or its number.',
  },
  CREDIT_UNKNOWN: {
    ar: 'لا يوجد رصيد متجر بهذا الرقم. تحقق من الرقم المطبوع على القسيمة (SC ثم 13 رقماً) أو امسح رمزها.',
    en: 'There is no store credit voucher with this number. Check the number printed on the voucher (SC and 13 digits) or scan its code.',
  },
  CREDIT_USED_UP: {
    ar: 'رصيد المتجر في هذه القسيمة استُخدم بالكامل: لم يبقَ فيها شيء.',
    en: 'This store credit voucher is used up: nothing is left on it.',
  },
  CREDIT_VOIDED: {
    ar: 'قسيمة رصيد المتجر هذه ملغاة ولا تُقبل.',
    en: 'This store credit voucher was voided and is not accepted.',
  },
  CREDIT_NOT_OFFERED: {
    ar: 'رصيد المتجر غير متاح في نقطة البيع هذه.',
    en: 'Store credit is not offered on this till.',
  },
  CREDIT_OVER_BALANCE: {
    ar: 'المبلغ أكبر من الرصيد المتبقي في القسيمة أو من المستحق على البيع.',
    en: 'The amount is more than the balance left on the voucher or than what is due on the sale.',
  },
  RETURN_REQUEST_UNKNOWN: {
    ar: 'طلب الإرجاع هذا لم يعد ينتظر (صدر أو أُلغي).',
    en: 'That return request is no longer waiting (it was issued or cancelled).',
  },
  RETURN_REFUND_UNDECIDED: {
    ar: 'لم يعطِ الجهاز نتيجة نهائية للاسترداد بعد: احسمه من «تحتاج إلى قرار» في شاشة الجهاز (تحقق مرة أخرى، أو سجّله من إيصال الجهاز).',
    en: 'The terminal has not given the refund a final answer yet: settle it under "Needs attention" in the terminal panel (check again, or record it from the terminal slip).',
  },
  RETURN_REFUND_OVER_RETURN: {
    ar: 'أعاد الجهاز إلى البطاقة أكثر من قيمة الأصناف المرتجعة، ولا يصدر إشعار دائن بمبلغ لا تغطيه الأصناف. استرد الفرق عن طريق البنك المحصّل.',
    en: 'The terminal refunded more to the card than the returned items are worth, and no credit note is issued for money the items do not cover. Recover the difference through the acquiring bank.',
  },
  RETURN_CASH_NOT_OWED: {
    ar: 'لا يوجد مبلغ نقدي مستحق على هذا المرتجع (صُرف من قبل).',
    en: 'Nothing is owed in cash on that return (it was paid out already).',
  },
  RETURN_REFUND_UNKNOWN: {
    ar: 'لم يؤكد الجهاز الاسترداد بعد. لا تُعد المبلغ نقداً: نقطة البيع تسأل الجهاز، ويُسجَّل المرتجع ويُطبع إيصاله حين يؤكد.',
    en: 'The terminal has not confirmed the refund yet. Do not pay it out in cash: the till keeps asking, and records and prints the return once it does.',
  },
  REFUND_OVER_ORIGINAL: {
    ar: 'مبلغ الاسترداد أكبر من المتبقي من الدفعة الأصلية.',
    en: 'The refund is more than what is left of the original payment.',
  },
  REVERSAL_NOT_LAST: {
    ar: 'لا يمكن عكس هذه الدفعة: ليست آخر عملية على الجهاز. استخدم الاسترداد.',
    en: 'This payment cannot be reversed: it is not the terminal\'s last transaction. Use a refund.',
  },
  EVIDENCE_REQUIRED: {
    ar: 'أدخل رقم المرجع (RRN) ورمز الموافقة من إيصال الجهاز.',
    en: 'Enter the RRN and approval code from the terminal receipt.',
  },
  INTENT_UNKNOWN: { ar: 'عملية الدفع غير موجودة.', en: 'That payment does not exist.' },
  INTENT_NOT_RESOLVABLE: {
    ar: 'هذه العملية ليست في حالة تسمح بذلك.',
    en: 'That payment is not in a state that allows this.',
  },
  PAYMENT_IN_PROGRESS: {
    ar: 'يفيد الجهاز أو مزوّد الدفع بأن العملية ما زالت قيد التنفيذ. انتظر نتيجتها؛ لا يمكن تسجيلها يدويًا الآن.',
    en: 'The terminal or provider says this payment is still in progress. Wait for its result; it cannot be recorded by hand now.',
  },
  STCPAY_NOT_CONFIGURED: { ar: 'STC Pay غير مُعدّ لهذه النقطة.', en: 'STC Pay is not set up for this till.' },
  STCPAY_MOBILE_INVALID: {
    ar: 'أدخل رقم جوال سعودي: 05XXXXXXXX أو ‎+9665XXXXXXXX.',
    en: 'Enter a Saudi mobile number: 05XXXXXXXX or +9665XXXXXXXX.',
  },
  STCPAY_NO_OTP_AWAITED: {
    ar: 'لا تنتظر هذه العملية رمز تحقق الآن.',
    en: 'That payment is not waiting for a code now.',
  },
  STCPAY_EVIDENCE_REQUIRED: {
    ar: 'أدخل الرقم المرجعي للعملية (STCPayRefNum) من بوابة تاجر STC Pay.',
    en: 'Enter the payment\'s STCPayRefNum from the STC Pay merchant portal.',
  },
  REVERSAL_NOT_SUPPORTED: {
    ar: 'لا يمكن عكس دفعة STC Pay. أكمل البيع ثم استردها.',
    en: 'An STC Pay payment cannot be reversed. Complete the sale, then refund it.',
  },
  PROVIDER_UNAVAILABLE: {
    ar: 'تعذر تشغيل مزوّد الدفع. راجع الإعدادات.',
    en: 'The payment provider could not be started. Check the settings.',
  },
  CATALOG_IMPORT_REJECTED: {
    ar: 'لم يُستورد ملف الأصناف لوجود أخطاء.',
    en: 'The catalog file was not imported because it has errors.',
  },
  // E-invoicing (lead's block; the fiscal helpers add theirs below).
  EINVOICE_NOT_ONBOARDED: {
    ar: 'نقطة البيع غير مربوطة بمنصة فاتورة بعد، فلا يمكن إصدار فاتورة. اطلب من المسؤول إكمال الربط (nuqta zatca onboard).',
    en: 'This till is not onboarded with ZATCA (FATOORA) yet, so it cannot issue an invoice. Ask the admin to onboard it (nuqta zatca onboard).',
  },
  EINVOICE_STANDARD_OFF: {
    ar: 'هذه النقطة لا تصدر فواتير ضريبية للمنشآت (B2B). يصدرها المسؤول بعد تفعيلها في إعدادات الفوترة الإلكترونية وربط النقطة لها.',
    en: 'This till does not issue tax invoices to businesses (B2B). The admin turns them on in the e-invoicing settings and onboards the till for them.',
  },
  EINVOICE_UNKNOWN: {
    ar: 'لا توجد فاتورة إلكترونية بهذا الرقم على هذه النقطة.',
    en: 'There is no e-invoice with this number on this till.',
  },
  EINVOICE_NOT_REJECTED: {
    ar: 'لم ترفض هيئة الزكاة هذه الفاتورة، فلا تحتاج إلى تصحيح.',
    en: 'ZATCA has not rejected this invoice, so it needs no correction.',
  },
  EINVOICE_ALREADY_REISSUED: {
    ar: 'صُحّحت هذه الفاتورة من قبل بإشعار دائن وفاتورة جديدة.',
    en: 'This invoice was already corrected with a credit note and a new invoice.',
  },
  EINVOICE_REISSUE_INVOICE_ONLY: {
    ar: 'تُصحَّح بهذه الطريقة الفواتير فقط. الإشعار الدائن المرفوض يُصدر من جديد بإرجاع جديد.',
    en: 'Only invoices are corrected this way. A rejected credit note is made again by a new return.',
  },
  TAX_INVOICE_NOT_STANDARD: {
    ar: 'فاتورة هذا الإيصال مبسطة، فلا تحتاج إلى اعتماد من هيئة الزكاة.',
    en: "This receipt's invoice is a simplified one: it needs no clearance by ZATCA.",
  },
  TAX_INVOICE_ALREADY_CLEARED: {
    ar: 'اعتمدت هيئة الزكاة هذه الفاتورة الضريبية، فلا تُستبدل بفاتورة مبسطة. سلّمها للمشتري.',
    en: 'ZATCA has cleared this tax invoice, so it is not replaced by a simplified one. Hand it to the buyer.',
  },
  EINVOICE_KEY_MISSING: {
    ar: 'مفتاح توقيع الفواتير غير موجود على هذا الجهاز. يجب ربط نقطة البيع من جديد.',
    en: "The invoice signing key is missing on this till. The till must be onboarded again.",
  },
  EINVOICE_WOULD_BE_REJECTED: {
    ar: 'الفاتورة لا تستوفي قواعد هيئة الزكاة فلم تُصدر، ولم يُحفظ البيع كمكتمل. أبلغ الدعم بالرمز المعروض.',
    en: 'The invoice breaks a ZATCA rule, so it was not issued and the sale is not completed. Report the rule shown to support.',
  },
  EINVOICE_XML_MALFORMED: {
    ar: 'مستند الفاتورة الإلكترونية غير صالح (XML).',
    en: 'The e-invoice document is not valid XML.',
  },
  EINVOICE_CERTIFICATE_INVALID: {
    ar: 'شهادة التوقيع (CSID) غير صالحة أو غير مقروءة. يجب ربط نقطة البيع من جديد.',
    en: 'The signing certificate (CSID) is invalid or unreadable. The till must be onboarded again.',
  },
  EINVOICE_QR_TOO_LONG: {
    ar: 'رمز QR للفاتورة أطول من المسموح (٧٠٠ حرف). اختصر اسم المنشأة المسجل في الإعدادات.',
    en: "The invoice QR would exceed ZATCA's 700 characters. Shorten the shop's registered name in the settings.",
  },
  EINVOICE_SIGNING_FAILED: {
    ar: 'تعذر توقيع الفاتورة، ولم يُحفظ البيع كمكتمل ولم يُستهلك رقم. حاول مرة أخرى أو اطلب المسؤول.',
    en: 'The invoice could not be signed; the sale is not completed and no number was used. Try again or call the admin.',
  },
  // E-invoicing: the UBL builder (helper C).
  EINVOICE_TOTALS_MISMATCH: {
    ar: 'إجماليات البيع لا تطابق ما تعطيه أسطره بتقريب هيئة الزكاة، فلم تُصدر الفاتورة ولم يُحفظ البيع كمكتمل. أبلغ الدعم.',
    en: "The sale's totals are not what its lines give under ZATCA's rounding, so no invoice was issued and the sale is not completed. Report it to support.",
  },
  // Shifts and cash (issue 15).
  SHIFT_NOT_OPEN: {
    ar: 'لا توجد وردية مفتوحة على نقطة البيع هذه. افتح وردية بعدّ النقدية الافتتاحية (زر الوردية في الأعلى) ثم بِع.',
    en: 'No shift is open on this till. Open a shift with its float counted (the Shift button at the top), then sell.',
  },
  SHIFT_ALREADY_OPEN: {
    ar: 'توجد وردية مفتوحة على نقطة البيع هذه. أغلقها قبل فتح وردية أخرى.',
    en: 'A shift is already open on this till. Close it before opening another.',
  },
  CLOSING_PAYMENTS_IN_DOUBT: {
    ar: 'لا يُغلق اليوم ومدفوعات لم تُحسم بعد: احسمها من قائمة الجهاز، أو يقرّ المدير باسمه بإغلاق اليوم وهي معلّقة.',
    en: 'The day cannot close while payments are still in doubt: settle them from the terminal list, or a manager acknowledges them by name to close anyway.',
  },
  Z_REPORT_UNKNOWN: {
    ar: 'لا يوجد تقرير Z بهذا الرقم على نقطة البيع هذه.',
    en: 'There is no Z report with this number on this till.',
  },
  EXPORT_FONT_MISSING: {
    ar: 'خطوط ملف PDF المرفقة بالبرنامج مفقودة (أعد تثبيت البرنامج). تصدير CSV يعمل.',
    en: 'The fonts bundled for the PDF are missing (reinstall the app). The CSV export works.',
  },
  CLOSING_SALE_IN_PROGRESS: {
    ar: 'بيع مفتوح على نقطة البيع: أكمله أو ألغِه قبل إغلاق اليوم.',
    en: 'A sale is open on the till: finish or void it before closing the day.',
  },
  SHIFT_COUNTED: {
    ar: 'عُدّت نقدية هذه الوردية وفرقها ينتظر موافقة المدير: لا بيع ولا حركة نقدية حتى تُغلق.',
    en: "This shift's cash has been counted and its difference waits for a manager: no sale or cash movement until it is closed.",
  },
  SHIFT_NOT_COUNTED: {
    ar: 'لم تُعدّ نقدية الوردية بعد. أدخل العدّ أولًا.',
    en: "The shift's cash has not been counted yet. Enter the count first.",
  },
  SHIFT_DEMO_OPEN: {
    ar: 'الوردية المفتوحة فتحها وضع العرض دون عدّ عهدة. أغلقها بعدّ الدرج، ثم افتح وردية بالعهدة المعدودة.',
    en: 'The open shift was opened by the demo, with no float counted. Close it by counting the drawer, then open a shift with the counted float.',
  },
  SCALE_ITEM_UNKNOWN: {
    ar: 'رقم الصنف في ملصق الميزان غير موجود في الأصناف. تحقق من رقم PLU في الميزان.',
    en: "The scale label's item code is not in the catalog. Check the item's PLU on the scale.",
  },
  SCALE_PRICE_CHECK_DIGIT: {
    ar: 'رقم التحقق من السعر في ملصق الميزان غير صحيح. أعد المسح أو اطبع الملصق من جديد.',
    en: "The scale label's price check digit is wrong. Scan it again or print a new label.",
  },
  SCALE_NOT_WEIGHED: {
    ar: 'ملصق الوزن لصنف يُباع بالقطعة. امسح باركود الصنف نفسه.',
    en: 'That weight label is for an item sold by the piece. Scan the item’s own barcode.',
  },
  WEIGHT_REQUIRED: { ar: 'هذا الصنف يُباع بالوزن: أدخل الوزن.', en: 'This item is sold by weight: enter the weight.' },
  WEIGHT_OUT_OF_RANGE: {
    ar: 'الوزن يجب أن يكون من ١ غرام إلى ١٠٠ كغ.',
    en: 'The weight must be from 1 g to 100 kg.',
  },
  WEIGHT_NOT_FOR_PIECES: { ar: 'هذا الصنف يُباع بالقطعة، لا بالوزن.', en: 'This item is sold by the piece, not by weight.' },
  SHIFT_SALE_IN_PROGRESS: {
    ar: 'يوجد بيع أو إرجاع قيد التنفيذ. أكمله أو ألغه قبل إغلاق الوردية.',
    en: 'A sale or a return is in progress. Complete it (or void the sale) before closing the shift.',
  },
  // People (issue 14): users, sign-in and the till's lock (main/people).
  SIGNED_OUT: {
    ar: 'نقطة البيع مقفلة. سجّل الدخول برمزك للمتابعة.',
    en: 'The till is locked. Sign in with your PIN to go on.',
  },
  SIGN_IN_WRONG: { ar: 'الرمز غير صحيح.', en: 'That PIN is not right.' },
  SIGN_IN_LOCKED: {
    ar: 'محاولات خاطئة كثيرة: تسجيل الدخول متوقف مؤقتًا (دقيقة، ثم مدة أطول بعد كل إيقاف). انتظر ثم حاول مجددًا.',
    en: 'Too many wrong PINs: signing in is paused for a while (a minute, longer after each pause). Wait, then try again.',
  },
  FIRST_ADMIN_NEEDED: {
    ar: 'لا يوجد مستخدمون في هذا الجهاز بعد، ورمزه المشترك هو الرمز التجريبي المعروف. أضف المدير الأول أولًا: الإدارة ← المدير الأول، أو ملف الإعداد المسبق، أو nuqta user add.',
    en: 'This till has no users yet and its shared PIN is the well-known demo PIN. Add the first admin first: Admin → First admin, the provisioning file, or nuqta user add.',
  },
  FIRST_ADMIN_EXISTS: {
    ar: 'لهذا الجهاز مستخدمون بالفعل: يضيف المدير أو المسؤول المستخدمين الجدد من الإدارة ← المستخدمون.',
    en: 'This till already has users: a manager or admin adds new ones in Admin → Users.',
  },
  SIGN_IN_TRAINEE: {
    ar: 'المتدرب يسجل الدخول في وضع التدريب فقط. يبدأ المدير التدريب من الإدارة ← التدريب.',
    en: 'A trainee signs in only in training mode. A manager starts it in Admin → Training.',
  },
  TRAINING_BUSY: {
    ar: 'أكمل البيع أو الإرجاع الجاري أو ألغه قبل تبديل وضع التدريب.',
    en: 'Finish or void the sale or return in progress before switching training mode.',
  },
  PRACTICE_NOT_TRAINING: {
    ar: 'تمارين التدريب تعمل في وضع التدريب فقط. يبدؤه المدير من الإدارة ← التدريب.',
    en: 'Practice scenarios run only in training mode. A manager starts it in Admin → Training.',
  },
  PRACTICE_UNKNOWN: { ar: 'لا يوجد تمرين بهذا الاسم.', en: 'There is no practice scenario by that name.' },
  BADGE_UNKNOWN: { ar: 'بطاقة الموظف غير معروفة أو غير مفعلة.', en: 'That staff badge is not known or not active.' },
  USER_PIN_TAKEN: {
    ar: 'هذا الرمز يستخدمه مستخدم آخر. اختر رمزًا غيره.',
    en: 'Another user already has that PIN. Choose a different one.',
  },
  USER_PIN_FORMAT: { ar: 'يجب أن يتكون الرمز من ٤ إلى ٨ أرقام.', en: 'The PIN must be 4 to 8 digits.' },
  USER_UNKNOWN: { ar: 'المستخدم غير موجود.', en: 'No such user.' },
  USER_INACTIVE: { ar: 'هذا المستخدم غير مفعل.', en: 'This user is not active.' },
  USER_BADGE_TAKEN: { ar: 'بطاقة الموظف هذه لمستخدم آخر.', en: 'Another user already has that staff badge.' },
  USER_LAST_MANAGER: {
    ar: 'هذا آخر مدير أو مسؤول مفعل: أضف غيره قبل إيقافه.',
    en: 'This is the last active manager or admin: add another before deactivating them.',
  },
  // Roles and approvals (preload/contract/permissions.ts, main/ipc/permission-gate.ts, main/auth).
  PERMISSION_DENIED: {
    ar: 'دورك لا يسمح بهذا الإجراء. اطلب من المشرف أو المدير.',
    en: 'Your role does not allow this. Ask a supervisor or a manager.',
  },
  APPROVER_NOT_ALLOWED: {
    ar: 'صاحب هذا الرمز لا يملك صلاحية الموافقة على هذا الإجراء. يلزم رمز مشرف أو مدير.',
    en: 'The owner of this PIN may not approve this. A supervisor’s or manager’s PIN is needed.',
  },
  // Two-factor (TOTP) for admins and managers (main/people/totp.ts, docs/people.md).
  SECOND_FACTOR_REQUIRED: {
    ar: 'هذا الإجراء يحتاج رمز التحقق من تطبيق المصادقة (٦ أرقام) لصاحب رمز الموافقة.',
    en: 'This needs the approver’s 6-digit code from their authenticator app.',
  },
  SECOND_FACTOR_WRONG: { ar: 'رمز التحقق غير صحيح.', en: 'That code is not right.' },
  SECOND_FACTOR_USED: {
    ar: 'هذا الرمز استُخدم من قبل. انتظر الرمز التالي في التطبيق.',
    en: 'That code has already been used. Wait for the next code in the app.',
  },
  SECOND_FACTOR_LOCKED: {
    ar: 'محاولات خاطئة كثيرة: التحقق متوقف مؤقتًا (دقيقة، ثم مدة أطول بعد كل إيقاف). انتظر ثم حاول مجددًا.',
    en: 'Too many wrong codes: checking is paused for a while (a minute, longer after each pause). Wait, then try again.',
  },
  SECOND_FACTOR_NOT_ENROLLED: {
    ar: 'يلزم صاحب رمز الموافقة التسجيل في التحقق بخطوتين أولًا: سجّل الدخول ثم اختر «التحقق بخطوتين» من شارة المستخدم.',
    en: 'The approver must set up two-step verification first: sign in, then choose “Two-step verification” from the user badge.',
  },
  TOTP_ALREADY_ENROLLED: {
    ar: 'التحقق بخطوتين مفعّل لهذا المستخدم. لاستبدال الجهاز يعيد المسؤول ضبطه (nuqta user totp-reset).',
    en: 'Two-step verification is already set up for this user. To replace the device an admin resets it (nuqta user totp-reset).',
  },
  TOTP_NOT_STARTED: {
    ar: 'لم يبدأ التسجيل في التحقق بخطوتين، أو انتهت مدته. ابدأ من جديد.',
    en: 'Two-step verification setup was not started, or has expired. Start again.',
  },
  TOTP_NOT_FOR_ROLE: {
    ar: 'التحقق بخطوتين للمديرين والمسؤولين المسجلين دخولهم فقط.',
    en: 'Two-step verification is for a signed-in manager or admin only.',
  },
  PARK_SALE_EMPTY: { ar: 'لا توجد أصناف في البيع لتعليقه.', en: 'There are no items in the sale to park.' },
  PARK_PAYMENT_PENDING: {
    ar: 'لا يمكن تعليق البيع: عملية دفع عليه لم تُحسم بعد. انتظر نتيجتها أو احسمها، ثم أكمل البيع أو ألغه.',
    en: 'The sale cannot be parked: a payment on it is not settled yet. Wait for it or resolve it, then finish or void the sale.',
  },
  PARK_HAS_PAYMENTS: {
    ar: 'لا يمكن تعليق البيع: قُبل عليه جزء من المبلغ. أكمل البيع أو اعكس الدفعة ثم ألغه.',
    en: 'The sale cannot be parked: part of it has been paid. Finish the sale, or reverse the payment and void it.',
  },
  PARKED_SALE_UNKNOWN: { ar: 'البيع المعلّق غير موجود، ربما استُرجع أو أُلغي.', en: 'That parked sale is not there; it may have been recalled or voided.' },
  PARKED_SALE_NOT_YOURS: {
    ar: 'هذا البيع المعلّق لكاشير آخر (اسمه في القائمة): يسترجعه أو يلغيه صاحبه، أو مشرف أو مدير.',
    en: 'This parked sale is another cashier’s (their name is in the list): only they, or a supervisor or manager, may recall or void it.',
  },
});

export type ErrorCode = keyof typeof errorCatalog.text;

/**
 * A failure the till expects and can explain. `detail` is for logs only and never shown to the cashier.
 * Written out rather than made with `errorCatalog.errorClass` because its message leads with the code (logs
 * are searched by it), its detail may be absent, and PrintServiceError extends it. The IPC dispatcher passes
 * TillErrors, and only them, through to the view.
 */
export class TillError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
  ) {
    super(`${code}${detail ? `: ${detail}` : ''}`);
    this.name = 'TillError';
  }

  toData(): ErrorData {
    return errorCatalog.data(this.code);
  }
}

export const errorData = errorCatalog.data;

export const isTillError = (e: unknown): e is TillError => e instanceof TillError;

/**
 * A write that failed because the disk (or the user's quota) is full: SQLite's SQLITE_FULL, or ENOSPC / EDQUOT
 * from any file the till writes. Every write path turns this into DISK_FULL, never INTERNAL.
 */
export function isDiskFull(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT';
}

/** A thrown failure as the data that crosses the boundary: a TillError's own, DISK_FULL, or INTERNAL. */
export function errorDataOf(e: unknown): ErrorData {
  if (isTillError(e)) return e.toData();
  if (isDiskFull(e)) return errorData('DISK_FULL');
  return errorData('INTERNAL');
}
