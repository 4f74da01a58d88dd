// The printed receipt as an image: the exact 1-bit pixels main sends to the printer, shown at two thirds of
// their size (an 80 mm roll's 576 dots become 384 px), which keeps the thermal look and is easy to read.
import { useTranslation } from 'react-i18next';
import { useFormat } from '../format/FormatContext';
import { messageFor } from '../i18n/messages';
import type { ReceiptImageState } from './useReceiptImage';

const SCALE = 2 / 3;

interface Props {
  state: ReceiptImageState;
  testId: string;
}

export function ReceiptImageView({ state, testId }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  switch (state.phase) {
    case 'none':
      return null;
    case 'loading':
      return <p className="receipt-image__note">{t('receiptImage.loading')}</p>;
    case 'failed':
      return (
        <p className="receipt-image__note receipt-image__note--failed" data-testid={`${testId}-error`} data-code={state.error.code}>
          {t('receiptImage.failed')} {messageFor(state.error, f.locale, f.digits)}
        </p>
      );
    case 'ready':
      return (
        <div className="receipt-image">
          <img
            className="receipt-image__img"
            data-testid={testId}
            data-receipt-no={state.receiptNo}
            src={state.image.png}
            width={Math.round(state.image.widthDots * SCALE)}
            height={Math.round(state.image.heightDots * SCALE)}
            alt={t('receiptImage.alt', { no: state.receiptNo })}
            draggable={false}
          />
        </div>
      );
  }
}
