// Certificates the till depends on: its STC Pay client certificate and STC Pay's server certificate (as the
// last good connection showed them), and the CA files the settings name. Warned at 30 and 7 days; expired is
// a problem (the provider refuses the till, or the till refuses the provider).
import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import type { TillSettings } from '../settings';
import { check, text, type CertificateFile, type ConnectionFacts, type HealthCheck } from './types';

const DAY_MS = 86_400_000;

/** The CA files the settings name: a provider the till trusts through them is lost when they expire. */
export function certificateFilesOf(s: TillSettings): CertificateFile[] {
  const files: CertificateFile[] = [];
  if (s.stcPay?.link.kind === 'endpoint' && s.stcPay.link.caFile) {
    files.push({ label: text("STC Pay's CA file", 'ملف جهة إصدار شهادة STC Pay'), file: s.stcPay.link.caFile });
  }
  if (s.terminal?.protocol === 'nexo' && s.terminal.link.kind === 'endpoint' && s.terminal.link.caFile) {
    files.push({ label: text("the nexo provider's CA file", 'ملف جهة إصدار شهادة مزوّد nexo'), file: s.terminal.link.caFile });
  }
  return files;
}
export const WARN_DAYS = [30, 7] as const;

interface Expiry {
  label: { en: string; ar: string };
  validTo: Date | null;
  /** Why the expiry could not be read. */
  unreadable?: string;
}

const parsed = new Map<string, { mtimeMs: number; validTo: Date }>();

/** A PEM file's first certificate's expiry; cached by modification time (the page asks every minute). */
function fileExpiry(file: string): Date | string {
  try {
    const { mtimeMs } = fs.statSync(file);
    const cached = parsed.get(file);
    if (cached && cached.mtimeMs === mtimeMs) return cached.validTo;
    const validTo = new Date(new X509Certificate(fs.readFileSync(file)).validTo);
    parsed.set(file, { mtimeMs, validTo });
    return validTo;
  } catch (e) {
    return (e as Error).message;
  }
}

const opensslDate = (value: string | null): Date | null => {
  if (!value) return null;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? null : at;
};

export function certificatesCheck(stcPay: ConnectionFacts | null, files: CertificateFile[], now: Date): HealthCheck {
  const expiries: Expiry[] = [];
  if (stcPay) {
    expiries.push({ label: text("this till's STC Pay certificate", 'شهادة STC Pay لهذه النقطة'), validTo: opensslDate(stcPay.ownCertificateValidTo) });
    expiries.push({ label: text("STC Pay's server certificate", 'شهادة خادم STC Pay'), validTo: opensslDate(stcPay.serverCertificateValidTo) });
  }
  for (const f of files) {
    const read = fileExpiry(f.file);
    expiries.push(typeof read === 'string' ? { label: f.label, validTo: null, unreadable: read } : { label: f.label, validTo: read });
  }
  const known = expiries.filter((e): e is Expiry & { validTo: Date } => e.validTo !== null);
  const facts = Object.fromEntries(known.map((e) => [e.label.en, e.validTo.toISOString()]));
  const unreadable = expiries.find((e) => e.unreadable);
  if (unreadable) {
    return check(
      'certificates',
      'problem',
      text(`Cannot read ${unreadable.label.en}: ${unreadable.unreadable}`, `تعذّرت قراءة ${unreadable.label.ar}`),
      text('Put the right file back, or fix its path in the settings.', 'أعد الملف الصحيح أو صحّح مساره في الإعدادات.'),
      facts,
    );
  }
  if (known.length === 0) return check('certificates', 'off', text('No certificates to watch yet', 'لا توجد شهادات للمتابعة بعد'));
  const soonest = known.reduce((a, b) => (b.validTo < a.validTo ? b : a));
  const days = Math.floor((soonest.validTo.getTime() - now.getTime()) / DAY_MS);
  const withDays = { ...facts, soonest: soonest.label.en, daysLeft: days };
  if (days < 0) {
    return check(
      'certificates',
      'problem',
      text(`${soonest.label.en} expired on ${soonest.validTo.toISOString().slice(0, 10)}`, `انتهت ${soonest.label.ar}`),
      text('Get a new certificate from the provider and install it (nuqta secret set).', 'احصل على شهادة جديدة من المزوّد وثبّتها (nuqta secret set).'),
      withDays,
    );
  }
  if (days <= WARN_DAYS[0]) {
    return check(
      'certificates',
      'warning',
      text(`${soonest.label.en} expires in ${days} day(s)`, `تنتهي ${soonest.label.ar} خلال ${days} يوم`),
      text(
        days <= WARN_DAYS[1] ? 'Renew it now: the provider refuses the till when it expires.' : 'Ask the provider for a new certificate before it expires.',
        days <= WARN_DAYS[1] ? 'جدّدها الآن: يرفض المزوّد النقطة عند انتهائها.' : 'اطلب شهادة جديدة من المزوّد قبل انتهائها.',
      ),
      withDays,
    );
  }
  return check('certificates', 'ok', text(`Certificates valid (soonest in ${days} days)`, `الشهادات صالحة (أقربها بعد ${days} يومًا)`), null, withDays);
}
