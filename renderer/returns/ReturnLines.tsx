// The receipt's lines as a return sees them: sold, returned before, what may still come back, and a stepper
// (− / +, touch-sized, or the + and − keys on the line) for how many come back now. Amounts are the ones main
// sent (unit price, the line total as sold); the refund itself is priced by main when the return is issued.
// At either end a step button is only marked disabled (aria), never really disabled: a real one would drop the
// keyboard focus out of the dialog.
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReturnableLine } from '../../preload/contract/returns';
import { useFormat } from '../format/FormatContext';
import { quantityOf, stepFor, type Selection } from './returnSelection';

interface Props {
  lines: ReturnableLine[];
  selection: Selection;
  disabled: boolean;
  onStep(line: ReturnableLine, delta: 1 | -1): void;
}

export function ReturnLines({ lines, selection, disabled, onStep }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <table className="returns__lines" aria-label={t('returns.lines')}>
      <thead>
        <tr>
          <th scope="col">{t('returns.col_item')}</th>
          <th scope="col">{t('returns.col_price')}</th>
          <th scope="col">{t('returns.col_sold')}</th>
          <th scope="col">{t('returns.col_returned')}</th>
          <th scope="col">{t('returns.col_left')}</th>
          <th scope="col">{t('returns.col_lineTotal')}</th>
          <th scope="col">{t('returns.col_return')}</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((l) => {
          const { line } = l;
          const done = l.returnableQuantity === 0;
          const quantity = quantityOf(selection, line.lineId);
          const name = f.locale === 'ar' ? line.nameAr : line.nameEn;
          const onKeyDown = (e: KeyboardEvent<HTMLElement>): void => {
            const step = stepFor(e);
            if (step === null || done || disabled) return;
            e.preventDefault();
            e.stopPropagation();
            onStep(l, step);
          };
          return (
            <tr
              key={line.lineId}
              className={`returns__line${done ? ' returns__line--done' : ''}${quantity > 0 ? ' returns__line--on' : ''}`}
              data-testid="return-line"
              data-line-id={line.lineId}
              data-barcode={line.barcode}
              aria-disabled={done || undefined}
            >
              <th scope="row" className="returns__name">
                {name}
                {done && <span className="returns__done-tag">{t('returns.lineDone')}</span>}
              </th>
              <td>{f.money(line.unitPriceHalalas)}</td>
              <td data-testid="return-sold">{f.int(line.quantity)}</td>
              <td data-testid="return-returned">{f.int(l.returnedQuantity)}</td>
              <td data-testid="return-left">{f.int(l.returnableQuantity)}</td>
              <td>{f.money(line.lineTotalHalalas)}</td>
              <td>
                <div className="returns__stepper" role="group" aria-label={name} onKeyDown={onKeyDown}>
                  <button
                    type="button"
                    className="btn btn--secondary returns__step"
                    data-testid="return-less"
                    aria-label={t('returns.less', { name })}
                    disabled={disabled || done}
                    aria-disabled={quantity === 0 || undefined}
                    onClick={() => onStep(l, -1)}
                  >
                    −
                  </button>
                  <output className="returns__qty" data-testid="return-qty" aria-live="polite">
                    {f.int(quantity)}
                  </output>
                  <button
                    type="button"
                    className="btn btn--secondary returns__step"
                    data-testid="return-more"
                    aria-label={t('returns.more', { name })}
                    disabled={disabled || done}
                    aria-disabled={quantity >= l.returnableQuantity || undefined}
                    onClick={() => onStep(l, 1)}
                  >
                    +
                  </button>
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
