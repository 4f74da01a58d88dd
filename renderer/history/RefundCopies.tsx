// The returns of the receipt on screen in the sale history, each with "Reprint refund receipt (copy)": the refund
// receipt printed again from what main stored, marked نسخة / COPY — and with it a store credit voucher the
// customer lost. Ctrl+Shift+P in the history prints a copy of the newest one. The view lists what main answers
// (getReturnable's earlier returns) and computes nothing.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NuqtaApi } from '../../preload/contract/api';
import type { ReturnableReceipt } from '../../preload/contract/returns';
import type { BannerControls } from '../shell/useBanner';
import { Kbd } from '../shell/Kbd';
import { ReceiptRowCells } from './ReceiptRowCells';

type Returns = ReturnableReceipt['returns'];

export interface RefundCopies {
  returns: Returns;
  /** The return whose copy is printing now. */
  busy: string | null;
  /** Returns whose copy printed from here. */
  printed: ReadonlySet<string>;
  reprint(returnNo: string): Promise<void>;
  /** Ctrl+Shift+P: a copy of the newest return's refund receipt, when the receipt has one. */
  reprintNewest(): void;
}

/**
 * The returns of `receiptNo` and their copies: none asked for when nothing of it came back; asked again when what
 * came back changes (another return of it, the history reloaded after the return dialog).
 */
export function useRefundCopies(api: NuqtaApi, receiptNo: string | null, returnedHalalas: number, banner: BannerControls, allowed: boolean): RefundCopies {
  const [returns, setReturns] = useState<Returns>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [printed, setPrinted] = useState<ReadonlySet<string>>(new Set());

  useEffect(() => {
    setReturns([]);
    if (!receiptNo || returnedHalalas === 0 || !allowed) return;
    let live = true;
    void api.getReturnable({ receiptNo }).then((r) => {
      if (!live) return;
      if (r.ok) setReturns(r.value.returns);
      else banner.error(r.error);
    });
    return () => {
      live = false;
    };
    // banner's controls are stable; a receipt switched to or returned again loads again.
  }, [api, receiptNo, returnedHalalas, allowed]);

  const reprint = useCallback(
    async (returnNo: string): Promise<void> => {
      if (busy || !allowed) return;
      setBusy(returnNo);
      try {
        const r = await api.reprintReturn({ returnNo });
        if (!r.ok) banner.error(r.error);
        else if (r.value.printError) banner.error(r.value.printError);
        else {
          banner.clear();
          setPrinted((before) => new Set(before).add(returnNo));
        }
      } finally {
        setBusy(null);
      }
    },
    [api, banner, busy, allowed],
  );

  const newest = returns[returns.length - 1];
  return { returns, busy, printed, reprint, reprintNewest: () => void (newest ? reprint(newest.returnNo) : undefined) };
}

export function RefundCopyList({ copies }: { copies: RefundCopies }) {
  const { t } = useTranslation();
  if (copies.returns.length === 0) return null;
  const newest = copies.returns[copies.returns.length - 1]!.returnNo;
  return (
    <section className="refund-copies" aria-label={t('history.refunds')} data-testid="refund-copies">
      <h3 className="refund-copies__title">{t('history.refunds')}</h3>
      <ul className="refund-copies__list">
        {copies.returns.map((r) => (
          <li key={r.returnNo} className="refund-copies__row" data-testid="refund-copy" data-return-no={r.returnNo}>
            <ReceiptRowCells no={r.returnNo} totalHalalas={r.totalHalalas} at={r.issuedAt} />
            <button
              type="button"
              className="btn btn--secondary"
              data-testid="reprint-refund"
              data-return-no={r.returnNo}
              disabled={copies.busy !== null}
              onClick={() => void copies.reprint(r.returnNo)}
            >
              {t('history.reprintRefund')}
              {r.returnNo === newest && (
                <>
                  {' '}
                  <Kbd k="ctrl" />
                  <Kbd k="shift" />
                  <Kbd k="p" />
                </>
              )}
            </button>
            {copies.printed.has(r.returnNo) && (
              <span className="job-state job-state--printed" data-testid="refund-copy-printed">
                {t('history.refundCopyPrinted')}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
