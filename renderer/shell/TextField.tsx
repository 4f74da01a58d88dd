// A labelled text field of a manager's or cashier's form (receipt number, refund amount, RRN, approval code,
// STC Pay mobile and code, drawer reason). One component so every such field has the same markup — the label
// wraps the input, so clicking the words focuses it — and every one is scan-safe (see ScanSafeInput). Fields
// where a scan must leave the form for the sale (cash tendered, quantity) keep a plain <input> on purpose. The
// PIN has its own PinField (masked, never kept).
import type { ComponentProps, ReactNode } from 'react';
import { ScanSafeInput } from './ScanSafeInput';

type Props = ComponentProps<typeof ScanSafeInput> & {
  label: ReactNode;
  /** A line under the input saying what goes in it. */
  hint?: ReactNode;
};

export function TextField({ label, hint, className = 'field__input', ...input }: Props) {
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <ScanSafeInput className={className} {...input} />
      {hint && <span className="field__hint">{hint}</span>}
    </label>
  );
}
