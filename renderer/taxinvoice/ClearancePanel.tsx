// After a B2B sale: where its standard tax invoice stands with ZATCA. Nothing prints until ZATCA clears it, so the
// panel asks at once (main waits for ZATCA's answer, up to ~30 s) and says what came back: cleared (main prints
// it), rejected with ZATCA's messages, or unreachable with the reason — then the cashier may try again or issue a
// simplified invoice for the sale instead (a click, or Ctrl+Enter: never Enter alone, never a scan). Each answer
// carries the receipt as it prints now, handed up for the preview. Until the invoice's fate is settled, a plain
// Enter does not move on to the next sale (a scanner's Enter must not hide a refusal nobody saw); Esc, the New sale
// button or a scan still do, and main keeps clearing in the background and prints once ZATCA clears it.
import { useEffect, useRef, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { NuqtaApi } from '../../preload/contract/api';
import type { ErrorData, Receipt } from '../../preload/contract/schemas';
import type { TaxInvoiceState } from '../../preload/contract/tax-invoice';
import { useFormat } from '../format/FormatContext';
import { messageFor } from '../i18n/messages';
import { isPointerClick } from '../keys/deliberateConfirm';
import { Kbd } from '../shell/Kbd';
import { useLatest } from '../shell/useLatest';
import { clearanceView } from './clearanceView';
import './taxinvoice.css';

interface Props {
  api: NuqtaApi;
  /** The completed sale's receipt, with its `clearance`. */
  receipt: Receipt;
  /** The receipt as it prints now, after each of main's answers. */
  onReceipt(receipt: Receipt): void;
  /** Whether the invoice's fate is settled on screen (then Enter moves on as after any sale). */
  onDecided?(decided: boolean): void;
}

export function ClearancePanel({ api, receipt, onReceipt, onDecided }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const { receiptNo } = receipt;
  const initial = receipt.clearance ?? 'waiting';
  const [busy, setBusy] = useState<'clearing' | 'issuing' | null>(initial === 'waiting' ? 'clearing' : null);
  const [answer, setAnswer] = useState<TaxInvoiceState | null>(null);
  const [error, setError] = useState<ErrorData | null>(null);
  const [nudged, setNudged] = useState(false);
  const view = clearanceView({ initial, busy, answer, error });

  const run = async (kind: 'clearing' | 'issuing'): Promise<void> => {
    setBusy(kind);
    setError(null);
    setNudged(false);
    try {
      const reply = kind === 'clearing' ? await api.clearTaxInvoice({ receiptNo, send: true }) : await api.issueSimplifiedInstead({ receiptNo });
      if (!reply.ok) return setError(reply.error);
      setAnswer(reply.value);
      onReceipt(reply.value.receipt);
    } finally {
      setBusy(null);
    }
  };
  const latest = useLatest({ view, run });

  // Asked once as the panel opens (a reload of the effect must not send it twice).
  const asked = useRef(false);
  useEffect(() => {
    if (asked.current || initial !== 'waiting') return;
    asked.current = true;
    void latest.current.run('clearing');
  }, [initial, latest]);

  useEffect(() => onDecided?.(view.decided), [onDecided, view.decided]);

  // Before the scan field's Enter (window, capture phase): while undecided, Enter alone moves nowhere and
  // Ctrl+Enter issues the simplified invoice when that is offered. A scan's Enter was already taken by the wedge.
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || e.altKey || e.metaKey) return;
      if (e.key !== 'Enter' && e.code !== 'Enter' && e.code !== 'NumpadEnter') return;
      const { view: now, run: act } = latest.current;
      if (now.decided) return;
      e.preventDefault();
      e.stopPropagation();
      if (e.ctrlKey && !e.shiftKey && !e.repeat && now.simplifiedInstead) void act('issuing');
      else setNudged(true);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [latest]);

  const issueByClick = (e: MouseEvent<HTMLButtonElement>): void => {
    // Enter or Space on the focused button is a click with no pointer behind it: not a deliberate choice.
    if (isPointerClick(e)) void run('issuing');
    else setNudged(true);
  };

  const { phase } = view;
  const notes = answer?.messages ?? [];
  return (
    <section className={`clearance clearance--${phase}`} aria-label={t('taxInvoice.panelLabel')} data-testid="clearance-panel" data-phase={phase}>
      <div aria-live="polite" className="clearance__live">
        <p className="clearance__state" data-testid="clearance-state">
          {t(`taxInvoice.${phase}`)}
        </p>
        {phase === 'unreachable' && answer?.problem && (
          <p className="clearance__detail" data-testid="clearance-problem">
            <bdi dir="ltr">{answer.problem}</bdi>
          </p>
        )}
        {phase === 'failed' && error && (
          <p className="clearance__detail" data-testid="clearance-error" data-code={error.code}>
            {messageFor(error, f.locale, f.digits)}
          </p>
        )}
        {notes.length > 0 && (
          <ul className="clearance__notes" aria-label={t('taxInvoice.notes')} data-testid="clearance-notes">
            {notes.map((n, i) => (
              <li key={i} data-testid="clearance-note" data-code={n.code}>
                <bdi dir="ltr" className="clearance__code">
                  {n.code}
                </bdi>
                <bdi>{n.message}</bdi>
              </li>
            ))}
          </ul>
        )}
        {!view.decided && phase !== 'issuing' && <p className="clearance__detail">{t('taxInvoice.notPrinted')}</p>}
      </div>
      {(view.tryAgain || view.simplifiedInstead) && (
        <div className="clearance__actions">
          {view.tryAgain && (
            <button type="button" className="btn btn--secondary" data-testid="clearance-retry" onClick={() => void run('clearing')}>
              {t('taxInvoice.tryAgain')}
            </button>
          )}
          {view.simplifiedInstead && (
            <button type="button" className="btn btn--primary" data-testid="clearance-simplified" onClick={issueByClick}>
              {t('taxInvoice.simplifiedInstead')} <Kbd k="ctrl" /> <Kbd k="enter" />
            </button>
          )}
        </div>
      )}
      {!view.decided && (
        <p className={nudged ? 'clearance__hint clearance__hint--nudge' : 'clearance__hint'} data-testid="clearance-hint" data-nudged={nudged ? '1' : undefined}>
          {t('taxInvoice.enterBlocked')}
        </p>
      )}
    </section>
  );
}
