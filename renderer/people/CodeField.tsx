// The authenticator app's 6-digit code, typed or tapped on the on-screen pad: one field for the approver's second
// factor (SecondFactorDialog, which also takes a recovery code) and for confirming one's own enrolment
// (TotpEnrolDialog). Enter submits from the field or the pad; the caller decides whether what is typed will do.
import type { RefObject } from 'react';
import { FieldKeypad } from '../keypad/FieldKeypad';

interface Props {
  label: string;
  value: string;
  onValue(value: string): void;
  onEnter(value: string): void;
  inputRef: RefObject<HTMLInputElement | null>;
  testId: string;
  keypadTestId: string;
  /** What may be typed: 6 digits, or longer where a recovery code is taken too. The pad types digits only. */
  maxLength?: number;
  /** While main checks a code: the field keeps the keyboard but takes no typing. */
  readOnly?: boolean;
}

export const CODE_DIGITS = 6;

export function CodeField({ label, value, onValue, onEnter, inputRef, testId, keypadTestId, maxLength = CODE_DIGITS, readOnly }: Props) {
  return (
    <>
      <label className="field">
        <span className="field__label">{label}</span>
        <input
          ref={inputRef}
          className="field__input"
          data-testid={testId}
          inputMode="numeric"
          autoComplete="one-time-code"
          spellCheck={false}
          maxLength={maxLength}
          readOnly={readOnly}
          value={value}
          onChange={(e) => onValue(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            e.stopPropagation();
            onEnter(value);
          }}
        />
      </label>
      <FieldKeypad value={value} onValue={onValue} onEnter={onEnter} maxLength={CODE_DIGITS} testId={keypadTestId} />
    </>
  );
}
