// Builds the simulator's answers in the field layout the till's codec reads (payments.md §1; settlement in our own
// documented layout, see payments/ecr/response.ts). Card data here is fake and masked (except for the explicit
// `unmaskedPan` fault, a test-card number that exists to prove the till masks it).
import { encodeIso88596Hex } from '../../payments/ecr';
import { IDX, TRANSACTION_FIELD_COUNT } from '../../payments/ecr';
import type { SimCard, SimCvm } from './types';

export interface MerchantProfile {
  tid: string;
  mid: string;
  nameEn: string;
  addressEn: string;
  nameAr: string;
  addressAr: string;
}

export const DEFAULT_MERCHANT: MerchantProfile = {
  tid: '80012345',
  mid: '880000012345678',
  nameEn: 'NUQTA DEMO STORE',
  addressEn: 'OLAYA ST, RIYADH',
  nameAr: 'متجر نقطة التجريبي',
  addressAr: 'شارع العليا، الرياض',
};

const CARDS: Record<SimCard, { label: string; aid: string; pan: string; fullPan: string }> = {
  mada: { label: 'mada', aid: 'A0000002281010', pan: '588845******2017', fullPan: '5888450000002017' },
  visa: { label: 'VISA CREDIT', aid: 'A0000000031010', pan: '476173******0010', fullPan: '4761739001010010' },
  mastercard: { label: 'MASTERCARD', aid: 'A0000000041010', pan: '541333******0011', fullPan: '5413330089020011' },
  amex: { label: 'AMERICAN EXPRESS', aid: 'A00000002501', pan: '374245*****0126', fullPan: '374245455400126' },
};

export const schemeLabelOf = (card: SimCard) => CARDS[card].label;

const CVR: Record<SimCvm, string> = { pin: '420300', no_cvm: '1F0302', cdcvm: '640300', signature: '5E0300' };
const CVM_TEXT: Record<SimCvm, string> = {
  pin: 'CARDHOLDER PIN VERIFIED',
  no_cvm: 'NO VERIFICATION REQUIRED',
  cdcvm: 'DEVICE OWNER IDENTITY VERIFIED',
  signature: 'CUSTOMER SIGN BELOW',
};
const ENTRY = { contactless: '071', chip: '051', swipe: '021' } as const;

export interface TransactionAnswer {
  command: string;
  responseCode: string;
  message: string;
  amountHalalas: number;
  stan: string;
  datetime: string;
  rrn: string;
  authCode: string;
  card: SimCard;
  cvm: SimCvm;
  entry: keyof typeof ENTRY;
  wallet: 'apple_pay' | null;
  ecrRef: string;
  unmaskedPan?: boolean;
}

/** Full purchase/refund/reversal answer: [0] '' … [36] signature, indices as IDX. */
export function transactionFields(a: TransactionAnswer, merchant: MerchantProfile): string[] {
  const f = new Array<string>(TRANSACTION_FIELD_COUNT).fill('');
  const card = CARDS[a.card];
  f[IDX.command] = a.command;
  f[IDX.responseCode] = a.responseCode;
  f[IDX.message] = a.message;
  f[IDX.pan] = a.unmaskedPan ? card.fullPan : card.pan;
  f[IDX.amount] = String(a.amountHalalas).padStart(12, '0');
  f[IDX.bussCode] = '00';
  f[IDX.stan] = a.stan;
  f[IDX.dateTime] = a.datetime;
  f[IDX.expiry] = '****';
  f[IDX.rrn] = a.rrn;
  f[IDX.authCode] = a.authCode;
  f[IDX.tid] = merchant.tid;
  f[IDX.mid] = merchant.mid;
  f[IDX.batch] = '000001';
  f[IDX.aid] = card.aid;
  f[IDX.cryptogram] = 'A1B2C3D4E5F60718';
  f[IDX.cid] = '40';
  f[IDX.cvr] = CVR[a.cvm];
  f[IDX.tvr] = '0000000000';
  f[IDX.tsi] = 'E800';
  f[IDX.kernelId] = a.entry === 'contactless' ? '03' : '00';
  f[IDX.par] = '';
  f[IDX.panSuffix] = card.pan.slice(-4);
  f[IDX.entryMode] = ENTRY[a.entry];
  f[IDX.mcc] = '5411';
  f[IDX.terminalTxnType] = a.command;
  f[IDX.schemeLabel] = card.label;
  f[IDX.productInfo] = a.wallet === 'apple_pay' ? 'APPLE PAY' : '';
  f[IDX.appVersion] = 'SIM-1.0';
  f[IDX.disclaimer] = CVM_TEXT[a.cvm];
  f[IDX.merchantName] = merchant.nameEn;
  f[IDX.merchantAddress] = merchant.addressEn;
  f[IDX.merchantNameAr] = encodeIso88596Hex(merchant.nameAr);
  f[IDX.merchantAddressAr] = encodeIso88596Hex(merchant.addressAr);
  f[IDX.ecrRef] = a.ecrRef;
  f[IDX.signature] = '0'.repeat(64);
  return f;
}

/** C3: code, message, date-time, ECR reference of the last transaction, signature. */
export function statusFields(code: string, message: string, datetime: string, ecrRef: string): string[] {
  return ['', 'C3', code, message, datetime, ecrRef, '0'.repeat(64)];
}

export function noDataFields(command: string): string[] {
  return ['', command, 'NO DATA FOUND'];
}

/**
 * C2 as the SkyBand SDK reads it: a header of its own (STX, C2, a code, a message), then the last transaction's
 * answer whole, in its own layout — or NO DATA FOUND in that answer's command place when there is none.
 */
export function repeatFields(last: readonly string[] | null): string[] {
  return ['', 'C2', '000', 'SUCCESS', ...(last ?? ['', 'NO DATA FOUND'])];
}

export function busyFields(command: string): string[] {
  return ['', command, 'BUSY', 'TERMINAL BUSY'];
}

export function formatErrorFields(command: string): string[] {
  return ['', command || '??', '904', 'DECLINED'];
}

export function settlementFields(
  code: '500' | '501',
  datetime: string,
  merchant: MerchantProfile,
  schemes: Array<{ scheme: string; purchaseCount: number; purchaseHalalas: number; refundCount: number; refundHalalas: number }>,
  ecrRef: string,
): string[] {
  const twelve = (n: number) => String(n).padStart(12, '0');
  return [
    '',
    'B1',
    code,
    code === '500' ? 'RECONCILED' : 'TOTALS NOT MATCHED',
    datetime,
    merchant.tid,
    merchant.mid,
    String(schemes.length),
    ...schemes.flatMap((s) => [s.scheme, String(s.purchaseCount), twelve(s.purchaseHalalas), String(s.refundCount), twelve(s.refundHalalas)]),
    ecrRef,
    '0'.repeat(64),
  ];
}
