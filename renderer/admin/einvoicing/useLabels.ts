// The section's words for values main sends as codes (environments, states, document kinds, onboarding steps,
// ages). Each key is written out, not built from the value, so the locale check finds every one of them.
import { useTranslation } from 'react-i18next';
import type { EinvoiceEnvironment, EinvoiceState, OnboardStep } from '../../../preload/contract/einvoicing';
import { useFormat } from '../../format/FormatContext';
import { ageParts, type StepState } from './einvoicingView';

export function useLabels() {
  const { t } = useTranslation();
  const f = useFormat();
  return {
    environment(env: EinvoiceEnvironment): string {
      switch (env) {
        case 'simulator':
          return t('einvoicing_admin.env_simulator');
        case 'sandbox':
          return t('einvoicing_admin.env_sandbox');
        case 'simulation':
          return t('einvoicing_admin.env_simulation');
        case 'production':
          return t('einvoicing_admin.env_production');
      }
    },
    state(state: EinvoiceState): string {
      switch (state) {
        case 'waiting':
          return t('einvoicing_admin.state_waiting');
        case 'reported':
          return t('einvoicing_admin.state_reported');
        case 'warned':
          return t('einvoicing_admin.state_warned');
        case 'rejected':
          return t('einvoicing_admin.state_rejected');
      }
    },
    /** invoice, credit_note, debit_note; anything else as main sent it. */
    kind(kind: string): string {
      if (kind === 'invoice') return t('einvoicing_admin.kind_invoice');
      if (kind === 'credit_note') return t('einvoicing_admin.kind_credit_note');
      if (kind === 'debit_note') return t('einvoicing_admin.kind_debit_note');
      return kind;
    },
    step(step: OnboardStep): string {
      switch (step) {
        case 'csr':
          return t('einvoicing_admin.step_csr');
        case 'compliance-csid':
          return t('einvoicing_admin.step_compliance_csid');
        case 'compliance-checks':
          return t('einvoicing_admin.step_compliance_checks');
        case 'production-csid':
          return t('einvoicing_admin.step_production_csid');
      }
    },
    stepState(state: StepState): string {
      switch (state) {
        case 'pending':
          return t('einvoicing_admin.stepState_pending');
        case 'running':
          return t('einvoicing_admin.stepState_running');
        case 'ok':
          return t('einvoicing_admin.stepState_ok');
        case 'failed':
          return t('einvoicing_admin.stepState_failed');
      }
    },
    /** "3 h 20 min", "2 d 4 h", "7 min", in the screen's digits. */
    age(totalMinutes: number): string {
      const { days, hours, minutes } = ageParts(totalMinutes);
      if (days > 0) return t('einvoicing_admin.age_days', { days: f.int(days), hours: f.int(hours) });
      if (hours > 0) return t('einvoicing_admin.age_hours', { hours: f.int(hours), minutes: f.int(minutes) });
      return t('einvoicing_admin.age_minutes', { minutes: f.int(minutes) });
    },
  };
}
export type Labels = ReturnType<typeof useLabels>;
