// The top bar's word on who is signed in, and the lock button (also Ctrl+L).
import { useTranslation } from 'react-i18next';
import type { TillSession } from '../../preload/contract/people';

export function UserBadge({ session, locale, onLock }: { session: TillSession | null; locale: 'ar' | 'en'; onLock(): void }) {
  const { t } = useTranslation();
  const user = session?.user;
  if (!user) return null;
  return (
    <div className="topbar__user" data-testid="signed-in-user">
      <span className="topbar__user-name">{locale === 'ar' ? user.nameAr : user.nameEn}</span>
      <button type="button" className="btn btn--ghost topbar__lock" data-testid="lock-till" title={t('people.lockHint')} onClick={onLock}>
        {t('people.lock')} <kbd>{t('people.lockKey')}</kbd>
      </button>
    </div>
  );
}
