// SkyBand responses → typed results. Field indices as SKBCoreServices.m reads them after replacing FS with ';'
// (payments.md §1): [1] is the echoed command [inferred], [2] response code, [3] message, … [35] ECR reference.
// Every string that leaves this module has been through the full-PAN defence (pan.ts). Deliberately NOT carried:
// card expiry (9) and the terminal's signature (36); track data and CVV are never in a response and have no field
// here to land in.
import { splitFrame } from './frame';
import { parseEcrDateTime } from './datetime';
import { decodeIso88596Hex } from './iso8859-6';
import { sanitizePanField, sanitizeText } from './pan';

/** Purchase / refund / reversal response indices (no cashback). A2 inserts cashback + total after 5. */
export const IDX = {
  command: 1,
  responseCode: 2,
  message: 3,
  pan: 4,
  amount: 5,
  bussCode: 6,
  stan: 7,
  dateTime: 8,
  expiry: 9,
  rrn: 10,
  authCode: 11,
  tid: 12,
  mid: 13,
  batch: 14,
  aid: 15,
  cryptogram: 16,
  cid: 17,
  cvr: 18,
  tvr: 19,
  tsi: 20,
  kernelId: 21,
  par: 22,
  panSuffix: 23,
  entryMode: 24,
  mcc: 25,
  terminalTxnType: 26,
  schemeLabel: 27,
  productInfo: 28,
  appVersion: 29,
  disclaimer: 30,
  merchantName: 31,
  merchantAddress: 32,
  merchantNameAr: 33,
  merchantAddressAr: 34,
  ecrRef: 35,
  signature: 36,
} as const;

export const TRANSACTION_FIELD_COUNT = IDX.signature + 1;

export interface TransactionResponse {
  kind: 'transaction';
  /** The echoed command; "C2" when this is a repeat of the last response. */
  command: string;
  /** For a repeat (C2): the command of the transaction it repeats (A1, A6 …). */
  repeatedCommand?: string;
  responseCode: string;
  message: string;
  maskedPan: string;
  amountHalalas: number | null;
  cashbackHalalas: number | null;
  bussCode: string;
  stan: string;
  dateTimeRaw: string;
  /** ISO 8601 (+03:00) or null if the terminal's date-time is unreadable. */
  at: string | null;
  rrn: string;
  authCode: string;
  tid: string;
  mid: string;
  batch: string;
  aid: string;
  applicationCryptogram: string;
  cid: string;
  cvr: string;
  tvr: string;
  tsi: string;
  kernelId: string;
  par: string;
  panSuffix: string;
  entryModeRaw: string;
  mcc: string;
  terminalTransactionType: string;
  schemeLabel: string;
  productInfo: string;
  appVersion: string;
  disclaimer: string;
  merchant: { nameEn: string; addressEn: string; nameAr: string; addressAr: string };
  ecrRef: string;
}

export interface StatusResponse {
  kind: 'status';
  responseCode: string;
  message: string;
  at: string | null;
  /** The reference of the terminal's last transaction. */
  ecrRef: string;
}

export interface SettlementResponse {
  kind: 'settlement';
  responseCode: string;
  message: string;
  at: string | null;
  tid: string;
  mid: string;
  schemes: Array<{ scheme: string; purchaseCount: number; purchaseHalalas: number; refundCount: number; refundHalalas: number }>;
  ecrRef: string;
}

export type ParsedResponse =
  | TransactionResponse
  | StatusResponse
  | SettlementResponse
  | { kind: 'busy'; command: string; message: string }
  | { kind: 'no-data'; command: string }
  | { kind: 'register'; responseCode: string; message: string }
  | { kind: 'malformed'; command: string; detail: string; refusal?: { responseCode: string; message: string } };

const NO_DATA = 'NO DATA FOUND';
/** The codes of a done settlement (500 in balance, 501 out of balance): their answer must carry the totals. */
const SETTLED = new Set(['500', '501']);

function isBusy(fields: readonly string[]): boolean {
  return [fields[2], fields[3]].some((f) => f !== undefined && /^(TERMINAL )?BUSY$/i.test(f.trim()));
}

const digitsOrNull = (s: string): number | null => (/^\d{1,12}$/.test(s.trim()) ? Number(s.trim()) : null);

/**
 * Full-PAN defence per field. Our own identifiers are compared verbatim, so they must not be "masked" by accident:
 * a 14-digit ECR reference or a 15-digit merchant id is Luhn-valid one time in ten. Each field is therefore read by
 * its documented format:
 *   pan    always masked (sanitizePanField);
 *   ref    the ECR reference (≤ 14 of [0-9A-Za-z_-]) verbatim; anything longer is treated as text;
 *   mid    up to 15 digits verbatim (the merchant id); anything else as text;
 *   short  fields documented ≤ 12 wide (RRN, STAN, TID, auth code…): a 13+ digit run cannot be legitimate there,
 *          so it is masked whatever its check digit;
 *   text   everything else (messages, labels, AID, cryptogram, merchant texts): PAN-like runs masked (pan.ts).
 */
type FieldKind = 'pan' | 'ref' | 'mid' | 'short' | 'text';
export function safeField(raw: string, kind: FieldKind): string {
  const v = raw.trim();
  switch (kind) {
    case 'pan':
      return sanitizePanField(v);
    case 'ref':
      return /^[0-9A-Za-z_-]{0,14}$/.test(v) ? v : sanitizePanField(sanitizeText(v));
    case 'mid':
      return /^\d{0,15}$/.test(v) ? v : sanitizePanField(sanitizeText(v));
    case 'short':
      return sanitizePanField(sanitizeText(v));
    case 'text':
      return sanitizeText(v);
  }
}



/** Parses one verified frame (from FrameReader). Never throws. */
export function parseResponse(frame: Uint8Array): ParsedResponse {
  let fields: string[];
  try {
    fields = splitFrame(frame);
  } catch {
    return { kind: 'malformed', command: '', detail: 'unsplittable frame' };
  }
  const command = safeField(fields[1] ?? '', 'short');
  try {
    if (isBusy(fields)) return { kind: 'busy', command, message: safeField(fields[3] ?? fields[2] ?? '', 'text') };
    if (fields.some((f) => f.trim().toUpperCase() === NO_DATA)) return { kind: 'no-data', command };
    switch (command) {
      case 'C2':
        return parseRepeat(fields);
      case 'C3':
        return parseStatus(fields);
      case 'B1':
        return parseSettlement(fields);
      case 'A0':
        return { kind: 'register', responseCode: safeField(fields[2] ?? '', 'short'), message: safeField(fields[3] ?? '', 'text') };
      default:
        return parseTransaction(fields, command);
    }
  } catch (err) {
    return { kind: 'malformed', command, detail: err instanceof Error ? err.message : 'unparseable' };
  }
}

function parseTransaction(fields: readonly string[], command: string): ParsedResponse {
  if (fields.length < 4) return { kind: 'malformed', command, detail: `only ${fields.length} fields` };
  // A2 (purchase + cashback) inserts cashback and total after the amount and shifts the rest by two.
  const shift = command === 'A2' ? 2 : 0;
  const at = (i: number) => fields[i > IDX.amount ? i + shift : i] ?? '';
  const text = (i: number) => safeField(at(i), 'text');
  const short = (i: number) => safeField(at(i), 'short');
  const arabic = (i: number) => safeField(decodeIso88596Hex(at(i)), 'text');
  const dateTimeRaw = short(IDX.dateTime);
  return {
    kind: 'transaction',
    command,
    responseCode: short(IDX.responseCode),
    message: text(IDX.message),
    maskedPan: safeField(at(IDX.pan), 'pan'),
    amountHalalas: digitsOrNull(at(IDX.amount)),
    cashbackHalalas: shift ? digitsOrNull(fields[IDX.amount + 1] ?? '') : null,
    bussCode: short(IDX.bussCode),
    stan: short(IDX.stan),
    dateTimeRaw,
    at: parseEcrDateTime(dateTimeRaw),
    rrn: short(IDX.rrn),
    authCode: short(IDX.authCode),
    tid: short(IDX.tid),
    mid: safeField(at(IDX.mid), 'mid'),
    batch: short(IDX.batch),
    aid: text(IDX.aid),
    applicationCryptogram: text(IDX.cryptogram),
    cid: short(IDX.cid),
    cvr: short(IDX.cvr),
    tvr: short(IDX.tvr),
    tsi: short(IDX.tsi),
    kernelId: short(IDX.kernelId),
    par: text(IDX.par),
    panSuffix: short(IDX.panSuffix),
    entryModeRaw: short(IDX.entryMode),
    mcc: short(IDX.mcc),
    terminalTransactionType: text(IDX.terminalTxnType),
    schemeLabel: text(IDX.schemeLabel),
    productInfo: text(IDX.productInfo),
    appVersion: text(IDX.appVersion),
    disclaimer: text(IDX.disclaimer),
    merchant: {
      nameEn: text(IDX.merchantName),
      addressEn: text(IDX.merchantAddress),
      nameAr: arabic(IDX.merchantNameAr),
      addressAr: arabic(IDX.merchantAddressAr),
    },
    ecrRef: safeField(at(IDX.ecrRef), 'ref'),
  };
}

/**
 * C2 (repeat last), read as the SkyBand SDK reads it (SKBCoreServices.m, type 23): the first four fields (STX,
 * the echoed C2, a code and a message) are dropped and what remains is the last transaction's own answer, in
 * its own layout — so the remainder's [1] is that transaction's command (or NO DATA FOUND), [2] its response
 * code and [35] its ECR reference.
 */
function parseRepeat(fields: readonly string[]): ParsedResponse {
  const rest = fields.slice(4);
  if (rest.length < 2) return { kind: 'malformed', command: 'C2', detail: `repeat-last answer without a repeated transaction (${safeField(fields[2] ?? '', 'short')} ${safeField(fields[3] ?? '', 'text')})` };
  if ((rest[1] ?? '').trim().toUpperCase() === NO_DATA) return { kind: 'no-data', command: 'C2' };
  const repeated = parseTransaction(rest, safeField(rest[1] ?? '', 'short'));
  return repeated.kind === 'transaction' ? { ...repeated, command: 'C2', repeatedCommand: repeated.command } : repeated;
}

/** C3: [2] code, [3] message, [4] date-time, [5] ECR reference (of the last transaction), [6] signature. */
function parseStatus(fields: readonly string[]): ParsedResponse {
  if (fields.length < 6) return { kind: 'malformed', command: 'C3', detail: `only ${fields.length} fields` };
  return {
    kind: 'status',
    responseCode: safeField(fields[2]!, 'short'),
    message: safeField(fields[3]!, 'text'),
    at: parseEcrDateTime(fields[4]!.trim()),
    ecrRef: safeField(fields[5]!, 'ref'),
  };
}

/**
 * B1. The public SDK does not show the settlement response's field layout, so this is OUR layout [inferred],
 * which the simulator sends; adapt it when the acquirer's kit documents theirs:
 *   [2] code 500/501 · [3] message · [4] date-time · [5] TID · [6] MID · [7] number of schemes N ·
 *   N × (scheme label · purchase count · purchase amount(12) · refund count · refund amount(12)) · ECR ref · signature
 */
function parseSettlement(fields: readonly string[]): ParsedResponse {
  const n = digitsOrNull(fields[7] ?? '');
  if (fields.length < 8 || n === null || n > 64 || fields.length < 8 + n * 5) {
    // A short answer: the terminal's code and message only, i.e. it did not settle.
    const code = safeField(fields[2] ?? '', 'short');
    const refusal = code && !SETTLED.has(code) ? { responseCode: code, message: safeField(fields[3] ?? '', 'text') } : undefined;
    return { kind: 'malformed', command: 'B1', detail: 'settlement totals incomplete', ...(refusal ? { refusal } : {}) };
  }
  const schemes: SettlementResponse['schemes'] = [];
  for (let i = 0; i < n; i += 1) {
    const base = 8 + i * 5;
    const nums = [1, 2, 3, 4].map((k) => digitsOrNull(fields[base + k]!));
    if (nums.some((x) => x === null)) return { kind: 'malformed', command: 'B1', detail: `scheme ${i + 1}: non-numeric totals` };
    const [purchaseCount, purchaseHalalas, refundCount, refundHalalas] = nums as number[] as [number, number, number, number];
    schemes.push({ scheme: safeField(fields[base]!, 'text'), purchaseCount, purchaseHalalas, refundCount, refundHalalas });
  }
  return {
    kind: 'settlement',
    responseCode: safeField(fields[2]!, 'short'),
    message: safeField(fields[3]!, 'text'),
    at: parseEcrDateTime(fields[4]!.trim()),
    tid: safeField(fields[5]!, 'short'),
    mid: safeField(fields[6]!, 'mid'),
    schemes,
    ecrRef: safeField(fields[8 + n * 5] ?? '', 'ref'),
  };
}
