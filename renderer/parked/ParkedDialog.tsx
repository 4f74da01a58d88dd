// Parked sales (Ctrl+Shift+H): this till's parked sales, newest first, with when each was parked, its lines, its
// total and whose sale it is (a sale is parked to its owner when another cashier signs in, and main refuses a
// cashier another's: docs/parked-sales.md). The arrows pick one and Enter recalls it (only once picked:
// parkedKeys.ts), a tap on a row recalls it; F8 (or the button) voids the highlighted one through the void prompt
// the open sale uses. Recalling while the sale on the counter has items parks that sale in its place; main
// refuses, with its reason, a sale that has money on it.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NuqtaApi } from '../../preload/contract/api';
import type { ParkedSale } from '../../preload/contract/parked';
import type { Sale } from '../../preload/contract/schemas';
import { useFormat } from '../format/FormatContext';
import { VoidConfirm } from '../sale/VoidConfirm';
import { Dialog } from '../shell/Dialog';
import { Kbd } from '../shell/Kbd';
import type { BannerControls } from '../shell/useBanner';
import { useDialogKeys } from '../shell/useDialogKeys';
import { moveHighlight, parkedKey } from './parkedKeys';
import { useKeepFocus } from '../shell/useKeepFocus';

interface Props {
  api: NuqtaApi;
  banner: BannerControls;
  /** The recalled sale, to show at once: the view had retired it when it was parked (sale/saleState.ts). */
  onRecalled(sale: Sale): void;
  onClose(): void;
}

export function ParkedDialog({ api, banner, onRecalled, onClose }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const dialogRef = useRef<HTMLDivElement>(null);
  const [items, setItems] = useState<ParkedSale[] | null>(null);
  const [at, setAt] = useState(0);
  /** The cashier moved the highlight since the list opened: only then does Enter recall. */
  const [picked, setPicked] = useState(false);
  const [hint, setHint] = useState(false);
  const [voiding, setVoiding] = useState<string | null>(null);
  const busy = useRef(false);

  useEffect(() => {
    dialogRef.current?.focus();
    void api.listParkedSales({}).then((r) => {
      if (r.ok) setItems(r.value);
      else {
        setItems([]);
        banner.error(r.error);
      }
    });
    // Once, on opening.
  }, []);

  useKeepFocus(dialogRef, voiding === null);

  const selected = items?.[at] ?? null;

  const recall = async (saleId: string): Promise<void> => {
    if (busy.current) return;
    busy.current = true;
    try {
      const r = await api.recallSale({ saleId });
      if (!r.ok) return banner.error(r.error);
      banner.clear();
      onRecalled(r.value);
      onClose();
    } finally {
      busy.current = false;
    }
  };

  const confirmVoid = async (saleId: string): Promise<void> => {
    setVoiding(null);
    const r = await api.voidParkedSale({ saleId });
    if (!r.ok) return banner.error(r.error);
    banner.clear();
    setItems(r.value);
    setAt((i) => moveHighlight(i, 0, r.value.length));
  };

  const onKeyDown = useDialogKeys({
    onClose,
    onKey: (e) => {
      if (voiding) return false; // The void prompt over the list has the keyboard.
      const action = parkedKey(e, picked);
      if (!action) return e.ctrlKey && e.code === 'KeyH'; // The key that opened the list does nothing more here.
      if (action.kind === 'move') {
        setAt((i) => moveHighlight(i, action.delta, items?.length ?? 0));
        setPicked(true);
        setHint(false);
      } else if (action.kind === 'recall' && selected) void recall(selected.saleId);
      else if (action.kind === 'hint') setHint(true);
      else if (action.kind === 'void' && selected) setVoiding(selected.saleId);
      return true;
    },
  });

  return (
    <Dialog labelledBy="parked-title" className="panel" testId="parked-dialog" busy={items === null} onKeyDown={onKeyDown} dialogRef={dialogRef}>
      <div className="panel__head">
        <h2 id="parked-title" className="dialog__title">
          {t('parked.title')}
        </h2>
        <div className="panel__spacer" />
        <button type="button" className="btn btn--secondary btn--icon" data-testid="parked-close" onClick={onClose}>
          {t('parked.close')} <Kbd k="esc" />
        </button>
      </div>
      {items === null ? (
        <p className="panel__empty">{t('parked.loading')}</p>
      ) : items.length === 0 ? (
        <p className="panel__empty" data-testid="parked-empty">
          {t('parked.empty')}
        </p>
      ) : (
        <ul className="receipts" aria-label={t('parked.title')}>
          {items.map((p, i) => {
            const on = i === at;
            return (
              <li
                key={p.saleId}
                className={`receipt-row${on ? ' receipt-row--on' : ''}`}
                data-testid="parked-item"
                data-sale-id={p.saleId}
                aria-current={on ? 'true' : undefined}
                onClick={() => void recall(p.saleId)}
              >
                <bdi className="receipt-row__time" dir="ltr">
                  {f.dateTime(p.parkedAt)}
                </bdi>
                <span className="receipt-row__no">
                  {t('parked.lines')} <bdi data-testid="parked-lines">{f.int(p.lineCount)}</bdi>
                </span>
                <bdi className="receipt-row__total" data-testid="parked-total">
                  {f.money(p.totalHalalas)}
                </bdi>
                {p.cashier && (
                  <span className="receipt-row__tenders">
                    <span className="tender-tag" data-testid="parked-cashier">
                      {t('parked.cashier')} <bdi>{f.locale === 'ar' ? p.cashier.nameAr : p.cashier.nameEn}</bdi>
                    </span>
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {hint ? (
        <p className="panel__hint" role="alert" data-testid="parked-enter-hint">
          {t('parked.enterHint')}
        </p>
      ) : (
        <p className="panel__hint">{t('parked.hint')}</p>
      )}
      {selected && (
        <div className="dialog__actions">
          <button type="button" className="btn btn--danger" data-testid="parked-void" onClick={() => setVoiding(selected.saleId)}>
            {t('parked.void')} <Kbd k="f8" />
          </button>
        </div>
      )}
      {voiding && <VoidConfirm onConfirm={() => void confirmVoid(voiding)} onClose={() => setVoiding(null)} />}
    </Dialog>
  );
}
