// The wizard's self-tests, each through the same services the till sells with: the print service prints the
// test page and kicks the drawer, payments asks the terminal and the providers. A step answers what it found;
// it throws only for what stops the call itself (a wrong PIN, checked by the caller and by settlement).
import type { CommissioningStepName, ErrorData } from '../../../preload/contract';
import { isTillError } from '../../errors';
import type { Payments } from '../../payments';
import type { PrintService } from '../../printing/service';
import { printServiceErrorData } from '../../printing/service';
import { isDemoIdentity, type TillSettings } from '../../settings';
import { commissioningError } from './errors';
import { testPage } from './pages';

export type Facts = Record<string, string | number | boolean | null>;
export interface StepOutcome {
  ok: boolean;
  error: ErrorData | null;
  facts: Facts;
}

export interface StepInput {
  managerPin: string;
  confirmRealCard?: boolean | undefined;
  scan?: { text: string; arabicLayout: boolean } | undefined;
  shown?: boolean | undefined;
}

export interface StepDeps {
  settings: () => TillSettings;
  printing: PrintService;
  payments: Payments;
  now: () => Date;
}

const passed = (facts: Facts = {}): StepOutcome => ({ ok: true, error: null, facts });
const failed = (error: ErrorData, facts: Facts = {}): StepOutcome => ({ ok: false, error, facts });

/** A thrown domain error as the admin reads it; anything else as the till's INTERNAL. */
function dataOf(e: unknown): ErrorData {
  if (isTillError(e)) return e.toData();
  const withData = e as { toData?: () => ErrorData };
  if (typeof withData?.toData === 'function') return withData.toData();
  return { code: 'INTERNAL', message_ar: 'حدث خطأ غير متوقع. لم تُفقد أي بيانات.', message_en: 'Something unexpected went wrong. No data was lost.' };
}

const detailOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

function identity({ settings }: StepDeps): StepOutcome {
  const s = settings();
  const facts: Facts = { shopNameAr: s.shopNameAr, shopNameEn: s.shopNameEn, vatNumber: s.vatNumber, crNumber: s.crNumber, tillId: s.tillId };
  if (isDemoIdentity(s)) return failed(commissioningError('COMMISSIONING_DEMO_IDENTITY'), facts);
  if (!s.nationalAddress) return failed(commissioningError('COMMISSIONING_NO_ADDRESS'), facts);
  if (!s.crNumber) return failed(commissioningError('COMMISSIONING_NO_CR'), facts);
  return passed({ ...facts, city: s.nationalAddress.city, postalCode: s.nationalAddress.postalCode });
}

async function printer({ settings, printing, now }: StepDeps): Promise<StepOutcome> {
  const s = settings();
  if (!s.printer) return failed(printServiceErrorData('PRINTER_NOT_CONFIGURED'));
  const printed = await printing.printDocument(testPage(s, now().toISOString()));
  const facts: Facts = { profile: s.printer.profile, link: s.printer.link.kind, transport: printing.lastStatus().transport };
  return printed.ok ? passed({ ...facts, bytes: printed.bytes }) : failed(printed.error, { ...facts, detail: printed.detail });
}

async function drawer({ settings, printing }: StepDeps): Promise<StepOutcome> {
  const s = settings();
  const facts: Facts = s.drawer ? { pin: s.drawer.pin, pulseMs: s.drawer.pulseMs } : { pulse: 'the printer profile' };
  // Journaled like any drawer opened without a sale, with the reason saying why.
  const kicked = await printing.openDrawerForManager('commissioning: drawer test');
  return kicked.drawer === 'opened' ? passed(facts) : failed(kicked.error ?? printServiceErrorData('PRINTER_NOT_CONFIGURED'), facts);
}

/** Arabic letters in a scan mean the keyboard layout turned the scanner's keys into letters on the way. */
const ARABIC = /[\u0600-\u06ff]/;

function scanner(_deps: StepDeps, input: StepInput): StepOutcome {
  const scan = input.scan;
  if (!scan || scan.text.trim().length === 0) return failed(commissioningError('COMMISSIONING_NO_SCAN'));
  const facts: Facts = { read: scan.text, length: scan.text.length, arabicLayout: scan.arabicLayout };
  if (ARABIC.test(scan.text) || !/^[\x21-\x7e]+$/.test(scan.text)) return failed(commissioningError('COMMISSIONING_SCAN_NOT_DIGITS'), facts);
  return passed(facts);
}

function customerDisplay({ settings }: StepDeps, input: StepInput): StepOutcome {
  const s = settings();
  const facts: Facts = { customerScreen: s.customerScreen, poleDisplay: s.poleDisplay ? s.poleDisplay.path : null, shown: input.shown ?? false };
  return input.shown ? passed(facts) : failed(commissioningError('COMMISSIONING_DISPLAY_NOT_SEEN'), facts);
}

/** The test purchase the seed asks for before going live: every transaction type, on a real card. */
export const COMMISSIONING_PURCHASE_HALALAS = 100;

/**
 * Status and repeat-last always. Once the admin confirms a real card will be used: a 1.00 SAR purchase that
 * belongs to no sale, reversed at once (never in the day's takings), then repeat-last again and settlement
 * (which closes the terminal's batch).
 */
async function cardTerminal({ payments }: StepDeps, input: StepInput): Promise<StepOutcome> {
  const before = payments.status();
  if (!before.configured) return passed({ configured: false });
  const status = await payments.checkTerminal();
  const facts: Facts = { configured: true, protocol: status.protocol, transport: status.transport, health: status.health, latencyMs: status.latencyMs };
  if (status.health !== 'connected') return failed(commissioningError('COMMISSIONING_TERMINAL_OFFLINE'), { ...facts, detail: status.detail });
  try {
    const last = await payments.repeatLastTransaction();
    facts.lastTransaction = last ? `${last.kind} ${last.state}` : 'none';
  } catch (e) {
    return failed(dataOf(e), { ...facts, detail: detailOf(e) });
  }
  facts.settled = false;
  if (!input.confirmRealCard) return passed(facts);
  try {
    const test = await payments.commissioningPurchase(COMMISSIONING_PURCHASE_HALALAS, input.managerPin);
    facts.testPurchase = test.state;
    facts.testReference = test.reference;
    if (test.state !== 'reversed') {
      return failed(commissioningError(test.state === 'declined' ? 'COMMISSIONING_TEST_DECLINED' : 'COMMISSIONING_TEST_NOT_REVERSED'), facts);
    }
  } catch (e) {
    if (isTillError(e) && (e.code === 'MANAGER_PIN_WRONG' || e.code === 'MANAGER_PIN_LOCKED')) throw e;
    return failed(dataOf(e), { ...facts, detail: detailOf(e) });
  }
  try {
    const settlement = await payments.settleTerminal(input.managerPin);
    return passed({ ...facts, settled: true, inBalance: settlement.inBalance, responseCode: settlement.responseCode });
  } catch (e) {
    if (isTillError(e) && e.code === 'SETTLEMENT_REFUSED') return failed(commissioningError('COMMISSIONING_SETTLEMENT_REFUSED'), { ...facts, detail: e.detail ?? '' });
    if (isTillError(e) && (e.code === 'MANAGER_PIN_WRONG' || e.code === 'MANAGER_PIN_LOCKED')) throw e;
    return failed(dataOf(e), { ...facts, detail: detailOf(e) });
  }
}

const DAY_MS = 86_400_000;

/** Days until a certificate's notAfter (negative: expired), or null when the connection did not show it. */
const daysLeft = (validTo: string | null | undefined, now: Date): number | null => {
  const at = validTo ? Date.parse(validTo) : NaN;
  return Number.isNaN(at) ? null : Math.floor((at - now.getTime()) / DAY_MS);
};

async function providers({ payments, now }: StepDeps): Promise<StepOutcome> {
  const before = payments.status();
  const nexo = before.protocol === 'nexo';
  if (!before.stcPay && !nexo) return passed({ stcPay: false, nexo: false });
  await payments.checkProviders();
  const status = payments.status();
  const known = payments.providerFacts();
  const at = now();
  const facts: Facts = { stcPay: status.stcPay !== null, nexo };
  const checks: Array<{ name: string; health: string; detail: string | null; certs: Array<string | null | undefined> }> = [];
  if (status.stcPay) {
    checks.push({ name: 'stcPay', health: status.stcPay.health, detail: status.stcPay.detail, certs: [known.stcPay?.ownCertificateValidTo, known.stcPay?.serverCertificateValidTo] });
  }
  if (nexo) checks.push({ name: 'nexo', health: status.health, detail: status.detail, certs: [known.card?.ownCertificateValidTo, known.card?.serverCertificateValidTo] });
  let problem: ErrorData | null = null;
  for (const c of checks) {
    facts[`${c.name}Health`] = c.health;
    const days = c.certs.map((v) => daysLeft(v, at)).filter((d): d is number => d !== null);
    if (days.length > 0) facts[`${c.name}CertificateDays`] = Math.min(...days);
    if (c.health !== 'connected') {
      facts[`${c.name}Detail`] = c.detail;
      // A handshake refused for an expired certificate is the certificate's fault, not the network's.
      problem ??= commissioningError(/expired/i.test(c.detail ?? '') ? 'COMMISSIONING_CERTIFICATE_EXPIRED' : 'COMMISSIONING_PROVIDER_UNREACHABLE');
    } else if (days.some((d) => d < 0)) {
      problem ??= commissioningError('COMMISSIONING_CERTIFICATE_EXPIRED');
    }
  }
  return problem ? failed(problem, facts) : passed(facts);
}

export async function runStep(step: CommissioningStepName, deps: StepDeps, input: StepInput): Promise<StepOutcome> {
  switch (step) {
    case 'identity':
      return identity(deps);
    case 'printer':
      return printer(deps);
    case 'drawer':
      return drawer(deps);
    case 'scanner':
      return scanner(deps, input);
    case 'customerDisplay':
      return customerDisplay(deps, input);
    case 'cardTerminal':
      return cardTerminal(deps, input);
    case 'providers':
      return providers(deps);
  }
}
