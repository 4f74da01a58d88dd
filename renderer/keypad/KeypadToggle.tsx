// Shows or hides the on-screen keypad beside a field. A touch screen (coarse pointer) starts with it shown; a till
// with a keyboard starts without it, one tap away. The cashier's choice then holds for every field until changed
// (a PIN field that comes back empty after a wrong PIN keeps its pad), for as long as the till's window is open.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

let chosen: boolean | null = null;

const touchScreen = (): boolean => typeof window !== 'undefined' && window.matchMedia?.('(pointer: coarse)').matches === true;

export function useKeypadShown(): [boolean, () => void] {
  const [shown, setShown] = useState(() => chosen ?? touchScreen());
  return [
    shown,
    () =>
      setShown((s) => {
        chosen = !s;
        return !s;
      }),
  ];
}

export function KeypadToggle({ shown, onToggle, testId = 'keypad-toggle' }: { shown: boolean; onToggle(): void; testId?: string }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="btn btn--secondary keypad-toggle" aria-pressed={shown} data-testid={testId} onPointerDown={(e) => e.preventDefault()} onClick={onToggle}>
      {shown ? t('keypad.hide') : t('keypad.show')}
    </button>
  );
}
