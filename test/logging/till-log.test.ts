// The till's log file: repeated failures once a minute with a count, stacks once per code and minute, no secret,
// PIN or card number, rotated at its size cap, and a log that cannot be written never stops the till.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTillLog, LOG_DIR, LOG_FILE, maskCardsAndPins } from '../../main/logging';
import { redact, rememberSecret } from '../../main/secrets';
import { tempDir } from '../support/tmp';

let tmp: ReturnType<typeof tempDir>;
afterEach(() => tmp.cleanup());

const lines = (dir: string) =>
  fs
    .readFileSync(path.join(dir, LOG_DIR, LOG_FILE), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { level: number; msg: string; repeated?: number; detail?: { stack?: string; code?: string; error?: string } });

const diskFull = () => Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });

describe('the till log', () => {
  it('writes a repeated failure once, then once per minute with how many times it happened', async () => {
    tmp = tempDir();
    let clock = 0;
    const log = createTillLog({ dataDir: tmp.dir, redact, stderr: false, now: () => clock });
    for (let i = 0; i < 5000; i += 1) log.warn('print worker stopped', diskFull());
    clock = 61_000;
    log.warn('print worker stopped', diskFull());
    log.warn('print worker stopped', diskFull());
    await log.close();
    const written = lines(tmp.dir);
    expect(written.map((l) => [l.msg.replace(/ \(.*$/, ''), l.repeated ?? 0])).toEqual([
      ['print worker stopped', 0],
      ['print worker stopped', 4999],
      ['print worker stopped', 1],
    ]);
  });

  it('writes a stack once per error code and minute', async () => {
    tmp = tempDir();
    let clock = 0;
    const log = createTillLog({ dataDir: tmp.dir, redact, stderr: false, now: () => clock });
    log.error('scanBarcode: the disk is full', diskFull());
    log.error('tenderCash: the disk is full', diskFull());
    clock = 60_001;
    log.error('payCard: the disk is full', diskFull());
    await log.close();
    expect(lines(tmp.dir).map((l) => Boolean(l.detail?.stack))).toEqual([true, false, true]);
    expect(lines(tmp.dir).every((l) => l.detail?.code === 'SQLITE_FULL')).toBe(true);
  });

  it('never writes a secret, a PIN or a full card number', async () => {
    tmp = tempDir();
    rememberSecret('sk_live_very_secret_value_123');
    const log = createTillLog({ dataDir: tmp.dir, redact, stderr: false });
    log.error('provider said no to key sk_live_very_secret_value_123 for card 4111111111111111', { managerPin: '5824', pin: '1234' });
    log.warn('till secret', 'ws subprotocol nuqta.0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef');
    await log.close();
    const text = fs.readFileSync(path.join(tmp.dir, LOG_DIR, LOG_FILE), 'utf8');
    expect(text).not.toContain('sk_live_very_secret_value_123');
    expect(text).not.toContain('4111111111111111');
    expect(text).toContain('411111******1111');
    expect(text).not.toMatch(/5824|"1234"/);
    expect(text).not.toContain('0123456789abcdef0123456789abcdef');
    expect(maskCardsAndPins('pin=9876 and "otp": "123456"')).toBe('pin=*** and "otp": "***"');
  });

  it('rotates at its size cap and keeps a bounded number of files', async () => {
    tmp = tempDir();
    const log = createTillLog({ dataDir: tmp.dir, redact, stderr: false, maxFileBytes: 10 * 1024, maxFiles: 2, repeatWindowMs: 0 });
    for (let i = 0; i < 2000; i += 1) log.info(`line ${i} ${'x'.repeat(100)}`);
    await log.close();
    const files = fs.readdirSync(path.join(tmp.dir, LOG_DIR));
    const total = files.reduce((sum, f) => sum + fs.statSync(path.join(tmp.dir, LOG_DIR, f)).size, 0);
    expect(files.length).toBeLessThanOrEqual(3);
    expect(total).toBeLessThan(40 * 1024);
  });

  it('a log folder that cannot be written does not throw', async () => {
    tmp = tempDir();
    fs.writeFileSync(path.join(tmp.dir, LOG_DIR), 'a file where the folder should be');
    const log = createTillLog({ dataDir: tmp.dir, redact, stderr: false });
    expect(() => log.error('still running', new Error('x'))).not.toThrow();
    await log.close();
  });
});
