// What to tell the cashier after a manager action or a "check again" comes back with an intent. Built from
// the locale files (both languages, like main's errors) plus the terminal's own reason when it gave one. STC
// Pay payments are told in STC Pay's words where they differ ("refunded to STC Pay", not "to the card"). Pure.
import type { ErrorData, IntentSummary } from '../../preload/contract/schemas';
import ar from '../i18n/locales/ar.json';
import en from '../i18n/locales/en.json';
import { intentMethod } from './cardText';

type OutcomeCode = keyof typeof ar.outcomes & keyof typeof en.outcomes;
type StcPayCode = keyof typeof ar.outcomes_stcpay & keyof typeof en.outcomes_stcpay;

const isStcPayCode = (code: OutcomeCode): code is OutcomeCode & StcPayCode => code in ar.outcomes_stcpay && code in en.outcomes_stcpay;

/** The outcome's wording in one language: STC Pay's own where there is one, else the general one. */
function wording(locale: { outcomes: Record<OutcomeCode, string>; outcomes_stcpay: Record<StcPayCode, string> }, code: OutcomeCode, stcPay: boolean): string {
  return stcPay && isStcPayCode(code) ? locale.outcomes_stcpay[code] : locale.outcomes[code];
}

export interface IntentMessage {
  tone: 'info' | 'error';
  data: ErrorData;
}

export function outcomeCode(intent: IntentSummary): OutcomeCode {
  const { kind, state } = intent;
  if (state === 'sending' || state === 'awaiting' || state === 'reversing') return 'IN_PROGRESS';
  if (state === 'unknown') return 'STILL_UNKNOWN';
  if (state === 'orphaned') return 'ORPHANED';
  if (state === 'reversed') return 'REVERSED';
  if (kind === 'reversal') return state === 'approved' ? 'REVERSED' : 'REVERSAL_FAILED';
  if (kind === 'refund') {
    if (state === 'approved') return 'REFUND_APPROVED';
    return state === 'not_found' ? 'REFUND_NOT_FOUND' : 'REFUND_DECLINED';
  }
  if (state === 'approved') return 'PAYMENT_APPROVED';
  if (state === 'not_found') return 'PAYMENT_NOT_FOUND';
  return 'PAYMENT_DECLINED';
}

const ERROR_CODES: ReadonlySet<OutcomeCode> = new Set([
  'STILL_UNKNOWN',
  'ORPHANED',
  'REVERSAL_FAILED',
  'REFUND_DECLINED',
  'REFUND_NOT_FOUND',
  'PAYMENT_DECLINED',
]);

const WITH_REASON: ReadonlySet<OutcomeCode> = new Set(['REVERSAL_FAILED', 'REFUND_DECLINED', 'PAYMENT_DECLINED']);

export function intentMessage(intent: IntentSummary): IntentMessage {
  const code = outcomeCode(intent);
  const tone = ERROR_CODES.has(code) ? 'error' : 'info';
  // The terminal's own words say why something was declined; they follow ours. (An unknown outcome's reason
  // is already on the sale's own panel.)
  const why = WITH_REASON.has(code) ? intent.reason : null;
  const join = (ours: string, theirs: string | undefined): string => (theirs ? `${ours} ${theirs}` : ours);
  const stcPay = intentMethod(intent) === 'stcpay';
  return {
    tone,
    data: {
      code,
      message_ar: join(wording(ar, code, stcPay), why?.ar),
      message_en: join(wording(en, code, stcPay), why?.en),
    },
  };
}
