// A manager reverses a card payment of the open sale (the terminal voids its last transaction).
import { useTranslation } from 'react-i18next';
import type { CardTender, ErrorData } from '../../preload/contract/schemas';
import { useFormat } from '../format/FormatContext';
import { cardName } from './cardText';
import { ManagerPinDialog } from './PinForm';

interface Props {
  tender: CardTender;
  busy: boolean;
  onSubmit(pin: string): Promise<boolean>;
  onReject(error: ErrorData): void;
  onCancel(): void;
}

export function ReverseDialog({ tender, ...rest }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <ManagerPinDialog
      testId="reverse-dialog"
      title={t('pin.reverseTitle')}
      body={t('pin.reverseBody', { amount: f.money(tender.amountHalalas), card: cardName(tender.card) })}
      {...rest}
    />
  );
}
