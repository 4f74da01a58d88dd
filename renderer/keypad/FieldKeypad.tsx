// A field's number pad with its show/hide button: what a form puts under a numeric field.
import { KeypadToggle, useKeypadShown } from './KeypadToggle';
import { NumericKeypad } from './NumericKeypad';
import type { KeypadRules } from './keypadInput';

interface Props extends KeypadRules {
  value: string;
  onValue(value: string): void;
  onEnter?(value: string): void;
  /** The pad's test id; its button's is `<testId>-toggle`. */
  testId: string;
}

export function FieldKeypad({ testId, ...pad }: Props) {
  const [shown, toggle] = useKeypadShown();
  return (
    <>
      <KeypadToggle shown={shown} onToggle={toggle} testId={`${testId}-toggle`} />
      {shown && <NumericKeypad {...pad} testId={testId} />}
    </>
  );
}
