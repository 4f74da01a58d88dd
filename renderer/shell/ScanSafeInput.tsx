// A text field of a manager's form. A burst of keys fast enough to look like a scan (a scanner, a test
// typing, a manager who types fast) stays in this field and ends like Enter, instead of being taken as an
// item for the sale.
import { useRef, type InputHTMLAttributes, type KeyboardEvent, type RefObject } from 'react';
import { replaceBurst, useScanTarget } from '../scanner/scanTargets';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'ref'> & {
  value: string;
  onValue(value: string): void;
  /** Enter, or the end of a burst; gets the field's value as it is now. */
  onEnter?(value: string): void;
  inputRef?: RefObject<HTMLInputElement | null>;
};

export function ScanSafeInput({ value, onValue, onEnter, inputRef, onKeyDown, ...rest }: Props) {
  const own = useRef<HTMLInputElement>(null);
  const ref = inputRef ?? own;
  useScanTarget(ref, (text, typed) => {
    const next = replaceBurst(value, text, typed);
    onValue(next);
    onEnter?.(next);
  });
  const keyDown = (e: KeyboardEvent<HTMLInputElement>): void => {
    onKeyDown?.(e);
    if (e.defaultPrevented) return;
    if (e.key === 'Enter' && onEnter) {
      e.preventDefault();
      e.stopPropagation();
      onEnter(value);
    }
  };
  return (
    <input
      ref={ref}
      type="text"
      autoComplete="off"
      spellCheck={false}
      {...rest}
      value={value}
      onChange={(e) => onValue(e.target.value)}
      onKeyDown={keyDown}
    />
  );
}
