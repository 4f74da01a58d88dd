// The business buyer of a standard (B2B) tax invoice, on the open sale (Ctrl+B, or the button under the totals).
// Main checks the buyer with ZATCA's rules and answers a problem per field; each is shown next to its field in the
// cashier's language with the rule's code, and the first bad field gets the keyboard. Scanner-safe: every text
// field keeps a scan (a burst stays in it), Enter only moves to the next field, and only Ctrl+Enter or a pointer
// click on Save sends the form — a keyboard-wedge scanner ends every burst with Enter. Esc closes.
import { createRef, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type MouseEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { NuqtaApi } from '../../preload/contract/api';
import type { BuyerProblem } from '../../preload/contract/buyer';
import type { ErrorData, Sale } from '../../preload/contract/schemas';
import { useFormat } from '../format/FormatContext';
import { messageFor } from '../i18n/messages';
import { isPointerClick } from '../keys/deliberateConfirm';
import { Dialog } from '../shell/Dialog';
import { Kbd } from '../shell/Kbd';
import { TextField } from '../shell/TextField';
import { useDialogKeys } from '../shell/useDialogKeys';
import { buyerOf, draftOf, firstBadField, nextField, problemsByField, SCHEME_CHOICES, type BuyerDraft, type BuyerIdScheme, type DraftField } from './buyerForm';
import './taxinvoice.css';

interface Props {
  api: NuqtaApi;
  sale: Sale;
  onClose(): void;
}

/** How each field is typed: identifiers and numbers left to right on the number pad, names as written. */
const FIELD_INPUT: Record<DraftField, { numeric: boolean; ltr: boolean; maxLength: number }> = {
  legalName: { numeric: false, ltr: false, maxLength: 300 },
  vatNumber: { numeric: true, ltr: true, maxLength: 20 },
  otherId: { numeric: false, ltr: true, maxLength: 40 },
  buildingNumber: { numeric: true, ltr: true, maxLength: 10 },
  street: { numeric: false, ltr: false, maxLength: 120 },
  district: { numeric: false, ltr: false, maxLength: 120 },
  city: { numeric: false, ltr: false, maxLength: 80 },
  postalCode: { numeric: true, ltr: true, maxLength: 10 },
};

const fieldId = (field: DraftField): string => `buyer-${field}`;

export function BuyerDialog({ api, sale, onClose }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const [draft, setDraft] = useState<BuyerDraft>(() => draftOf(sale.buyer));
  const [problems, setProblems] = useState<BuyerProblem[]>([]);
  const [refusal, setRefusal] = useState<ErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const [keysHint, setKeysHint] = useState(false);
  // One ref per field for the life of the dialog: the fields register themselves as scan targets by it.
  const refs = useRef<Record<DraftField, RefObject<HTMLInputElement | null>> | null>(null);
  refs.current ??= Object.fromEntries(Object.keys(FIELD_INPUT).map((k) => [k, createRef<HTMLInputElement>()])) as Record<DraftField, RefObject<HTMLInputElement | null>>;
  const fieldRefs = refs.current;
  const focusField = (field: DraftField | null): void => {
    if (field) fieldRefs[field].current?.focus();
  };
  const labels: Record<DraftField, string> = {
    legalName: t('taxInvoice.legalName'),
    vatNumber: t('taxInvoice.vatNumber'),
    otherId: t('taxInvoice.idValue'),
    buildingNumber: t('taxInvoice.buildingNumber'),
    street: t('taxInvoice.street'),
    district: t('taxInvoice.district'),
    city: t('taxInvoice.city'),
    postalCode: t('taxInvoice.postalCode'),
  };

  useEffect(() => fieldRefs.legalName.current?.focus(), [fieldRefs]);
  // The first refused field gets the keyboard once the form is enabled again (a disabled field takes no focus).
  const [focusAfter, setFocusAfter] = useState<{ field: DraftField } | null>(null);
  // The keyboard moves in the same commit as what asks for it, so a key pressed next lands here (shell/useKeepFocus.ts).
  useLayoutEffect(() => {
    if (!busy && focusAfter) fieldRefs[focusAfter.field].current?.focus();
  }, [busy, focusAfter, fieldRefs]);

  const byField = problemsByField(problems);
  const change = (field: DraftField, value: string): void => {
    setDraft((d) => ({ ...d, [field]: value }));
    // What was typed over a refused value is not refused yet: its message goes until main says again.
    if (byField[field]) setProblems((ps) => ps.filter((p) => p.field !== field));
  };

  const save = async (): Promise<void> => {
    if (busy) return;
    setBusy(true);
    setRefusal(null);
    setKeysHint(false);
    try {
      const answer = await api.setSaleBuyer({ buyer: buyerOf(draft) });
      if (!answer.ok) return setRefusal(answer.error);
      if (answer.value.problems.length > 0 || !answer.value.sale) {
        setProblems(answer.value.problems);
        const first = firstBadField(answer.value.problems, draft.noVat);
        if (first) setFocusAfter({ field: first });
        return;
      }
      onClose();
    } finally {
      setBusy(false);
    }
  };
  const remove = async (): Promise<void> => {
    if (busy) return;
    setBusy(true);
    setRefusal(null);
    try {
      const answer = await api.removeSaleBuyer({});
      if (!answer.ok) return setRefusal(answer.error);
      onClose();
    } finally {
      setBusy(false);
    }
  };
  const clickSave = (e: MouseEvent<HTMLButtonElement>): void => {
    // Enter or Space on the focused button fire a click with no pointer behind it: that is not a deliberate save.
    if (isPointerClick(e)) void save();
    else setKeysHint(true);
  };

  const isCtrlEnter = (e: KeyboardEvent<HTMLElement>): boolean => e.key === 'Enter' && e.ctrlKey && !e.altKey && !e.metaKey && !e.shiftKey;
  const onKeyDown = useDialogKeys({
    onClose,
    onKey: (e) => {
      if (!isCtrlEnter(e)) return false;
      void save();
      return true;
    },
  });
  // In a text field Enter moves on (the field's own Enter runs before the dialog's): Ctrl+Enter must save first.
  const fieldKeyDown = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (!isCtrlEnter(e)) return;
    e.preventDefault();
    e.stopPropagation();
    void save();
  };

  const field = (name: DraftField) => {
    const input = FIELD_INPUT[name];
    const own = byField[name];
    const errorId = `${fieldId(name)}-error`;
    return (
      <div className={own ? 'buyer__field buyer__field--invalid' : 'buyer__field'} data-field={name}>
        <TextField
          label={labels[name]}
          id={fieldId(name)}
          data-testid={fieldId(name)}
          inputRef={fieldRefs[name]}
          value={draft[name]}
          onValue={(v) => change(name, v)}
          onEnter={() => focusField(nextField(name, draft.noVat))}
          onKeyDown={fieldKeyDown}
          maxLength={input.maxLength}
          dir={input.ltr ? 'ltr' : 'auto'}
          inputMode={input.numeric ? 'numeric' : 'text'}
          aria-invalid={own ? true : undefined}
          aria-describedby={own ? errorId : undefined}
          disabled={busy}
        />
        {own && (
          <p className="buyer__error" id={errorId} data-testid={`${fieldId(name)}-error`} data-rule={own.map((p) => p.rule).join(' ')}>
            {own.map((p, i) => (
              <span key={i} className="buyer__problem">
                {p.message[f.locale]}{' '}
                <small className="buyer__rule">
                  {t('taxInvoice.rule')} <bdi dir="ltr">{p.rule}</bdi>
                </small>
              </span>
            ))}
          </p>
        )}
      </div>
    );
  };

  return (
    <Dialog labelledBy="buyer-title" className="dialog--buyer" testId="buyer-dialog" onKeyDown={onKeyDown}>
      <h2 id="buyer-title" className="dialog__title">
        {t('taxInvoice.title')}
      </h2>
      <p className="dialog__body">{t('taxInvoice.intro')}</p>
      {field('legalName')}
      <div className="buyer__id">
        <label className="buyer__check">
          <input
            type="checkbox"
            data-testid="buyer-no-vat"
            checked={draft.noVat}
            disabled={busy}
            onChange={(e) => setDraft((d) => ({ ...d, noVat: e.target.checked }))}
          />
          <span>{t('taxInvoice.noVat')}</span>
        </label>
        {draft.noVat ? (
          <div className="buyer__row">
            <label className="field buyer__scheme">
              <span className="field__label">{t('taxInvoice.idScheme')}</span>
              <select
                className="field__input"
                data-testid="buyer-scheme"
                value={draft.scheme}
                disabled={busy}
                onChange={(e) => setDraft((d) => ({ ...d, scheme: e.target.value as BuyerIdScheme }))}
              >
                {SCHEME_CHOICES.map((s) => (
                  <option key={s} value={s}>
                    {t(`taxInvoice.scheme_${s}`)}
                  </option>
                ))}
              </select>
            </label>
            {field('otherId')}
          </div>
        ) : (
          field('vatNumber')
        )}
      </div>
      <fieldset className="buyer__address">
        <legend className="buyer__legend">{t('taxInvoice.address')}</legend>
        <div className="buyer__row">
          {field('buildingNumber')}
          {field('street')}
        </div>
        <div className="buyer__row">
          {field('district')}
          {field('city')}
          {field('postalCode')}
        </div>
      </fieldset>
      {problems.length > 0 && (
        <p className="buyer__summary" role="alert" data-testid="buyer-problems">
          {t('taxInvoice.fixFields')}
        </p>
      )}
      {refusal && (
        <p className="buyer__summary" role="alert" data-testid="buyer-refusal" data-code={refusal.code}>
          {messageFor(refusal, f.locale, f.digits)}
        </p>
      )}
      <p className={keysHint ? 'buyer__keys buyer__keys--nudge' : 'buyer__keys'} role={keysHint ? 'status' : undefined} data-testid="buyer-keys-hint">
        {keysHint ? t('taxInvoice.saveByKeys') : t('taxInvoice.keysHint')}
      </p>
      <div className="dialog__actions">
        <button type="button" className="btn btn--primary" data-testid="buyer-save" disabled={busy} onClick={clickSave}>
          {busy ? t('taxInvoice.saving') : t('taxInvoice.save')} <Kbd k="ctrl" /> <Kbd k="enter" />
        </button>
        {sale.buyer && (
          <button type="button" className="btn btn--secondary" data-testid="buyer-remove" disabled={busy} onClick={() => void remove()}>
            {t('taxInvoice.remove')}
          </button>
        )}
        <button type="button" className="btn btn--secondary" data-testid="buyer-close" onClick={onClose}>
          {t('taxInvoice.close')} <Kbd k="esc" />
        </button>
      </div>
    </Dialog>
  );
}
