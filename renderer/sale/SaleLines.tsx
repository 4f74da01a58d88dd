import { memo, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Sale } from '../../preload/contract/schemas';
import { SaleLineRow } from './SaleLineRow';

interface Props {
  sale: Sale | null;
  selectedLineId: string | null;
  /** Lines cannot change (a card or STC Pay payment is on or in flight): no remove buttons. */
  locked: boolean;
  onSelect(lineId: string): void;
  onRemove(lineId: string): void;
}

export const SaleLines = memo(function SaleLines({ sale, selectedLineId, locked, onSelect, onRemove }: Props) {
  const { t } = useTranslation();
  const listRef = useRef<HTMLOListElement>(null);
  const lines = sale?.lines ?? [];

  // Keep the highlighted (usually newest) line in view as the list grows past the screen. Scrolled once the row
  // is laid out (a ResizeObserver's first report comes in the frame, after layout): scrolling from this effect
  // would make the browser lay the page out there and then, a scan's most expensive step.
  const scrollOnLayout = useRef<ResizeObserver | null>(null);
  useEffect(() => () => scrollOnLayout.current?.disconnect(), []);
  useEffect(() => {
    if (!selectedLineId) return;
    const row = listRef.current?.querySelector(`[data-line-id="${CSS.escape(selectedLineId)}"]`);
    if (!row) return;
    scrollOnLayout.current ??= new ResizeObserver((entries, observer) => {
      for (const { target } of entries) {
        observer.unobserve(target);
        target.scrollIntoView({ block: 'nearest' });
      }
    });
    scrollOnLayout.current.disconnect();
    scrollOnLayout.current.observe(row);
  }, [selectedLineId, lines.length]);

  return (
    <section className="lines">
      <div className="lines__head" aria-hidden="true">
        <span className="line__no">{t('sale.colNo')}</span>
        <span className="line__item">{t('sale.colName')}</span>
        <span className="line__qty">{t('sale.colQty')}</span>
        <span className="line__unit">{t('sale.colUnit')}</span>
        <span className="line__total">{t('sale.colTotal')}</span>
        <span className="line__actions" />
      </div>
      {/* A plain list, not a listbox: the highlighted line carries its remove button, and an option may hold no
          control. The highlight is aria-current; Ctrl+↑↓ move it from the scan field, which keeps the focus. */}
      <ol ref={listRef} className="lines__list" aria-label={t('sale.linesLabel')} data-testid="sale-lines">
        {lines.map((line, i) => (
          <SaleLineRow
            key={line.lineId}
            line={line}
            index={i}
            selected={line.lineId === selectedLineId}
            removable={!locked}
            onSelect={onSelect}
            onRemove={onRemove}
          />
        ))}
      </ol>
      {lines.length === 0 && <p className="lines__empty">{t('sale.empty')}</p>}
    </section>
  );
});
