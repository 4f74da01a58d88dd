// The admin screen of a till with no active user asks for its first admin before anything else (docs/people.md,
// first admin): a live till takes no shared default PIN, so this is how it gets its first person. Both names, the
// admin's PIN typed twice, an optional badge, and the till's own shared PIN when the shop set one. Main adds the
// admin and signs them in; the panel then opens with the PIN just chosen.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { NuqtaApi } from '../../../preload/contract/api';
import type { TillSession } from '../../../preload/contract/people';
import { toLatinDigits } from '../../../preload/contract/digits';
import { TextField } from '../../shell/TextField';
import type { BannerCall } from '../../terminal/useBannerCall';
import { checkNewPin } from './newPin';
import { BadgeField, badgeTooShort, FormEnd, PinPair } from './UserFormParts';
import './users.css';

interface Props {
  api: NuqtaApi;
  calls: BannerCall;
  /** The shop set a shared PIN of its own: the form asks for it too. */
  tillPinNeeded: boolean;
  /** The admin was added and signed in: the session main answered and the PIN that opens the panel. */
  onAdded(session: TillSession, pin: string): void;
  onCancel(): void;
}

export function FirstAdminForm({ api, calls, tillPinNeeded, onAdded, onCancel }: Props) {
  const { t } = useTranslation();
  const [nameAr, setNameAr] = useState('');
  const [nameEn, setNameEn] = useState('');
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [badge, setBadge] = useState('');
  const [tillPin, setTillPin] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    formRef.current?.querySelector('input')?.focus();
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!nameAr.trim() || !nameEn.trim()) return setProblem(t('users_admin.names_needed'));
    const check = checkNewPin(pin, again);
    const shared = toLatinDigits(tillPin.trim());
    // PINs are never kept longer than one try.
    setPin('');
    setAgain('');
    setTillPin('');
    if (!check.ok) return setProblem(t(`users_admin.pin_${check.problem}`));
    if (badgeTooShort(badge)) return setProblem(t('users_admin.badge_short'));
    setProblem(null);
    const session = await calls.call(() =>
      api.addFirstAdmin({
        nameAr: nameAr.trim(),
        nameEn: nameEn.trim(),
        pin: check.pin,
        ...(badge.trim() ? { badge: badge.trim() } : {}),
        ...(tillPinNeeded ? { tillPin: shared } : {}),
      }),
    );
    if (session) onAdded(session, check.pin);
  };

  return (
    <form ref={formRef} className="users__form first-admin" data-testid="first-admin-form" onSubmit={(e) => void submit(e)}>
      <h3 className="users__title">{t('users_admin.first_title')}</h3>
      <p className="first-admin__body">{t('users_admin.first_body')}</p>
      <TextField label={t('users_admin.nameAr')} data-testid="users-name-ar" value={nameAr} onValue={setNameAr} maxLength={60} dir="rtl" lang="ar" />
      <TextField label={t('users_admin.nameEn')} data-testid="users-name-en" value={nameEn} onValue={setNameEn} maxLength={60} dir="ltr" lang="en" />
      <PinPair pin={pin} again={again} onPin={setPin} onAgain={setAgain} />
      <BadgeField value={badge} onValue={setBadge} hint={t('users_admin.badge_optional')} />
      {tillPinNeeded && (
        <label className="field">
          <span className="field__label">{t('users_admin.first_till_pin')}</span>
          <input
            className="field__input"
            type="password"
            inputMode="numeric"
            autoComplete="off"
            maxLength={8}
            dir="ltr"
            data-testid="first-admin-till-pin"
            value={tillPin}
            onChange={(e) => setTillPin(e.target.value)}
          />
        </label>
      )}
      <FormEnd problem={problem} saveTestId="first-admin-save" saveLabel={t('users_admin.first_save')} busy={calls.busy} onCancel={onCancel} />
    </form>
  );
}
