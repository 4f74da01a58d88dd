// `nuqta support-bundle [FILE]`: what support needs to see, in one archive an admin can send: the settings
// (never a secret), the recent logs, the ledger's verify result, the health that can be read without the
// running till (disk, backups, certificate files) and the versions. Every text passes redact() and the card and
// PIN masks once more on the logs; the archive is for the till's own OS user (0600). It reads only: safe beside a running till.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { create as createTar } from 'tar';
import { ledgerFile, LEDGER_PROJECTIONS } from '../app';
import { checkLedgerFile, readLastBackup } from '../backup';
import { openDatabase, schemaVersion } from '../db';
import { backupCheck, certificateFilesOf, certificatesCheck, diskCheck } from '../health';
import { LOG_DIR, maskCardsAndPins } from '../logging';
import { redact } from '../secrets';
import { exportable, openSettings, type TillSettings } from '../settings';
import { EXIT, type Output } from './io';

/** The newest log files, up to this much in all: enough for the last days, small enough to e-mail. */
const LOG_BUDGET_BYTES = 20 * 1024 * 1024;

/** Logs get the card and PIN masks again; JSON gets redact() only (the masks would turn `"pin": 2`, the drawer's, into broken JSON). */
const cleanLog = (text: string): string => maskCardsAndPins(redact(text));

function readSettings(dataDir: string): TillSettings | null {
  const db = openDatabase(ledgerFile(dataDir), { readonly: true });
  try {
    return openSettings(db).get();
  } finally {
    db.close();
  }
}

function newestLogs(dataDir: string): string[] {
  const dir = path.join(dataDir, LOG_DIR);
  if (!fs.existsSync(dir)) return [];
  const files = fs
    .readdirSync(dir)
    .map((name) => ({ name, stat: fs.statSync(path.join(dir, name)) }))
    .filter((f) => f.stat.isFile())
    .sort((a, b) => b.stat.mtimeMs - a.stat.mtimeMs);
  const chosen: string[] = [];
  let total = 0;
  for (const f of files) {
    if (total + f.stat.size > LOG_BUDGET_BYTES && chosen.length > 0) break;
    chosen.push(f.name);
    total += f.stat.size;
  }
  return chosen;
}

export async function supportBundle(dataDir: string, target: string | undefined, io: Output, now = new Date()): Promise<number> {
  if (!fs.existsSync(ledgerFile(dataDir))) {
    io.err(`No till data in ${dataDir}. / لا توجد بيانات نقطة بيع في هذا المجلد.`);
    return EXIT.failure;
  }
  const settings = readSettings(dataDir);
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const file = path.resolve(target ?? `nuqta-support-${settings?.tillId ?? 'till'}-${stamp}.tar.gz`);
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'nuqta-support-'));
  try {
    const put = (name: string, text: string) => fs.writeFileSync(path.join(staging, name), name.endsWith('.json') ? redact(text) : cleanLog(text), { mode: 0o600 });
    const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

    if (settings) put('settings.json', json(exportable(settings)));
    const report = checkLedgerFile(ledgerFile(dataDir), LEDGER_PROJECTIONS);
    put('verify.json', json(report));
    put(
      'health.json',
      json({
        note: 'Read without the running till: devices and providers are on its health page.',
        checks: [
          diskCheck(dataDir),
          backupCheck(settings?.backups.folder ?? null, readLastBackup(dataDir), now),
          certificatesCheck(null, settings ? certificateFilesOf(settings) : [], now),
        ],
      }),
    );
    const db = openDatabase(ledgerFile(dataDir), { readonly: true });
    let schema: number;
    try {
      schema = schemaVersion(db);
    } finally {
      db.close();
    }
    put('versions.json', json({ app: process.env.npm_package_version ?? null, node: process.version, platform: `${process.platform} ${os.release()} ${process.arch}`, schema, madeAt: now.toISOString() }));
    const logs = newestLogs(dataDir);
    if (logs.length > 0) {
      fs.mkdirSync(path.join(staging, 'logs'));
      for (const name of logs) put(path.join('logs', name), fs.readFileSync(path.join(dataDir, LOG_DIR, name), 'utf8'));
    }

    const entries = fs.readdirSync(staging);
    await createTar({ gzip: true, file, cwd: staging, portable: true }, entries);
    fs.chmodSync(file, 0o600);
    io.out(`Support bundle written to ${file} (${entries.join(', ')}). / حُفظت حزمة الدعم.`);
    io.out('It holds no secrets, PINs or card numbers; check it before you send it. / لا تحتوي على أسرار أو أرقام سرية أو أرقام بطاقات.');
    return EXIT.ok;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}
