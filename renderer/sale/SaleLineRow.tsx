import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SaleLine } from '../../preload/contract/schemas';
import { useFormat } from '../format/FormatContext';
import { weightText } from './weighed';

interface Props {
  line: SaleLine;
  index: number;
  selected: boolean;
  removable: boolean;
  onSelect(lineId: string): void;
  onRemove(lineId: string): void;
}

export const lineOptionId = (lineId: string): string => `sale-line-${lineId}`;

export const SaleLineRow = memo(function SaleLineRow({ line, index, selected, removable, onSelect, onRemove }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <li
      id={lineOptionId(line.lineId)}
      aria-current={selected ? 'true' : undefined}
      className={`line${selected ? ' line--selected' : ''}`}
      data-testid="sale-line"
      data-barcode={line.barcode}
      data-line-id={line.lineId}
      onClick={() => onSelect(line.lineId)}
    >
      <span className="line__no">{f.int(index + 1)}</span>
      <span className="line__item">
        <span className="line__name" data-testid="line-name">
          {f.locale === 'ar' ? line.nameAr : line.nameEn}
        </span>
        <span className="line__barcode">{line.barcode}</span>
        {line.discount && (
          <span className="line__discount" data-testid="line-discount">
            {t('discounts.lineDiscount', { what: `${line.discount.rule.kind === 'percent' ? `${f.int(line.discount.rule.percent)}% ` : ''}-${f.money(line.discount.halalas)}` })}
          </span>
        )}
        {line.priceOverride && (
          <span className="line__discount" data-testid="line-price-changed">
            {t('discounts.priceChanged', { amount: f.money(line.priceOverride.listPriceHalalas) })}
          </span>
        )}
      </span>
      <span className="line__qty" data-testid="line-qty" data-sold-by={line.soldBy ?? 'each'}>
        {weightText(line, f.digits, t) ?? f.int(line.quantity)}
      </span>
      <span className="line__unit">{line.soldBy === 'kg' ? t('weighed.perKg', { price: f.money(line.unitPriceHalalas) }) : f.money(line.unitPriceHalalas)}</span>
      <span className="line__total" data-testid="line-total">
        {f.money(line.lineTotalHalalas)}
      </span>
      <span className="line__actions">
        {/* Only the highlighted line carries the button: one target, the same one Delete acts on. */}
        {selected && removable && (
          <button
            type="button"
            className="btn btn--icon btn--danger-ghost"
            data-testid="remove-line"
            title={t('sale.removeHint')}
            onClick={(e) => {
              e.stopPropagation();
              onRemove(line.lineId);
            }}
          >
            {t('sale.remove')}
          </button>
        )}
      </span>
    </li>
  );
}, sameRow);

/**
 * Every answer from main brings the whole sale, each line a new object: compared by reference, every row of a long
 * sale would render again at each scan. A row renders again only when something it shows changed (a field that is
 * itself an object counts as changed: the safe side).
 */
function sameRow(a: Props, b: Props): boolean {
  if (a.index !== b.index || a.selected !== b.selected || a.removable !== b.removable || a.onSelect !== b.onSelect || a.onRemove !== b.onRemove) return false;
  if (a.line === b.line) return true;
  const keys = Object.keys(a.line) as Array<keyof SaleLine>;
  return keys.length === Object.keys(b.line).length && keys.every((k) => a.line[k] === b.line[k]);
}
