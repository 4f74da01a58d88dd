import type { Locale } from '../../preload/contract/schemas';
import { useFormat } from '../format/FormatContext';
import { messageFor } from '../i18n/messages';
import type { Banner } from './useBanner';

/** The slot is always there so the lines below never jump; the banner itself only when there is news. */
export function MessageBanner({ banner, locale }: { banner: Banner | null; locale: Locale }) {
  const { digits } = useFormat();
  return (
    <div className="banner-slot" aria-live="assertive">
      {banner && (
        <div
          key={banner.id}
          className={`banner banner--${banner.tone}`}
          role={banner.tone === 'error' ? 'alert' : 'status'}
          data-testid="message"
          data-code={banner.data.code}
        >
          {messageFor(banner.data, locale, digits)}
        </div>
      )}
    </div>
  );
}
