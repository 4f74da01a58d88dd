import { useTranslation } from 'react-i18next';

/** Key-cap names as printed on the keyboard; they live in the locale files like every visible string. */
export type KeyCap =
  | 'enter'
  | 'esc'
  | 'ctrl'
  | 'shift'
  | 'del'
  | 'up'
  | 'down'
  | 'upDown'
  | 'plus'
  | 'minus'
  | 'tab'
  | 'b'
  | 'p'
  | 'r'
  | 'f1'
  | 'f2'
  | 'f3'
  | 'f4'
  | 'f5'
  | 'f6'
  | 'f7'
  | 'f8'
  | 'f9'
  | 'f10'
  | 'f11'
  | 'f12';

export function Kbd({ k }: { k: KeyCap }) {
  const { t } = useTranslation();
  return <kbd>{t(`keycaps.${k}`)}</kbd>;
}
