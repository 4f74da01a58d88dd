// Counting the drawer by denomination: the float, and the blind count at closing. One row per note and coin,
// largest first, each with its number of pieces — typed (any digit script), or − / + (44 px and more, for touch;
// the − and + keys in the field do the same) — and what the row is worth; the total under it. Enter or ↓ goes to
// the next row and ↑ back, so a keyboard counts top to bottom; a scan into a field stays in it and moves on like
// Enter, never submitting the count. The − / + buttons leave the Tab order to the fields (the keys do the same).
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DENOMINATIONS, MAX_PIECES, type Denomination, type DenominationKey } from '../../preload/contract/shifts';
import { useFormat } from '../format/FormatContext';
import { ScanSafeInput } from '../shell/ScanSafeInput';
import { parsePieces, stepPieces, type PiecesText } from './shiftChecks';

interface Props {
  /** The table's name for assistive technology ("Opening float", "Count the drawer"). */
  label: string;
  fields: PiecesText;
  onFields(fields: PiecesText): void;
  /** The row main or the check refused, marked until it changes. */
  invalid: DenominationKey | null;
  disabled: boolean;
}

export function useDenominationName(): (d: Denomination) => string {
  const { t } = useTranslation();
  const f = useFormat();
  return (d) => {
    if (d.kind === 'note') return t('shift.note', { value: f.int(d.valueHalalas / 100) });
    return d.valueHalalas >= 100 ? t('shift.coinRiyal', { value: f.int(d.valueHalalas / 100) }) : t('shift.coinHalalas', { value: f.int(d.valueHalalas) });
  };
}

export function countedTotal(fields: PiecesText): number {
  return DENOMINATIONS.reduce((sum, d) => sum + (parsePieces(fields[d.key]) ?? 0) * d.valueHalalas, 0);
}

export function DenominationCounter({ label, fields, onFields, invalid, disabled }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const nameOf = useDenominationName();
  const inputs = useRef(new Map<DenominationKey, HTMLInputElement | null>());
  const focusRow = (index: number): void => {
    const d = DENOMINATIONS[Math.max(0, Math.min(DENOMINATIONS.length - 1, index))];
    const input = d ? inputs.current.get(d.key) : null;
    input?.focus();
    input?.select();
  };
  const set = (key: DenominationKey, text: string): void => onFields({ ...fields, [key]: text });

  const onKeyDown = (index: number, key: DenominationKey) => (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'Enter' && e.ctrlKey) {
      // Not this field's Enter (the next row): the dialog's Ctrl+Enter, which submits the count.
      e.preventDefault();
      return;
    }
    if (e.ctrlKey || e.altKey || e.metaKey) return;
    let handled = true;
    if (e.key === 'ArrowDown') focusRow(index + 1);
    else if (e.key === 'ArrowUp') focusRow(index - 1);
    else if (e.key === '+') set(key, stepPieces(fields[key], 1));
    else if (e.key === '-') set(key, stepPieces(fields[key], -1));
    else handled = false;
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }
  };

  let section: Denomination['kind'] | null = null;
  return (
    <div className="shift-counter">
      <table className="shift-counter__table" aria-label={label} data-testid="shift-counter">
        <thead>
          <tr>
            <th scope="col">{t('shift.denomination')}</th>
            <th scope="col">{t('shift.pieces')}</th>
            <th scope="col">{t('shift.value')}</th>
          </tr>
        </thead>
        <tbody>
          {DENOMINATIONS.map((d, index) => {
            const name = nameOf(d);
            const pieces = parsePieces(fields[d.key]);
            const heading = d.kind !== section;
            section = d.kind;
            return [
              heading && (
                <tr key={`${d.kind}-heading`} className="shift-counter__section">
                  <th scope="colgroup" colSpan={3}>
                    {d.kind === 'note' ? t('shift.notesLabel') : t('shift.coinsLabel')}
                  </th>
                </tr>
              ),
              <tr key={d.key} className={`shift-counter__row${invalid === d.key ? ' shift-counter__row--invalid' : ''}`} data-testid="shift-denomination" data-key={d.key}>
                <th scope="row" className="shift-counter__name">
                  {name}
                </th>
                <td>
                  <div className="shift-counter__stepper">
                    <button
                      type="button"
                      tabIndex={-1}
                      className="btn btn--secondary shift-counter__step"
                      data-testid="shift-less"
                      aria-label={t('shift.less', { denomination: name })}
                      disabled={disabled || (pieces ?? 0) === 0}
                      onPointerDown={(e) => e.preventDefault()}
                      onClick={() => set(d.key, stepPieces(fields[d.key], -1))}
                    >
                      −
                    </button>
                    <PiecesInput
                      register={(el) => inputs.current.set(d.key, el)}
                      label={t('shift.piecesOf', { denomination: name })}
                      invalid={invalid === d.key || pieces === null}
                      disabled={disabled}
                      value={fields[d.key] ?? ''}
                      onValue={(text) => set(d.key, text)}
                      onEnter={() => focusRow(index + 1)}
                      onKeyDown={onKeyDown(index, d.key)}
                    />
                    <button
                      type="button"
                      tabIndex={-1}
                      className="btn btn--secondary shift-counter__step"
                      data-testid="shift-more"
                      aria-label={t('shift.more', { denomination: name })}
                      disabled={disabled || (pieces ?? 0) >= MAX_PIECES}
                      onPointerDown={(e) => e.preventDefault()}
                      onClick={() => set(d.key, stepPieces(fields[d.key], 1))}
                    >
                      +
                    </button>
                  </div>
                </td>
                <td className="shift-counter__value" data-testid="shift-row-value">
                  {pieces === null ? '—' : f.amount(pieces * d.valueHalalas)}
                </td>
              </tr>,
            ];
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              {t('shift.total')}
            </th>
            <td className="shift-counter__total" data-testid="shift-counted-total">
              {f.money(countedTotal(fields))}
            </td>
          </tr>
        </tfoot>
      </table>
      <p className="field__hint">{t('shift.counterHint')}</p>
    </div>
  );
}

interface PiecesInputProps {
  register(el: HTMLInputElement | null): void;
  label: string;
  invalid: boolean;
  disabled: boolean;
  value: string;
  onValue(text: string): void;
  onEnter(): void;
  onKeyDown(e: KeyboardEvent<HTMLInputElement>): void;
}

function PiecesInput({ register, label, invalid, disabled, value, onValue, onEnter, onKeyDown }: PiecesInputProps) {
  const ref = useRef<HTMLInputElement>(null);
  const registered = useRef(register);
  registered.current = register;
  useEffect(() => {
    registered.current(ref.current);
    return () => registered.current(null);
  }, []);
  return (
    <ScanSafeInput
      inputRef={ref}
      className="field__input shift-counter__input"
      data-testid="shift-pieces"
      inputMode="numeric"
      maxLength={4}
      placeholder="0"
      aria-label={label}
      aria-invalid={invalid || undefined}
      readOnly={disabled}
      value={value}
      onValue={onValue}
      onEnter={onEnter}
      onKeyDown={onKeyDown}
    />
  );
}
