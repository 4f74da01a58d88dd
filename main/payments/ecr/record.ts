// Maps a parsed SkyBand transaction response to the protocol-neutral TerminalRecord.
//
// scheme      the terminal's application label (27) first, because a co-badged mada/VISA card reports the
//             application actually used there; then the AID's RID (15): A000000228 mada, A000000003 VISA,
//             A000000004 Mastercard, A000000025 AMEX, A000000333 UnionPay, A000000065 JCB, A000000152 Discover.
// verification the CVM Results (CVR, field 18, EMV 9F34, 3 bytes hex) and the terminal's printed lines:
//             CVR "640300" or "DEVICE OWNER IDENTITY VERIFIED" → cdcvm (payments.md §5); CVM code (low 6 bits of
//             byte 1) 01–05 → pin, 1E → signature, 1F/3F → no_cvm; "CARDHOLDER PIN VERIFIED" → pin,
//             "NO VERIFICATION REQUIRED" → no_cvm; otherwise unknown.
// wallet      only with a consumer-device CVM: "APPLE"/"GOOGLE"/"SAMSUNG" in the label, product info (28) or
//             disclaimer (30) names it; a device-verified payment that names no wallet is 'other_wallet'.
// entry mode  POS entry mode (24), DE22 digits (07/91 contactless, 05/95 chip, 02/90/80 swipe, 01 manual) or words.
import type { CardScheme, EntryMode, TerminalRecord, Verification } from '../connector';
import { APPROVED_CODES, REVERSAL_ACCEPTED } from './codes';
import type { TransactionResponse } from './response';

const RIDS: ReadonlyArray<[string, CardScheme]> = [
  ['A000000228', 'MADA'],
  ['A000000003', 'VISA'],
  ['A000000004', 'MASTERCARD'],
  ['A000000025', 'AMEX'],
  ['A000000333', 'UNIONPAY'],
  ['A000000065', 'JCB'],
  ['A000000152', 'DISCOVER'],
];

export function schemeOf(label: string, aid: string): CardScheme {
  const l = label.toUpperCase();
  if (l.includes('MADA') || label.includes('مدى')) return 'MADA';
  if (l.includes('VISA')) return 'VISA';
  if (l.includes('MASTER') || l.includes('MAESTRO') || /\bMC\b/.test(l)) return 'MASTERCARD';
  if (l.includes('AMEX') || l.includes('AMERICAN EXPRESS')) return 'AMEX';
  if (l.includes('GCC')) return 'GCCNET';
  if (l.includes('UNIONPAY') || l.includes('UNION PAY') || /\bCUP\b/.test(l)) return 'UNIONPAY';
  if (l.includes('JCB')) return 'JCB';
  if (l.includes('DISCOVER')) return 'DISCOVER';
  const a = aid.toUpperCase();
  for (const [rid, scheme] of RIDS) if (a.startsWith(rid)) return scheme;
  return 'OTHER';
}

const DEVICE_VERIFIED = 'DEVICE OWNER IDENTITY VERIFIED';

export function verificationOf(r: Pick<TransactionResponse, 'cvr' | 'productInfo' | 'disclaimer' | 'message'>): Verification {
  const texts = `${r.productInfo} ${r.disclaimer} ${r.message}`.toUpperCase();
  const cvr = r.cvr.trim().toUpperCase();
  if (cvr === '640300' || texts.includes(DEVICE_VERIFIED)) return 'cdcvm';
  if (/^[0-9A-F]{6}$/.test(cvr)) {
    const method = parseInt(cvr.slice(0, 2), 16) & 0x3f;
    if (method >= 0x01 && method <= 0x05) return 'pin';
    if (method === 0x1e) return 'signature';
    if (method === 0x1f || method === 0x3f) return 'no_cvm';
  }
  if (texts.includes('PIN VERIFIED')) return 'pin';
  if (texts.includes('NO VERIFICATION REQUIRED')) return 'no_cvm';
  return 'unknown';
}

export function walletOf(r: Pick<TransactionResponse, 'schemeLabel' | 'productInfo' | 'disclaimer'>, verification: Verification): TerminalRecord['wallet'] {
  if (verification !== 'cdcvm') return null;
  const texts = `${r.schemeLabel} ${r.productInfo} ${r.disclaimer}`.toUpperCase();
  if (texts.includes('APPLE')) return 'apple_pay';
  if (texts.includes('GOOGLE')) return 'google_pay';
  if (texts.includes('SAMSUNG')) return 'samsung_pay';
  return 'other_wallet';
}

export function entryModeOf(raw: string): EntryMode {
  const s = raw.trim().toUpperCase();
  if (/CONTACTLESS|CTLS|TAP|NFC/.test(s)) return 'contactless';
  if (/CHIP|ICC|INSERT|EMV/.test(s)) return 'chip';
  if (/SWIPE|MAG/.test(s)) return 'swipe';
  if (/MANUAL|KEY/.test(s)) return 'manual';
  // POS entry mode (ISO 8583 DE22): its first two digits are the PAN entry mode. Terminals send the two alone
  // ("05", "07") or the three ("051"); both read the same.
  const digits = s.replace(/\D/g, '');
  const d = digits.length >= 3 ? digits.slice(0, 2) : digits.padStart(2, '0');
  if (d === '07' || d === '91') return 'contactless';
  if (d === '05' || d === '95') return 'chip';
  if (d === '02' || d === '90' || d === '80') return 'swipe';
  if (d === '01') return 'manual';
  return 'unknown';
}

/** Approved means: the code is an approval code, or 400 (only ever a reversal's "accepted"). Anything else is not. */
export function isApprovalCode(code: string): boolean {
  return APPROVED_CODES.has(code) || code === REVERSAL_ACCEPTED;
}

/**
 * A response whose words contradict its code (message APPROVED with a decline code, or DECLINED with an approval
 * code) is not trusted either way: the connector reports it as `unknown`/corrupt so a human resolves it.
 */
export function codeContradictsMessage(code: string, message: string): boolean {
  const m = message.trim().toUpperCase();
  const saysApproved = /^(APPROVED|ACCEPTED|OFFLINE APPROVED)$/.test(m);
  const saysDeclined = /^(DECLINED?|OFFLINE DECLINED)$/.test(m);
  return (saysApproved && !isApprovalCode(code)) || (saysDeclined && isApprovalCode(code));
}

/**
 * `fallbackAmount` is used only when the terminal sent no readable amount (a decline may omit it); `fallbackAt`
 * when its date-time is unreadable.
 */
export function toTerminalRecord(
  r: TransactionResponse,
  context: { reference: string; fallbackAmount: number; fallbackAt: string },
): TerminalRecord {
  const verification = verificationOf(r);
  return {
    reference: r.ecrRef || context.reference,
    responseCode: r.responseCode,
    approved: isApprovalCode(r.responseCode),
    amountHalalas: r.amountHalalas ?? context.fallbackAmount,
    scheme: schemeOf(r.schemeLabel, r.aid),
    schemeLabel: r.schemeLabel,
    wallet: walletOf(r, verification),
    verification,
    entryMode: entryModeOf(r.entryModeRaw),
    maskedPan: r.maskedPan,
    authCode: r.authCode,
    rrn: r.rrn,
    stan: r.stan,
    tid: r.tid,
    mid: r.mid,
    at: r.at ?? context.fallbackAt,
    texts: {
      en: [r.merchant.nameEn, r.merchant.addressEn].filter(Boolean).join('\n'),
      ar: [r.merchant.nameAr, r.merchant.addressAr].filter(Boolean).join('\n'),
    },
  };
}
