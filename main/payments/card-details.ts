// From what the terminal returned to what the till keeps: the masked record, nothing more.
import type { CardDetails } from '../../preload/contract';
import type { TerminalRecord } from './connector';

export function cardDetailsOf(record: TerminalRecord): CardDetails {
  return {
    scheme: record.scheme,
    schemeLabel: record.schemeLabel,
    wallet: record.wallet,
    verification: record.verification,
    entryMode: record.entryMode,
    maskedPan: record.maskedPan,
    authCode: record.authCode,
    rrn: record.rrn,
    stan: record.stan,
    tid: record.tid,
    mid: record.mid,
    responseCode: record.responseCode,
    terminalAt: record.at,
    texts: record.texts,
    resolvedByManager: false,
  };
}

/**
 * A manager's resolution from the terminal's printed receipt (or, for STC Pay, the merchant portal): only the
 * evidence typed in is known.
 */
export function cardDetailsFromEvidence(rrn: string, authCode: string, at: string, method: 'card' | 'stcpay' = 'card'): CardDetails {
  if (method === 'stcpay') {
    return {
      ...cardDetailsFromEvidence(rrn, authCode, at),
      scheme: 'STCPAY',
      schemeLabel: 'STC Pay',
      wallet: 'other_wallet',
      texts: { en: 'Recorded by the manager from the STC Pay merchant portal', ar: 'سجّلها المدير من بوابة تاجر STC Pay' },
    };
  }
  return {
    scheme: 'OTHER',
    schemeLabel: 'CARD',
    wallet: null,
    verification: 'unknown',
    entryMode: 'unknown',
    maskedPan: '',
    authCode,
    rrn,
    stan: '',
    tid: '',
    mid: '',
    responseCode: '',
    terminalAt: at,
    texts: { en: 'Recorded by the manager from the terminal receipt', ar: 'سجّلها المدير من إيصال الجهاز' },
    resolvedByManager: true,
  };
}
