// The one field the till types into. Enter submits (scan / add hit), Esc clears, arrows walk the hits.
// Ctrl+arrows, + - Delete and the F-keys are left to bubble up to the till's hotkeys.
import { useSyncExternalStore, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScanText } from './scanText';

export const SEARCH_LIST_ID = 'search-results';

interface Props {
  inputRef: RefObject<HTMLInputElement | null>;
  /** The field's text: typing draws this field, not the till around it (./scanText.ts). */
  text: ScanText;
  resultsOpen: boolean;
  activeOptionId: string | undefined;
  onChange(value: string): void;
  onSubmit(): void;
  onEscape(): void;
  onArrow(delta: number): void;
  /** Tab: focus stays here; the till may give it a meaning (switch the receipt view after a sale). */
  onTab?(): void;
  /** `name-search`: the cashier asked to find an item by name (after an unknown barcode, or Ctrl+F). */
  mode?: 'scan' | 'name-search';
}

export function ScanField(props: Props) {
  const { t } = useTranslation();
  const { inputRef, text, resultsOpen, activeOptionId } = props;
  const value = useSyncExternalStore(text.subscribe, text.get);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'Enter') {
      e.preventDefault();
      props.onSubmit();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      props.onEscape();
    } else if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && !e.ctrlKey && resultsOpen) {
      e.preventDefault();
      props.onArrow(e.key === 'ArrowDown' ? 1 : -1);
    } else if (e.key === 'Tab') {
      e.preventDefault(); // Focus belongs here; Tab would wander off to the buttons.
      props.onTab?.();
    }
  };

  return (
    <div className="scan">
      <label htmlFor="scan-input" className="visually-hidden">
        {t('scan.label')}
      </label>
      <span className="scan__icon" aria-hidden="true" />
      <input
        id="scan-input"
        ref={inputRef}
        className="scan__input"
        data-testid="scan-input"
        type="text"
        value={value}
        placeholder={props.mode === 'name-search' ? t('scanner_safety.nameSearchPlaceholder') : t('scan.placeholder')}
        data-mode={props.mode ?? 'scan'}
        autoComplete="off"
        autoCorrect="off"
        spellCheck={false}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={resultsOpen}
        aria-controls={SEARCH_LIST_ID}
        aria-activedescendant={activeOptionId}
        onChange={(e) => props.onChange(e.target.value)}
        onKeyDown={onKeyDown}
      />
    </div>
  );
}
