// `nuqta zatca status | onboard | renew | documents | xml | export | hash | validate`: e-invoicing from the admin's
// shell (the last three: zatca-files.ts). `onboard` and
// `renew` take the OTP from the FATOORA portal (--otp, or standard input so it stays off the process list);
// `onboard` writes the unit, `renew` its new certificate, only when every step passed. `xml` prints a document's
// stored bytes exactly as signed.
import fs from 'node:fs';
import path from 'node:path';
import { version as packageVersion } from '../../package.json';
import { ledgerFile } from '../app';
import { openDatabase, type Db } from '../db';
import {
  createEinvoicing,
  createPlatformClient,
  platformBaseUrl,
  type Einvoicing,
  type PlatformAccess,
  type QueuedDocument,
  type ReportState,
  type UnitEnvironment,
  type UnitSummary,
} from '../einvoicing';
import { createJournal } from '../ledger';
import { createFileSecretStore, SAFE_STORAGE_FILE_NAME } from '../secrets';
import { STANDARD_NOT_COVERED, standardNotCovered } from '../health';
import { openSettings, type TillSettings } from '../settings';
import { EXIT, type Output } from './io';
import { zatcaExport, zatcaHash, zatcaValidate } from './zatca-files';

export const ZATCA_USAGE = [
  'Usage: nuqta zatca status                                   the unit, its certificate, the reporting queue',
  '       nuqta zatca onboard --env sandbox|simulation|production [--otp OTP]',
  '                                                            onboard this till with FATOORA (OTP from the portal;',
  '                                                            without --otp it is read from standard input)',
  '       nuqta zatca renew [--otp OTP]                        renew the unit\'s certificate (CSID) before it expires:',
  '                                                            a new key, the same unit and chain (OTP as for onboard)',
  '       nuqta zatca documents [--state waiting|reported|warned|rejected]',
  '                                                            the latest documents with their state and ZATCA\'s messages',
  '       nuqta zatca xml RECEIPT_NO                           the signed document, byte for byte as stored',
  '       nuqta zatca export DIR [--from YYYY-MM-DD] [--to YYYY-MM-DD]',
  '                                                            every stored document, byte for byte, as ICV-UUID.xml',
  '       nuqta zatca hash FILE                                a document\'s invoice hash (C14N 1.1, SHA-256, Base64)',
  '       nuqta zatca validate FILE [FILE…]                    schema, hash, signature, QR against the XML; the PIH chain',
];

/** What a unit's document types (its certificate's title) let it sign, in both languages. */
const DOCUMENT_TYPES: Readonly<Record<UnitSummary['invoiceTypes'], string>> = {
  '0100': 'simplified invoices only / فواتير مبسطة فقط',
  '1100': 'standard (B2B) and simplified invoices / فواتير ضريبية ومبسطة',
};

const STATES: readonly ReportState[] = ['waiting', 'reported', 'warned', 'rejected'];
const ENVIRONMENTS = ['sandbox', 'simulation', 'production'] as const;
type Environment = (typeof ENVIRONMENTS)[number];

/** The built-in platform simulator (entry/cli.ts starts one on demand): the platform of a demo unit. */
export interface CliPlatformSimulator {
  baseUrl: string;
  caPem: string;
  otp: string;
  adopt: NonNullable<PlatformAccess['simulator']>['adopt'];
  close(): Promise<void>;
}

export interface ZatcaOptions {
  otp?: string;
  env?: string;
  state?: string;
  /** export: the documents' issue dates, inclusive. */
  from?: string;
  to?: string;
  stdin?: () => string;
  /** Starts the platform simulator for a demo (simulator) unit; without it such a unit has no platform here. */
  simulator?: () => Promise<CliPlatformSimulator>;
}

function withEinvoicing<T>(dataDir: string, readonly: boolean, fn: (e: Einvoicing, db: Db, settings: TillSettings) => Promise<T> | T, simulator?: ZatcaOptions['simulator']): Promise<T> {
  const db = openDatabase(ledgerFile(dataDir), readonly ? { readonly: true } : {});
  const settings = openSettings(db);
  const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
  let started: CliPlatformSimulator | null = null;
  const platform = async (environment: UnitEnvironment): Promise<PlatformAccess | null> => {
    if (environment !== 'simulator') return { environment, client: createPlatformClient({ baseUrl: platformBaseUrl(environment) }) };
    if (!simulator) return null;
    started ??= await simulator();
    return { environment, client: createPlatformClient({ baseUrl: started.baseUrl, ca: started.caPem }), simulator: { otp: started.otp, adopt: started.adopt } };
  };
  const einvoicing = createEinvoicing({
    db,
    journal: createJournal(db, settings.get().tillId),
    secrets: createFileSecretStore({ dataDir }),
    settings: settings.get,
    platform,
    appVersion: packageVersion,
    log: quiet,
  });
  return Promise.resolve(fn(einvoicing, db, settings.get())).finally(async () => {
    db.close();
    await started?.close();
  });
}

const line = (d: QueuedDocument) =>
  `${d.number}  ICV ${d.icv}  ${d.kind}  issued ${d.issuedAt}  ${d.state}${d.attempts > 0 ? ` (tries ${d.attempts})` : ''}` +
  (d.lastError ? `  last: ${d.lastError}` : '') +
  d.messages.map((m) => `\n    ${m.code} ${m.category}: ${m.message}`).join('');

export async function zatcaCommand(dataDir: string, args: string[], options: ZatcaOptions, io: Output): Promise<number> {
  const [sub, arg] = args;
  if (sub === 'hash') return zatcaHash(arg, io);
  if (sub === 'validate') return zatcaValidate(args.slice(1), io);
  if (sub === 'export') {
    const db = openDatabase(ledgerFile(dataDir), { readonly: true });
    try {
      return zatcaExport(db, arg, { ...(options.from !== undefined ? { from: options.from } : {}), ...(options.to !== undefined ? { to: options.to } : {}) }, io);
    } finally {
      db.close();
    }
  }
  if (sub === 'status') {
    return withEinvoicing(dataDir, true, (e, _db, settings) => {
      const unit = e.unit();
      const status = e.status();
      io.out(unit ? `Unit ${unit.egsId} (${unit.environment}), certificate valid until ${unit.notAfter ?? '?'} (${unit.daysToExpiry ?? '?'} days)` : 'Not onboarded. / غير مربوط بمنصة فاتورة.');
      if (unit) io.out(`Document types ${unit.invoiceTypes}: ${DOCUMENT_TYPES[unit.invoiceTypes]}`);
      if (unit && standardNotCovered({ standardInvoices: settings.einvoicing?.standardInvoices ?? false, invoiceTypes: unit.invoiceTypes })) {
        io.out(`${STANDARD_NOT_COVERED.summary.en}. ${STANDARD_NOT_COVERED.action.en}`);
        io.out(`${STANDARD_NOT_COVERED.summary.ar}. ${STANDARD_NOT_COVERED.action.ar}`);
      }
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
  if (sub === 'renew' && arg === undefined) {
    if (options.env !== undefined || options.state !== undefined) {
      io.err('nuqta zatca renew takes only --otp: the unit and its environment are the onboarded ones. / يأخذ هذا الأمر --otp فقط.');
      return EXIT.usage;
    }
    const otp = (options.otp ?? options.stdin?.() ?? '').trim();
    return withEinvoicing(
      dataDir,
      false,
      async (e) => {
        const result = await e.renew({ otp });
        if (!result.ok) {
          io.err(result.message.en);
          io.err(result.message.ar);
          io.err(`(${result.code} at ${result.step}${result.detail ? `: ${result.detail}` : ''})`);
          for (const m of result.messages) io.err(`  ${m.code}: ${m.message}`);
          if (result.code === 'RENEW_CREDENTIALS_MISSING' && fs.existsSync(path.join(dataDir, SAFE_STORAGE_FILE_NAME))) {
            io.err('This till runs as the Electron app, which keeps the unit\'s credentials sealed with the system keychain: this command cannot open them.');
            io.err('نقطة البيع هذه تعمل بتطبيق Electron الذي يختم بيانات اعتماد الوحدة بسلسلة مفاتيح النظام، ولا يستطيع هذا الأمر فتحها.');
          }
          return EXIT.rejected;
        }
        io.out(`Renewed: unit ${result.egsId} (${result.environment}), new certificate valid until ${result.notAfter} (the old one: ${result.previousNotAfter ?? '?'}).`);
        io.out('The unit and its invoice chain go on; documents still waiting are reported with the new certificate.');
        io.out('تم تجديد شهادة الفوترة. الوحدة وتسلسل فواتيرها مستمران، وتُرسل الفواتير المنتظرة بالشهادة الجديدة.');
        return EXIT.ok;
      },
      options.simulator,
    );
  }
  io.err(ZATCA_USAGE.join('\n'));
  return EXIT.usage;
}
