// The on-screen numeric keypad for touch tills: the cash amount, a quantity, a PIN, a mobile number. Its buttons
// never take the focus (the field keeps it, so a keyboard or a scanner still types there), are 52 px targets, and
// change the field only through `onValue`, like typing does. Enter is the form's own Enter.
import { useTranslation } from 'react-i18next';
import { applyKeypadKey, type KeypadKey, type KeypadRules } from './keypadInput';
import './keypad.css';

interface Props extends KeypadRules {
  value: string;
  onValue(value: string): void;
  onEnter?(value: string): void;
  testId?: string;
}

const ROWS: readonly (readonly KeypadKey[])[] = [
  ['7', '8', '9'],
  ['4', '5', '6'],
  ['1', '2', '3'],
];

export function NumericKeypad({ value, onValue, onEnter, decimal, maxLength, testId = 'keypad' }: Props) {
  const { t } = useTranslation();
  const rules = { ...(decimal ? { decimal } : {}), ...(maxLength !== undefined ? { maxLength } : {}) };
  const press = (key: KeypadKey) => onValue(applyKeypadKey(value, key, rules));
  const keyButton = (key: KeypadKey, label: string, name?: string) => (
    <button
      key={key}
      type="button"
      tabIndex={-1}
      className="keypad__key"
      data-testid={`${testId}-key-${key}`}
      aria-label={name ?? label}
      onPointerDown={(e) => e.preventDefault()}
      onClick={() => press(key)}
    >
      {label}
    </button>
  );
  return (
    <div className="keypad" role="group" aria-label={t('keypad.label')} data-testid={testId} dir="ltr">
      {ROWS.map((row) => row.map((k) => keyButton(k, k)))}
      {keyButton(decimal ? '.' : '00', decimal ? '.' : '00')}
      {keyButton('0', '0')}
      {keyButton('back', '⌫', t('keypad.back'))}
      {keyButton('clear', t('keypad.clear'))}
      {onEnter && (
        <button
          type="button"
          tabIndex={-1}
          className="keypad__key keypad__key--enter"
          data-testid={`${testId}-enter`}
          onPointerDown={(e) => e.preventDefault()}
          onClick={() => onEnter(value)}
        >
          {t('keypad.enter')}
        </button>
      )}
    </div>
  );
}
