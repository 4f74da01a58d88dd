// PaymentResponse / ReversalResponse → the protocol-neutral TerminalRecord.
//
// reference   our intent reference (the answer's SaleTransactionID is checked against it by outcome.ts)
// rrn, at     POIData.POITransactionID {TransactionID, TimeStamp}: the terminal's identifier of the transaction,
//             which is what a later refund must name (OriginalPOITransaction.POITransactionID), so the till keeps it
//             where it keeps the RRN of a mada payment (refund() receives it back as originalRrn / originalAt)
// stan        PaymentAcquirerData.AcquirerTransactionID.TransactionID (the acquirer's own reference; nexo has no STAN)
// authCode    PaymentAcquirerData.ApprovalCode
// tid, mid    PaymentAcquirerData.AcquirerPOIID (else the POIID), PaymentAcquirerData.MerchantID
// scheme      CardData.PaymentBrand: "mada", "visa", "mc", "amex", "cup", "jcb", "discover", wallet variants such as
//             "visa_applepay", "mada_applepay" (scheme before the underscore); a bare wallet brand ("applepay") has
//             no scheme we can name → OTHER
// wallet      the brand names it (applepay / googlepay, paywithgoogle / samsungpay); EntryMode "Mobile" without a
//             named wallet → other_wallet
// verification AuthenticationMethod: OnlinePIN/OfflinePIN → pin, PaperSignature/SignatureCapture → signature,
//             Bypass → no_cvm; a wallet payment with none → cdcvm (the phone verified its owner)
// entryMode   CardData.EntryMode: Contactless/Tapped/RFID/Mobile → contactless, ICC → chip, MagStripe → swipe,
//             Keyed/Manual → manual
// maskedPan   CardData.MaskedPan, masked again if it holds a full card number (../ecr/pan.ts). SensitiveCardData is
//             never read. The brand label is passed through the mada codec's full-PAN defence (sanitizeText).
//             Identifiers (POITransactionID, AcquirerTransactionID, ApprovalCode, TIDs) are NOT run through the
//             Luhn heuristic: provider ids such as Adyen's 16-digit PSP references pass Luhn one time in ten, and a
//             masked POITransactionID could no longer be refunded. Instead a digit run in them is masked when it is
//             this card's number (13–19 digits with the masked PAN's first six and last four).
import type { CardScheme, EntryMode, TerminalRecord, Verification } from '../connector';
import { maskPanDigits, sanitizePanField, sanitizeText } from '../ecr/pan';
import { arr, obj, path, str, type JsonObject } from './json';

const BRANDS: ReadonlyArray<[string, CardScheme]> = [
  ['mada', 'MADA'],
  ['visa', 'VISA'],
  ['mc', 'MASTERCARD'],
  ['mastercard', 'MASTERCARD'],
  ['maestro', 'MASTERCARD'],
  ['amex', 'AMEX'],
  ['cup', 'UNIONPAY'],
  ['unionpay', 'UNIONPAY'],
  ['jcb', 'JCB'],
  ['discover', 'DISCOVER'],
  ['gccnet', 'GCCNET'],
];

export function schemeOfBrand(brand: string): CardScheme {
  const parts = brand.toLowerCase().split(/[_\s-]+/);
  for (const part of parts) {
    const hit = BRANDS.find(([name]) => part === name || part.startsWith(`${name}debit`) || part.startsWith(`${name}credit`));
    if (hit) return hit[1];
  }
  return 'OTHER';
}

export function walletOfBrand(brand: string, entryModes: string[]): TerminalRecord['wallet'] {
  const b = brand.toLowerCase();
  if (b.includes('applepay')) return 'apple_pay';
  if (b.includes('googlepay') || b.includes('paywithgoogle')) return 'google_pay';
  if (b.includes('samsungpay')) return 'samsung_pay';
  if (entryModes.includes('Mobile')) return 'other_wallet';
  return null;
}

export function verificationOf(methods: string[], wallet: TerminalRecord['wallet']): Verification {
  if (methods.some((m) => m === 'OnlinePIN' || m === 'OfflinePIN')) return 'pin';
  if (methods.some((m) => m === 'PaperSignature' || m === 'SignatureCapture')) return 'signature';
  if (wallet) return 'cdcvm';
  if (methods.includes('Bypass')) return 'no_cvm';
  return 'unknown';
}

export function entryModeOf(modes: string[]): EntryMode {
  if (modes.some((m) => ['Contactless', 'Tapped', 'RFID', 'Mobile'].includes(m))) return 'contactless';
  if (modes.includes('ICC') || modes.includes('SynchronousICC')) return 'chip';
  if (modes.includes('MagStripe')) return 'swipe';
  if (modes.includes('Keyed') || modes.includes('Manual')) return 'manual';
  return 'unknown';
}

const strings = (value: unknown): string[] => arr(value).filter((v): v is string => typeof v === 'string');

/** The visible digits of a masked PAN ("588845******1234" → 588845, 1234). */
function visibleDigits(maskedPan: string): { first: string; last: string } | null {
  const m = /^(\d{6})\D+?(\d{4})$/.exec(maskedPan.replace(/[\s-]/g, ''));
  return m ? { first: m[1]!, last: m[2]! } : null;
}

/** An identifier, with this card's own number masked wherever it appears. */
function identifier(value: unknown, card: { first: string; last: string } | null): string {
  const raw = str(value) ?? '';
  if (!card) return raw;
  return raw.replace(/\d(?:[ -]?\d){12,18}/g, (run) => {
    const digits = run.replace(/[ -]/g, '');
    return digits.startsWith(card.first) && digits.endsWith(card.last) ? maskPanDigits(digits) : run;
  });
}

export interface RecordContext {
  reference: string;
  amountHalalas: number;
  approved: boolean;
  responseCode: string;
  /** POIID of the answer's header, when PaymentAcquirerData has no AcquirerPOIID. */
  poiId: string;
  fallbackAt: string;
  texts: { en: string; ar: string };
}

/** A record from a PaymentResponse (card fields) or ReversalResponse (POIData only). */
export function toTerminalRecord(body: JsonObject, ctx: RecordContext): TerminalRecord {
  const result = obj(body.PaymentResult);
  const card = path(result, 'PaymentInstrumentData', 'CardData');
  const acquirer = obj(result?.PaymentAcquirerData);
  const poiTx = path(body, 'POIData', 'POITransactionID');
  const brand = sanitizeText(str(card?.PaymentBrand) ?? '');
  const maskedPan = sanitizePanField(str(card?.MaskedPan) ?? '');
  const own = visibleDigits(maskedPan);
  const id = (value: unknown) => identifier(value, own);
  const entryModes = strings(card?.EntryMode);
  const wallet = walletOfBrand(brand, entryModes);
  const at = str(poiTx?.TimeStamp);
  return {
    reference: ctx.reference,
    responseCode: ctx.responseCode,
    approved: ctx.approved,
    amountHalalas: ctx.amountHalalas,
    scheme: schemeOfBrand(brand),
    schemeLabel: brand,
    wallet,
    verification: verificationOf(strings(result?.AuthenticationMethod), wallet),
    entryMode: entryModeOf(entryModes),
    maskedPan,
    authCode: id(acquirer?.ApprovalCode),
    rrn: id(poiTx?.TransactionID),
    stan: id(path(acquirer, 'AcquirerTransactionID')?.TransactionID),
    tid: id(acquirer?.AcquirerPOIID) || id(ctx.poiId),
    mid: id(acquirer?.MerchantID),
    // Verbatim (it is ISO 8601): a refund sends it back as the original's TimeStamp.
    at: at && !Number.isNaN(Date.parse(at)) ? at : ctx.fallbackAt,
    texts: { en: sanitizeText(ctx.texts.en), ar: sanitizeText(ctx.texts.ar) },
  };
}
