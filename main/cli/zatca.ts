// `nuqta zatca status | onboard | documents | xml`: e-invoicing from the admin's shell. `onboard` takes the OTP
// from the FATOORA portal (--otp, or standard input so it stays off the process list) and the environment, and
// writes the unit only when every step passed. `xml` prints a document's stored bytes exactly as signed.
import { version as packageVersion } from '../../package.json';
import { ledgerFile } from '../app';
import { openDatabase, type Db } from '../db';
import { createEinvoicing, createPlatformClient, platformBaseUrl, type Einvoicing, type QueuedDocument, type ReportState } from '../einvoicing';
import { createJournal } from '../ledger';
import { createFileSecretStore } from '../secrets';
import { openSettings } from '../settings';
import { EXIT, type Output } from './io';

export const ZATCA_USAGE = [
  'Usage: nuqta zatca status                                   the unit, its certificate, the reporting queue',
  '       nuqta zatca onboard --env sandbox|simulation|production [--otp OTP]',
  '                                                            onboard this till with FATOORA (OTP from the portal;',
  '                                                            without --otp it is read from standard input)',
  '       nuqta zatca documents [--state waiting|reported|warned|rejected]',
  '                                                            the latest documents with their state and ZATCA\'s messages',
  '       nuqta zatca xml RECEIPT_NO                           the signed document, byte for byte as stored',
];

const STATES: readonly ReportState[] = ['waiting', 'reported', 'warned', 'rejected'];
const ENVIRONMENTS = ['sandbox', 'simulation', 'production'] as const;
type Environment = (typeof ENVIRONMENTS)[number];

function withEinvoicing<T>(dataDir: string, readonly: boolean, fn: (e: Einvoicing, db: Db) => Promise<T> | T): Promise<T> {
  const db = openDatabase(ledgerFile(dataDir), readonly ? { readonly: true } : {});
  const settings = openSettings(db);
  const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
  const einvoicing = createEinvoicing({
    db,
    journal: createJournal(db, settings.get().tillId),
    secrets: createFileSecretStore({ dataDir }),
    settings: settings.get,
    platform: async (environment) => (environment === 'simulator' ? null : { environment, client: createPlatformClient({ baseUrl: platformBaseUrl(environment) }) }),
    appVersion: packageVersion,
    log: quiet,
  });
  return Promise.resolve(fn(einvoicing, db)).finally(() => db.close());
}

const line = (d: QueuedDocument) =>
  `${d.number}  ICV ${d.icv}  ${d.kind}  issued ${d.issuedAt}  ${d.state}${d.attempts > 0 ? ` (tries ${d.attempts})` : ''}` +
  (d.lastError ? `  last: ${d.lastError}` : '') +
  d.messages.map((m) => `\n    ${m.code} ${m.category}: ${m.message}`).join('');

export async function zatcaCommand(dataDir: string, args: string[], options: { otp?: string; env?: string; state?: string; stdin?: () => string }, io: Output): Promise<number> {
  const [sub, arg] = args;
  if (sub === 'status') {
    return withEinvoicing(dataDir, true, (e) => {
      const unit = e.unit();
      const status = e.status();
      io.out(unit ? `Unit ${unit.egsId} (${unit.environment}), certificate valid until ${unit.notAfter ?? '?'} (${unit.daysToExpiry ?? '?'} days)` : 'Not onboarded. / غير مربوط بمنصة فاتورة.');
      io.out(`Waiting ${status.waiting}, reported ${status.reported}, with warnings ${status.warned}, rejected ${status.rejected}.`);
      if (status.oldestWaitingAt) io.out(`Oldest waiting since ${status.oldestWaitingAt} (${status.oldestWaitingMinutes} min): ${status.urgency}.`);
      return status.urgency === 'overdue' || status.rejected > 0 ? EXIT.rejected : EXIT.ok;
    });
  }
  if (sub === 'documents') {
    if (options.state !== undefined && !STATES.includes(options.state as ReportState)) {
      io.err(`--state must be one of ${STATES.join(', ')}`);
      return EXIT.usage;
    }
    return withEinvoicing(dataDir, true, (e) => {
      const docs = e.documents(50, 0, options.state as ReportState | undefined);
      for (const d of docs) io.out(line(d));
      if (docs.length === 0) io.out('No documents. / لا توجد مستندات.');
      return EXIT.ok;
    });
  }
  if (sub === 'xml' && arg) {
    return withEinvoicing(dataDir, true, (e) => {
      const xml = e.xmlFor(arg);
      if (!xml) {
        io.err(`No e-invoice for receipt ${arg}. / لا توجد فاتورة إلكترونية لهذا الإيصال.`);
        return EXIT.failure;
      }
      io.out(xml.toString('utf8'));
      return EXIT.ok;
    });
  }
  if (sub === 'onboard') {
    if (!ENVIRONMENTS.includes(options.env as Environment)) {
      io.err(`--env must be one of ${ENVIRONMENTS.join(', ')} (the demo onboards itself with the simulator).`);
      return EXIT.usage;
    }
    const otp = (options.otp ?? options.stdin?.() ?? '').trim();
    return withEinvoicing(dataDir, false, async (e) => {
      const result = await e.onboard(otp, options.env as Environment);
      if (!result.ok) {
        io.err(`Onboarding stopped at ${result.step}: ${result.code} ${result.detail}`);
        for (const m of result.messages) io.err(`  ${m.code}: ${m.message}`);
        io.err('Nothing was kept; fix the cause and run it again with a new OTP. / لم يُحفظ شيء؛ أعد المحاولة برمز جديد.');
        return EXIT.rejected;
      }
      io.out(`Onboarded: unit ${result.egsId} (${result.environment}), certificate valid until ${result.notAfter}. Checks: ${result.checks.join('; ')}.`);
      io.out('تم الربط بمنصة فاتورة.');
      return EXIT.ok;
    });
  }
  io.err(ZATCA_USAGE.join('\n'));
  return EXIT.usage;
}
