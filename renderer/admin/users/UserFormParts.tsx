// What the Users tab's form and the first admin's form share: the PIN typed twice, the staff badge, and the form's
// end (the problem found before sending, Save and Cancel).
import { useTranslation } from 'react-i18next';
import { TextField } from '../../shell/TextField';

export function PinPair({ pin, again, onPin, onAgain }: { pin: string; again: string; onPin(v: string): void; onAgain(v: string): void }) {
  const { t } = useTranslation();
  return (
    <>
      <label className="field">
        <span className="field__label">{t('users_admin.pin')}</span>
        <input className="field__input" type="password" inputMode="numeric" autoComplete="off" maxLength={8} dir="ltr" data-testid="users-pin" value={pin} onChange={(e) => onPin(e.target.value)} />
      </label>
      <label className="field">
        <span className="field__label">{t('users_admin.pinAgain')}</span>
        <input className="field__input" type="password" inputMode="numeric" autoComplete="off" maxLength={8} dir="ltr" data-testid="users-pin-again" value={again} onChange={(e) => onAgain(e.target.value)} />
      </label>
    </>
  );
}

export function FormEnd({ problem, saveTestId, saveLabel, busy, onCancel }: { problem: string | null; saveTestId: string; saveLabel: string; busy: boolean; onCancel(): void }) {
  const { t } = useTranslation();
  return (
    <>
      {problem && (
        <p className="users__problem" role="alert" data-testid="users-problem">
          {problem}
        </p>
      )}
      <div className="users__buttons">
        <button type="submit" className="btn btn--primary" data-testid={saveTestId} disabled={busy}>
          {saveLabel}
        </button>
        <button type="button" className="btn btn--secondary" data-testid="users-cancel" onClick={onCancel}>
          {t('users_admin.cancel')}
        </button>
      </div>
    </>
  );
}

/** The staff badge's number (scanned from the card, or typed): `hint` says whether it may be left empty. */
export function BadgeField({ value, onValue, hint }: { value: string; onValue(v: string): void; hint: string }) {
  const { t } = useTranslation();
  return <TextField label={t('users_admin.badge')} hint={hint} data-testid="users-badge" value={value} onValue={onValue} maxLength={64} dir="ltr" autoComplete="off" />;
}

/** A badge given must be at least 4 characters (main refuses shorter ones too); an empty one is no badge. */
export const badgeTooShort = (badge: string): boolean => badge.trim() !== '' && badge.trim().length < 4;
