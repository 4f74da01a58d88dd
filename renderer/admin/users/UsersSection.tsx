// The admin area's Users tab (issue 14, docs/people.md): the till's users as main lists them (names, role, active,
// badge set or not, paused by the wrong-PIN back-off or not — never a hash), adding one (a PIN typed twice, an
// optional badge), a new PIN, a badge set or cleared, deactivating and reactivating (with a new PIN), and lifting
// a back-off pause. Every call carries the manager's PIN the panel was opened with; main decides and journals.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { NuqtaApi } from '../../../preload/contract/api';
import { UserRole } from '../../../preload/contract/people';
import type { ManagedUser, UserChange, UsersList } from '../../../preload/contract/users';
import { useFormat } from '../../format/FormatContext';
import { TextField } from '../../shell/TextField';
import type { BannerCall } from '../../terminal/useBannerCall';
import { checkNewPin } from './newPin';
import { BadgeField, badgeTooShort, FormEnd, PinPair } from './UserFormParts';
import './users.css';

interface Props {
  api: NuqtaApi;
  managerPin: string;
  calls: BannerCall;
}

/** What the form under the table does: add a user, or give one user a new PIN, a badge, or reactivate them. */
type Editing = { kind: 'add' } | { kind: 'pin' | 'badge' | 'reactivate'; user: ManagedUser } | null;

export function UsersSection({ api, managerPin, calls }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const [list, setList] = useState<UsersList | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [nameAr, setNameAr] = useState('');
  const [nameEn, setNameEn] = useState('');
  const [role, setRole] = useState<UserRole>('cashier');
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [badge, setBadge] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const answered = (fresh: UsersList | undefined): boolean => {
    if (!fresh) return false;
    setList(fresh);
    return true;
  };
  useEffect(() => {
    void calls.call(() => api.listUsers({ managerPin })).then(answered);
    // Once, when the tab opens; afterwards every change answers the fresh list.
  }, []);

  const edit = (next: Editing) => {
    setEditing(next);
    setNameAr('');
    setNameEn('');
    setRole('cashier');
    setPin('');
    setAgain('');
    setBadge('');
    setProblem(null);
  };
  const change = async (userId: string, c: UserChange) => answered(await calls.call(() => api.changeUser({ managerPin, userId, change: c })));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!editing) return;
    if (editing.kind === 'add' && (!nameAr.trim() || !nameEn.trim())) return setProblem(t('users_admin.names_needed'));
    if (editing.kind === 'add' && badgeTooShort(badge)) return setProblem(t('users_admin.badge_short'));
    let newPin = '';
    if (editing.kind !== 'badge') {
      const check = checkNewPin(pin, again);
      // The PINs are emptied whatever happens: they are never kept longer than one try.
      setPin('');
      setAgain('');
      if (!check.ok) return setProblem(t(`users_admin.pin_${check.problem}`));
      newPin = check.pin;
    }
    setProblem(null);
    let ok: boolean;
    if (editing.kind === 'add') {
      ok = answered(await calls.call(() => api.addUser({ managerPin, nameAr, nameEn, role, pin: newPin, ...(badge.trim() ? { badge: badge.trim() } : {}) })));
    } else if (editing.kind === 'pin') ok = await change(editing.user.id, { kind: 'pin', pin: newPin });
    else if (editing.kind === 'reactivate') ok = await change(editing.user.id, { kind: 'reactivate', pin: newPin });
    else {
      if (badge.trim().length < 4) return setProblem(t('users_admin.badge_short'));
      ok = await change(editing.user.id, { kind: 'badge', badge: badge.trim() });
    }
    if (ok) edit(null);
  };

  if (!list) return <div className="users" data-testid="users-admin" data-loaded="0" />;
  const paused = (until: string | null) => (until ? t('users_admin.paused_until', { time: f.dateTime(until) }) : t('users_admin.not_paused'));

  return (
    <div className="users" data-testid="users-admin" data-loaded="1">
      <div className="users__bar">
        <button type="button" className="btn btn--primary" data-testid="users-add" disabled={calls.busy} onClick={() => edit({ kind: 'add' })}>
          {t('users_admin.add')}
        </button>
        <span data-testid="users-till-paused" data-paused={list.tillPausedUntil ? '1' : '0'}>
          {t('users_admin.till_pin')}: {paused(list.tillPausedUntil)}
        </span>
        {list.tillPausedUntil && (
          <button type="button" className="btn btn--secondary" data-testid="users-unlock-till" disabled={calls.busy} onClick={() => void change('till', { kind: 'unlock' })}>
            {t('users_admin.unlock')}
          </button>
        )}
      </div>
      <table className="users__table" data-testid="users-table">
        <thead>
          <tr>
            <th scope="col">{t('users_admin.nameAr')}</th>
            <th scope="col">{t('users_admin.nameEn')}</th>
            <th scope="col">{t('users_admin.role')}</th>
            <th scope="col">{t('users_admin.state')}</th>
            <th scope="col">{t('users_admin.badge')}</th>
            <th scope="col">{t('users_admin.backoff')}</th>
            <th scope="col">{t('users_admin.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {list.users.map((u) => (
            <tr key={u.id} data-testid="users-row" data-user={u.id} data-name={u.nameEn} data-active={u.active ? '1' : '0'} data-badge={u.hasBadge ? '1' : '0'} data-paused={u.pausedUntil ? '1' : '0'}>
              <td lang="ar" dir="rtl">
                <bdi>{u.nameAr}</bdi>
              </td>
              <td lang="en" dir="ltr">
                <bdi>{u.nameEn}</bdi>
              </td>
              <td>{t(`users_admin.role_${u.role}`)}</td>
              <td>{u.active ? t('users_admin.active') : t('users_admin.inactive')}</td>
              <td>{u.hasBadge ? t('users_admin.badge_set') : t('users_admin.badge_none')}</td>
              <td>{paused(u.pausedUntil)}</td>
              <td className="users__actions">
                {u.active ? (
                  <>
                    <button type="button" className="btn btn--secondary" data-testid="users-set-pin" disabled={calls.busy} onClick={() => edit({ kind: 'pin', user: u })}>
                      {t('users_admin.set_pin')}
                    </button>
                    <button type="button" className="btn btn--secondary" data-testid="users-set-badge" disabled={calls.busy} onClick={() => edit({ kind: 'badge', user: u })}>
                      {t('users_admin.set_badge')}
                    </button>
                    {u.hasBadge && (
                      <button type="button" className="btn btn--secondary" data-testid="users-clear-badge" disabled={calls.busy} onClick={() => void change(u.id, { kind: 'badge', badge: null })}>
                        {t('users_admin.clear_badge')}
                      </button>
                    )}
                    <button type="button" className="btn btn--secondary" data-testid="users-deactivate" disabled={calls.busy} onClick={() => void change(u.id, { kind: 'deactivate' })}>
                      {t('users_admin.deactivate')}
                    </button>
                  </>
                ) : (
                  <button type="button" className="btn btn--secondary" data-testid="users-reactivate" disabled={calls.busy} onClick={() => edit({ kind: 'reactivate', user: u })}>
                    {t('users_admin.reactivate')}
                  </button>
                )}
                {u.pausedUntil && (
                  <button type="button" className="btn btn--secondary" data-testid="users-unlock" disabled={calls.busy} onClick={() => void change(u.id, { kind: 'unlock' })}>
                    {t('users_admin.unlock')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      {editing && (
        <form className="users__form" data-testid="users-form" data-kind={editing.kind} onSubmit={(e) => void submit(e)}>
          <h3 className="users__title">
            {editing.kind === 'add' ? t('users_admin.add') : t(`users_admin.form_${editing.kind}`, { name: f.locale === 'ar' ? editing.user.nameAr : editing.user.nameEn })}
          </h3>
          {editing.kind === 'add' && (
            <>
              <TextField label={t('users_admin.nameAr')} data-testid="users-name-ar" value={nameAr} onValue={setNameAr} maxLength={60} dir="rtl" lang="ar" />
              <TextField label={t('users_admin.nameEn')} data-testid="users-name-en" value={nameEn} onValue={setNameEn} maxLength={60} dir="ltr" lang="en" />
              <label className="field">
                <span className="field__label">{t('users_admin.role')}</span>
                <select className="field__input" data-testid="users-role" value={role} onChange={(e) => setRole(e.target.value as UserRole)}>
                  {UserRole.options.map((r) => (
                    <option key={r} value={r}>
                      {t(`users_admin.role_${r}`)}
                    </option>
                  ))}
                </select>
              </label>
            </>
          )}
          {editing.kind !== 'badge' && <PinPair pin={pin} again={again} onPin={setPin} onAgain={setAgain} />}
          {(editing.kind === 'add' || editing.kind === 'badge') && (
            <BadgeField value={badge} onValue={setBadge} hint={editing.kind === 'add' ? t('users_admin.badge_optional') : t('users_admin.badge_scan')} />
          )}
          <FormEnd problem={problem} saveTestId="users-save" saveLabel={t('users_admin.save')} busy={calls.busy} onCancel={() => edit(null)} />
        </form>
      )}
    </div>
  );
}
