// A receipt as the document ZATCA gets: the receipt's own lines and totals (never recomputed from the catalog),
// the seller as the settings register it, the chain's place and the issue moment. Bilingual text as ZATCA's
// samples write it, Arabic first: "عربي | English".
import { DISCOUNT_REASON_TEXT, type Receipt } from '../../preload/contract';
import { TillError } from '../errors';
import { quantityMilli } from '../money';
import { bilingual, type DocumentType, type EInvoiceDocument, type EInvoiceSeller } from '../fiscal/einvoice';
import type { TillSettings } from '../settings';
import type { DocumentKind } from './documents';
import type { IssueMoment } from './local-time';

export interface NoteReference {
  /** The invoice the note corrects: its receipt number (BR-KSA-56). */
  originalNumber: string;
  /** Why (BR-KSA-17), as the manager chose it. */
  reason: string;
}

/**
 * UNTDID 4461: 10 cash, 48 bank card, 68 online payment service (STC Pay's wallet), 1 "instrument not defined"
 * for store credit — a voucher of the shop's own, which 4461 has no code for (BR-KSA-16 accepts 1).
 */
function paymentMeansOf(receipt: Receipt): string[] {
  const codes = receipt.tenders.map((t) => (t.kind === 'cash' ? '10' : t.kind === 'credit' ? '1' : t.card.scheme === 'STCPAY' ? '68' : '48'));
  return codes.length === 0 ? ['10'] : [...new Set(codes)];
}

/**
 * The seller as the settings register it (CRN, national address); the name and VAT number are the receipt's own
 * where there is one (what the sale was issued under). Throws when the national address is not set.
 */
export function sellerOf(settings: TillSettings, identity: { nameAr: string; nameEn: string; vatNumber: string } = { nameAr: settings.shopNameAr, nameEn: settings.shopNameEn, vatNumber: settings.vatNumber }): EInvoiceSeller {
  const address = settings.nationalAddress;
  if (!address) throw new TillError('EINVOICE_NOT_ONBOARDED', 'the national address is not set');
  return {
    registrationName: bilingual(identity.nameAr, identity.nameEn),
    vatNumber: identity.vatNumber,
    otherId: settings.crNumber ? { scheme: 'CRN', value: settings.crNumber } : null,
    address: {
      street: address.street,
      buildingNumber: address.buildingNumber,
      district: address.district,
      city: address.city,
      postalCode: address.postalCode,
      additionalNumber: address.additionalNumber,
    },
  };
}

const TYPE: Record<DocumentKind, DocumentType> = { invoice: 'invoice', credit_note: 'credit_note', debit_note: 'debit_note' };

/** The allowance's reason (BT-97), Arabic and English as the receipt prints it. */
const discountReasonText = (receipt: Receipt): string => {
  const text = receipt.discount ? DISCOUNT_REASON_TEXT[receipt.discount.reason] : DISCOUNT_REASON_TEXT.promotion;
  return `${text.ar} / ${text.en}`;
};

export function documentFromReceipt(
  receipt: Receipt,
  place: { kind: DocumentKind; note: NoteReference | null; uuid: string; icv: number; pih: string; moment: IssueMoment; settings: TillSettings; buyer: Receipt['buyer'] | null },
): EInvoiceDocument {
  const { settings } = place;
  const einvoicing = settings.einvoicing;
  if (!einvoicing) throw new TillError('EINVOICE_NOT_ONBOARDED', 'e-invoicing is not set up');
  return {
    type: TYPE[place.kind],
    number: receipt.receiptNo,
    uuid: place.uuid,
    issueDate: place.moment.date,
    issueTime: place.moment.time,
    icv: place.icv,
    pih: place.pih,
    seller: sellerOf(settings, { nameAr: receipt.shopNameAr, nameEn: receipt.shopNameEn, vatNumber: receipt.vatNumber }),
    lines: receipt.lines.map((l) => ({
      name: bilingual(l.nameAr, l.nameEn),
      quantityMilli: quantityMilli(l),
      unitCode: l.soldBy === 'kg' ? ('KGM' as const) : ('PCE' as const),
      lineTotalHalalas: l.lineTotalHalalas,
      vatCategory: l.vatCategory,
    })),
    // The sale's discount, per VAT category it fell on (main/money spread it over the lines).
    allowances: receipt.totals.breakdown
      .filter((b) => (b.allowanceHalalas ?? 0) > 0)
      .map((b) => ({ category: b.category, halalas: b.allowanceHalalas!, reason: discountReasonText(receipt) })),
    pricesIncludeVat: settings.pricesIncludeVat,
    totals: receipt.totals,
    paymentMeans: paymentMeansOf(receipt),
    note: place.note,
    exemptions: { Z: einvoicing.zeroRatedReason, E: einvoicing.exemptReason },
    // A standard (B2B) document names its buyer; the contract's buyer is the fiscal one field for field.
    buyer: place.buyer ?? null,
  };
}
