// A return as main issued it: its number, what was refunded (main's total, VAT included) and where it went (cash,
// the card or STC Pay, as the terminal named it), whether the drawer opened for the cash, and whether the refund
// receipt printed. A failed print does not undo the return.
import { useTranslation } from 'react-i18next';
import type { IssuedReturn } from '../../preload/contract/returns';
import { groupedVoucherNumber } from '../../preload/contract/schemas';
import { useFormat } from '../format/FormatContext';
import { messageFor } from '../i18n/messages';
import { cardName, tenderMethod } from '../payments/cardText';

export function ReturnResult({ issued }: { issued: IssuedReturn }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { refund, drawer, printError } = issued;
  return (
    <div className="returns__result" role="status" data-testid="return-result">
      <p className="returns__result-title">{t('returns.issued')}</p>
      <dl className="returns__facts">
        <dt>{t('returns.returnNo')}</dt>
        <dd>
          <bdi dir="ltr" data-testid="return-no">
            {refund.returnNo}
          </bdi>
        </dd>
        <dt>{t('returns.refunded')}</dt>
        <dd className="returns__total" data-testid="return-total">
          {f.money(refund.totals.totalHalalas)}
        </dd>
      </dl>
      <ul className="returns__refunds">
        {refund.refunds.map((r, i) => (
          <li key={i} data-testid="return-refund" data-kind={r.kind} data-method={r.kind === 'card' ? tenderMethod(r) : r.kind}>
            {r.kind === 'credit' ? (
              <>
                {t('returns.refundTo_credit')} <bdi dir="ltr" data-testid="return-voucher">{groupedVoucherNumber(r.voucherNo)}</bdi>
              </>
            ) : r.kind === 'card' ? (
              <>
                {t(tenderMethod(r) === 'stcpay' ? 'returns.refundTo_stcpay' : 'returns.refundTo_card')} <bdi dir="ltr">{cardName(r.card)}</bdi>
              </>
            ) : (
              t('returns.refundTo_cash')
            )}{' '}
            <span className="returns__refund-amount">{f.money(r.amountHalalas)}</span>
          </li>
        ))}
      </ul>
      <div className={`drawer__outcome drawer__outcome--${drawer}`} data-testid="return-drawer" data-outcome={drawer}>
        {drawer === 'opened' ? t('returns.drawer_opened') : drawer === 'failed' ? t('returns.drawer_failed') : t('returns.drawer_not_needed')}
      </div>
      {printError ? (
        <p className="returns__print returns__print--failed" data-testid="return-print-error" data-code={printError.code}>
          {t('returns.printFailed', { reason: messageFor(printError, f.locale) })}
        </p>
      ) : refund.clearance === 'waiting' || refund.clearance === 'rejected' ? (
        <p className="returns__print" data-testid="return-credit-note-waiting" data-clearance={refund.clearance}>
          {t(refund.clearance === 'waiting' ? 'returns.creditNoteWaiting' : 'returns.creditNoteRefused')}
        </p>
      ) : (
        <p className="returns__print">{t('returns.printed')}</p>
      )}
    </div>
  );
}
