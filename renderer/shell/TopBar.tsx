import { memo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DigitStyle, Locale, PrinterStatus, TerminalStatus, TillInfo } from '../../preload/contract/schemas';
import type { HealthReport } from '../../preload/contract/health';
import type { ConnectionState } from '../api/carrier';
import { healthTone, needingAttention } from '../health/healthView';
import { useFormat } from '../format/FormatContext';
import { PrinterButton } from '../printing/PrinterButton';
import type { ShiftStatus } from '../../preload/contract/shifts';
import { ShiftButton } from '../shift/ShiftButton';
import type { ProviderIndicator } from '../terminal/providerStatus';
import { ConnectionStatus } from './ConnectionStatus';
import { Kbd } from './Kbd';
import { ProviderStatus } from './ProviderStatus';

interface Props {
  till: TillInfo | null;
  connection: ConnectionState;
  locale: Locale;
  digits: DigitStyle;
  /** Shown when the till takes cards or STC Pay: the manager's way into the terminal panel. */
  terminal: TerminalStatus | null;
  /** Status lights of the providers main checks in the background (STC Pay, a cloud terminal). */
  providers: ProviderIndicator[];
  printer: PrinterStatus | null;
  /** Print jobs that failed and wait for a retry or a cancel. */
  printFailed: number;
  /** The till's health (devices, certificates, disk, backups, clock); the dot opens the health page. */
  health: HealthReport | null;
  onToggleLocale(): void;
  onToggleDigits(): void;
  onTerminal(): void;
  onPrintQueue(): void;
  onHistory(): void;
  /** Absent: the signed-in role may not open the drawer (renderer/people/mayShow.ts), so no button. */
  onDrawer?: () => void;
  onHealth(): void;
  /** The admin area (settings, commissioning), behind the manager's PIN. */
  /** Absent: the signed-in role may not open the admin area. */
  onAdmin?: () => void;
  /** The cash drawer's shift (renderer/shift): which is open, and the way into its screen. */
  shift: ShiftStatus | null;
  /** Absent: the signed-in role may not run the drawer's shift. */
  onShift?: () => void;
  /** Who is signed in, with the lock button (renderer/people). */
  people?: ReactNode;
}

interface WayInProps {
  testId: string;
  hint: string;
  label: string;
  /** Absent: the role may not use it, and no button is drawn. */
  onClick?: () => void;
  /** The key(s) that do the same. */
  children: ReactNode;
  /** A toggle's state (the digits). */
  pressed?: boolean;
  /** The label's own language (the language switch names the other one). */
  lang?: string;
}

/** A plain top-bar button: a way into a panel, or a toggle, with its key. */
function WayIn({ testId, hint, label, onClick, children, pressed, lang }: WayInProps) {
  if (!onClick) return null;
  return (
    <button type="button" className="btn btn--ghost topbar__toggle" data-testid={testId} title={hint} aria-pressed={pressed} lang={lang} onClick={onClick}>
      {label}
      {children}
    </button>
  );
}

export const TopBar = memo(function TopBar(props: Props) {
  const { till, connection, locale, digits, terminal, onToggleLocale, onToggleDigits, onTerminal } = props;
  const { printer, printFailed, providers, onPrintQueue, onHistory, onDrawer, health: report, onHealth, onAdmin } = props;
  const { t } = useTranslation();
  const f = useFormat();
  const attention = terminal?.needsAttention.length ?? 0;
  // A till with STC Pay but no card terminal: the panel's button shows STC Pay's health.
  const health = (terminal?.configured === false ? terminal.stcPay?.health : terminal?.health) ?? 'not_checked';
  const shopName = till ? (locale === 'ar' ? till.shopNameAr : till.shopNameEn) : '';
  return (
    <header className="topbar">
      <div className="topbar__brand">
        <span className="topbar__logo" aria-hidden="true" />
        <span className="topbar__name">{t('app.name')}</span>
      </div>
      <div className="topbar__shop">
        <span className="topbar__shop-name">{shopName}</span>
        {till && <span className="topbar__till">{t('app.till', { id: till.tillId })}</span>}
      </div>
      {till?.simulated && (
        <span className="demo-badge" data-testid="demo-badge" title={t('app.demoHint')}>
          {t('app.demo')}
        </span>
      )}
      {till?.liveSaleRefused && (
        <span className="demo-badge demo-badge--refused" role="alert" data-testid="live-sale-refused">
          {t('app.liveSaleRefused')}
        </span>
      )}
      <div className="topbar__spacer" />
      {props.people}
      <ConnectionStatus state={connection} />
      <button
        type="button"
        className={`btn btn--ghost topbar__health health-tone--${healthTone(report)}`}
        data-testid="health-open"
        data-tone={healthTone(report)}
        title={t('health.title')}
        onClick={onHealth}
      >
        <span className="health__dot" aria-hidden="true" />
        {needingAttention(report) > 0 ? t('health.attention', { count: needingAttention(report) }) : t('health.short')}
      </button>
      <ProviderStatus indicators={providers} />
      {props.onShift && <ShiftButton status={props.shift} onClick={props.onShift} />}
      <WayIn testId="admin-open" hint={t('toolbar.adminHint')} label={t('actions.admin')} onClick={onAdmin}>
        <Kbd k="ctrl" />
        <kbd>,</kbd>
      </WayIn>
      <PrinterButton status={printer} failed={printFailed} onClick={onPrintQueue} />
      <WayIn testId="history-open" hint={t('toolbar.historyHint')} label={t('actions.history')} onClick={onHistory}>
        <Kbd k="f5" />
      </WayIn>
      <WayIn testId="drawer-open" hint={t('toolbar.drawerHint')} label={t('actions.drawer')} onClick={onDrawer}>
        <Kbd k="f1" />
      </WayIn>
      {(till?.cardPayments || till?.stcPayPayments) && (
        <button
          type="button"
          className={`btn btn--ghost topbar__toggle topbar__terminal health--${health}`}
          data-testid="terminal-open"
          data-health={health}
          title={t('toolbar.terminalHint')}
          onClick={onTerminal}
        >
          <span className="health__dot" aria-hidden="true" />
          {t('actions.terminal')}
          {attention > 0 && (
            <span className="badge badge--alert" data-testid="terminal-attention-count" title={t('toolbar.attention', { n: f.int(attention) })}>
              {f.int(attention)}
            </span>
          )}
          <Kbd k="f7" />
        </button>
      )}
      <WayIn
        testId="digits-toggle"
        hint={t('toolbar.digitsHint')}
        label={digits === 'arabic' ? t('toolbar.digitsToLatin') : t('toolbar.digitsToArabic')}
        onClick={onToggleDigits}
        pressed={digits === 'arabic'}
      >
        <Kbd k="f10" />
      </WayIn>
      <WayIn testId="lang-toggle" hint={t('toolbar.languageHint')} label={t('toolbar.language')} onClick={onToggleLocale} lang={locale === 'ar' ? 'en' : 'ar'}>
        <Kbd k="f9" />
      </WayIn>
    </header>
  );
});
