// ZATCA Phase 1 QR (Security Features Implementation Standard §4.1): tags 1-5 in TLV, Base64-encoded; the
// Base64 text is what goes into the QR symbol. Phase 2 adds tags 6-9 to the same TLV (zatca.md §3).
import type { Receipt } from '../../preload/contract';
import { halalasToSar } from './amount';
import { decodeTlv, encodeTlv } from './tlv';

export interface ZatcaPhase1Fields {
  /** Tag 1, as registered with ZATCA (Arabic is mandatory on tax invoices). */
  sellerName: string;
  /** Tag 2, the seller's VAT registration number. */
  vatNumber: string;
  /**
   * Tag 3: the invoice time exactly as issued, ISO 8601 in UTC with `Z`. It is copied, never reformatted:
   * ZATCA flags a QR whose time differs from the invoice's issue time (invoiceTimeStamp_QRCODE_INVALID).
   */
  timestamp: string;
  /** Tag 4: invoice total including VAT, as decimal text ("100.00"). */
  totalWithVat: string;
  /** Tag 5: VAT total, as decimal text ("15.00"). */
  vatTotal: string;
}

/** Sec-Std §4.1: the Base64 text may be at most 700 characters. */
export const ZATCA_QR_MAX_CHARS = 700;

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;

export function zatcaPhase1Tlv(fields: ZatcaPhase1Fields): Buffer {
  if (fields.sellerName.trim() === '') throw new RangeError('ZATCA QR: seller name is empty');
  if (!/^\d+$/.test(fields.vatNumber)) throw new RangeError(`ZATCA QR: VAT number "${fields.vatNumber}" is not digits`);
  if (!ISO_UTC.test(fields.timestamp) || Number.isNaN(Date.parse(fields.timestamp))) {
    throw new RangeError(`ZATCA QR: timestamp "${fields.timestamp}" is not ISO 8601 UTC with Z`);
  }
  for (const [name, value] of [['total', fields.totalWithVat], ['VAT', fields.vatTotal]] as const) {
    if (!DECIMAL.test(value)) throw new RangeError(`ZATCA QR: ${name} "${value}" is not a decimal amount`);
  }
  return encodeTlv([
    { tag: 1, value: fields.sellerName },
    { tag: 2, value: fields.vatNumber },
    { tag: 3, value: fields.timestamp },
    { tag: 4, value: fields.totalWithVat },
    { tag: 5, value: fields.vatTotal },
  ]);
}

/** The text to encode in the receipt's QR symbol. */
export function zatcaPhase1Qr(fields: ZatcaPhase1Fields): string {
  const text = zatcaPhase1Tlv(fields).toString('base64');
  if (text.length > ZATCA_QR_MAX_CHARS) {
    throw new RangeError(`ZATCA QR is ${text.length} Base64 characters; the standard allows ${ZATCA_QR_MAX_CHARS}`);
  }
  return text;
}

/**
 * The QR text for a stored receipt. The timestamp is `receipt.issuedAt` verbatim, so a reprint carries the
 * same QR as the original. The seller name defaults to the Arabic shop name the receipt was issued under.
 */
export function zatcaQrForReceipt(
  receipt: Pick<Receipt, 'shopNameAr' | 'vatNumber' | 'issuedAt' | 'totals'>,
  options: { sellerName?: string } = {},
): string {
  return zatcaPhase1Qr({
    sellerName: options.sellerName ?? receipt.shopNameAr,
    vatNumber: receipt.vatNumber,
    timestamp: receipt.issuedAt,
    totalWithVat: halalasToSar(receipt.totals.totalHalalas),
    vatTotal: halalasToSar(receipt.totals.vatHalalas),
  });
}

/** Reads a Phase 1 (or Phase 2) QR text back into its fields: for tests, support and the UI's QR check. */
export function parseZatcaQr(base64: string): Partial<ZatcaPhase1Fields> & { tags: Map<number, Buffer> } {
  const tags = new Map<number, Buffer>();
  for (const { tag, value } of decodeTlv(Buffer.from(base64, 'base64'))) tags.set(tag, value);
  const text = (tag: number) => tags.get(tag)?.toString('utf8');
  const out: Partial<ZatcaPhase1Fields> & { tags: Map<number, Buffer> } = { tags };
  const fields: Array<[keyof ZatcaPhase1Fields, number]> = [
    ['sellerName', 1],
    ['vatNumber', 2],
    ['timestamp', 3],
    ['totalWithVat', 4],
    ['vatTotal', 5],
  ];
  for (const [key, tag] of fields) {
    const value = text(tag);
    if (value !== undefined) out[key] = value;
  }
  return out;
}
