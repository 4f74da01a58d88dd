// The message banner when a scan was not in the catalog: main's words, then the code that was scanned (in a <bdi>,
// so the digits read left to right inside an Arabic sentence) and the way on — find the item by name (the button,
// or Ctrl+F). Same slot and look as the till's MessageBanner, which it stands in for while this message is shown.
import { useTranslation } from 'react-i18next';
import type { ErrorData, Locale } from '../../preload/contract/schemas';
import { useFormat } from '../format/FormatContext';
import { messageFor } from '../i18n/messages';
import { Kbd } from '../shell/Kbd';

interface Props {
  message: ErrorData;
  /** Changes with every message, so a repeated refusal flashes again. */
  messageId: number;
  barcode: string;
  locale: Locale;
  onSearchByName(): void;
}

export function UnknownBarcodeBanner({ message, messageId, barcode, locale, onSearchByName }: Props) {
  const { t } = useTranslation();
  const { digits } = useFormat();
  return (
    <div className="banner-slot" aria-live="assertive">
      <div key={messageId} className="banner banner--error" role="alert" data-testid="message" data-code={message.code}>
        {messageFor(message, locale, digits)} {t('scanner_safety.unknownScanned')}{' '}
        <bdi dir="ltr" data-testid="unknown-barcode-code">
          {barcode}
        </bdi>{' '}
        <button type="button" className="btn btn--secondary" data-testid="search-by-name" onClick={onSearchByName}>
          {t('scanner_safety.searchByName')}
          <span className="kbd-combo">
            <Kbd k="ctrl" />
            <kbd>{t('scanner_safety.keyF')}</kbd>
          </span>
        </button>
      </div>
    </div>
  );
}
