// The words for each return reason: on the refund receipt, and as the credit note's reason (ZATCA KSA-10,
// BR-KSA-17), which the platform requires for every credit note.
import type { ReturnReason } from '../../preload/contract';

export const REASON_TEXT: Record<ReturnReason, { ar: string; en: string }> = {
  damaged: { ar: 'بضاعة تالفة', en: 'Damaged goods' },
  expired: { ar: 'منتهي الصلاحية', en: 'Expired' },
  not_as_described: { ar: 'غير مطابق للوصف', en: 'Not as described' },
  customer_changed_mind: { ar: 'رغبة العميل', en: 'Customer changed their mind' },
  sold_by_mistake: { ar: 'خطأ في البيع', en: 'Sold by mistake' },
};

/** One text for the credit note: Arabic and English, as the receipt prints it. */
export const creditNoteReason = (reason: ReturnReason): string => `${REASON_TEXT[reason].ar} / ${REASON_TEXT[reason].en}`;
