// The top bar's word on who is signed in, the lock button (also Ctrl+L), and for a manager or admin their own
// two-factor enrolment (TotpEnrolDialog).
import { useTranslation } from 'react-i18next';
import type { TillSession } from '../../preload/contract/people';

export function UserBadge({ session, locale, onLock, onTwoFactor }: { session: TillSession | null; locale: 'ar' | 'en'; onLock(): void; onTwoFactor(): void }) {
  const { t } = useTranslation();
  const user = session?.user;
  if (!user) return null;
  return (
    <div className="topbar__user" data-testid="signed-in-user">
      <span className="topbar__user-name">{locale === 'ar' ? user.nameAr : user.nameEn}</span>
      {(user.role === 'admin' || user.role === 'manager') && (
        <button type="button" className="btn btn--ghost topbar__two-factor" data-testid="two-factor-open" title={t('twoFactor.openHint')} onClick={onTwoFactor}>
          {t('twoFactor.open')}
        </button>
      )}
      <button type="button" className="btn btn--ghost topbar__lock" data-testid="lock-till" title={t('people.lockHint')} onClick={onLock}>
        {t('people.lock')} <kbd>{t('people.lockKey')}</kbd>
      </button>
    </div>
  );
}
