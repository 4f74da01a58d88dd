// Each health check from the facts it reads: real certificates (openssl), the real free space of a folder,
// the providers' status objects as payments makes them.
import { spawnSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { TerminalStatus } from '../../preload/contract';
import { backupCheck, certificatesCheck, clockCheck, diskCheck, freeBytes } from '../../main/health';
import { tempDir } from '../support/tmp';

const tmp = tempDir('nuqta-health-', { verifyLedger: false });
afterAll(() => tmp.cleanup());
const NOW = new Date('2026-12-04T12:00:00Z');

/** A self-signed certificate (openssl) and its real notAfter: the checks are then read at chosen days before it. */
function certificate(name: string): { file: string; validTo: Date } {
  const file = path.join(tmp.dir, `${name}.pem`);
  const r = spawnSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', path.join(tmp.dir, `${name}.key`), '-out', file, '-subj', `/CN=${name}`, '-days', '400'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return { file, validTo: new Date(new X509Certificate(fs.readFileSync(file)).validTo) };
}

const label = { en: 'the CA file', ar: 'ملف الجهة' };
/** The moment `n` days (and an hour) before the certificate expires. */
const before = (validTo: Date, n: number) => new Date(validTo.getTime() - n * 86_400_000 - 3_600_000);

describe('certificates', () => {
  it('ok far from expiry; a warning at 30 and at 7 days with what to do; a problem once expired', () => {
    const { file, validTo } = certificate('ca');
    const files = [{ label, file }];
    expect(certificatesCheck(null, files, before(validTo, 200))).toMatchObject({ state: 'ok', facts: { daysLeft: 200 } });
    const month = certificatesCheck(null, files, before(validTo, 30));
    expect(month).toMatchObject({ state: 'warning', facts: { daysLeft: 30 }, summary: { en: 'the CA file expires in 30 day(s)' } });
    expect(month.action?.en).toMatch(/Ask the provider/);
    const week = certificatesCheck(null, files, before(validTo, 7));
    expect(week).toMatchObject({ state: 'warning', facts: { daysLeft: 7 } });
    expect(week.action?.en).toMatch(/Renew it now/);
    expect(certificatesCheck(null, files, before(validTo, -2))).toMatchObject({ state: 'problem', summary: { en: expect.stringMatching(/expired on/) } });
    expect(certificatesCheck(null, files, before(validTo, 31)).state).toBe('ok');
  });

  it("the soonest of STC Pay's own certificates, as the last connection showed them, and an unreadable file is a problem", () => {
    const facts = { ownCertificateValidTo: 'Dec 20 12:00:00 2026 GMT', serverCertificateValidTo: 'Dec  4 12:00:00 2030 GMT', serverDate: null };
    expect(certificatesCheck(facts, [], NOW)).toMatchObject({ state: 'warning', facts: { soonest: "this till's STC Pay certificate", daysLeft: 16 } });
    const missing = certificatesCheck(facts, [{ label, file: path.join(tmp.dir, 'nope.pem') }], NOW);
    expect(missing).toMatchObject({ state: 'problem', summary: { en: expect.stringMatching(/^Cannot read the CA file/) } });
    expect(certificatesCheck(null, [], NOW).state).toBe('off');
  });
});

describe('disk, backups, clock', () => {
  it('free space: the real figure of the folder; warning under 1 GB, problem under 100 MB', () => {
    const real = diskCheck(tmp.dir);
    expect(real.facts.freeMB).toBe(Math.floor(freeBytes(tmp.dir) / 1024 ** 2));
    expect(diskCheck(tmp.dir, () => 5 * 1024 ** 3)).toMatchObject({ state: 'ok', summary: { en: '5.0 GB free' } });
    expect(diskCheck(tmp.dir, () => 600 * 1024 ** 2)).toMatchObject({ state: 'warning', summary: { en: '600 MB free' } });
    expect(diskCheck(tmp.dir, () => 50 * 1024 ** 2)).toMatchObject({ state: 'problem', summary: { en: 'Only 50 MB free' } });
    expect(diskCheck(path.join(tmp.dir, 'missing')).state).toBe('warning');
  });

  it('backups: no folder, none yet, older than a day are warnings with what to do', () => {
    expect(backupCheck(null, null, NOW)).toMatchObject({ state: 'warning', action: { en: expect.stringMatching(/backups\.folder/) } });
    expect(backupCheck('/mnt/usb', null, NOW)).toMatchObject({ state: 'warning', summary: { en: 'No verified backup yet' } });
    expect(backupCheck('/mnt/usb', { at: '2026-12-03T11:00:00Z', file: 'x.db' }, NOW)).toMatchObject({ state: 'warning', summary: { en: 'Last verified backup 25 hours ago' } });
    expect(backupCheck('/mnt/usb', { at: '2026-12-04T02:00:00Z', file: 'x.db' }, NOW)).toMatchObject({ state: 'ok' });
  });

  it("clock: more than 2 minutes from the provider's Date header is a warning, either way", () => {
    const at = '2026-12-04T12:00:00.000Z';
    expect(clockCheck('Fri, 04 Dec 2026 11:59:01 GMT', at)).toMatchObject({ state: 'ok', facts: { skewSeconds: 59 } });
    expect(clockCheck('Fri, 04 Dec 2026 11:57:00 GMT', at)).toMatchObject({ state: 'warning', summary: { en: "The till's clock is 3 minutes ahead" } });
    expect(clockCheck('Fri, 04 Dec 2026 12:05:00 GMT', at)).toMatchObject({ state: 'warning', summary: { en: "The till's clock is 5 minutes behind" } });
    expect(clockCheck(null, at).state).toBe('off');
  });
});

// The status objects are typed from the contract, so a renamed field fails the build here too.
export type { TerminalStatus };
