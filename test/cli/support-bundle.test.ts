// `nuqta support-bundle` as an admin runs it beside a till that sold by card and STC Pay with a real secret
// sealed: the archive holds settings, logs, verify and health, and none of the secrets, PINs or card numbers.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureMainBuilt } from '../support/build';
import { nuqta, nuqtaWithInput } from '../support/cli';
import { DEMO, startTestTill } from '../support/till';
import { tempDir } from '../support/tmp';

const tmp = tempDir('nuqta-support-');
const out = tempDir('nuqta-support-out-', { verifyLedger: false });
const SECRET = 'nexo-api-key-5Zq9XhR2mL';
beforeAll(async () => {
  ensureMainBuilt();
  expect(nuqtaWithInput(SECRET, 'secret', 'set', 'nexo.apiKey', '--data-dir', tmp.dir).status).toBe(0);
  const t = await startTestTill(tmp.dir);
  const sale = await t.call('scanBarcode', { barcode: DEMO.coffee.barcode });
  await t.call('payCard', { amountHalalas: sale.dueHalalas });
  // A wrong PIN, journaled and logged as an attempt: the PIN itself must never appear.
  await t.attempt('settleTerminal', { managerPin: '9876' });
  await t.till.close();
}, 120_000);
afterAll(() => {
  tmp.cleanup();
  out.cleanup();
});

describe('nuqta support-bundle', () => {
  it('writes one 0600 archive with settings, logs, verify, health and versions, and no secret', () => {
    const file = path.join(out.dir, 'bundle.tar.gz');
    const run = nuqta('support-bundle', file, '--data-dir', tmp.dir);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(file);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    const unpacked = path.join(out.dir, 'unpacked');
    fs.mkdirSync(unpacked);
    expect(spawnSync('tar', ['-xzf', file, '-C', unpacked]).status).toBe(0);
    const names = fs.readdirSync(unpacked).sort();
    expect(names).toEqual(['health.json', 'logs', 'settings.json', 'verify.json', 'versions.json']);
    expect(JSON.parse(fs.readFileSync(path.join(unpacked, 'verify.json'), 'utf8'))).toMatchObject({ ok: true });
    expect(JSON.parse(fs.readFileSync(path.join(unpacked, 'settings.json'), 'utf8'))).toMatchObject({ tillId: 'T01' });
    const health = JSON.parse(fs.readFileSync(path.join(unpacked, 'health.json'), 'utf8')) as { checks: Array<{ id: string }> };
    expect(health.checks.map((c) => c.id)).toEqual(['disk', 'backup', 'certificates']);
    expect(fs.readdirSync(path.join(unpacked, 'logs')).length).toBeGreaterThan(0);

    const everything = [...names.filter((n) => n !== 'logs').map((n) => path.join(unpacked, n)), ...fs.readdirSync(path.join(unpacked, 'logs')).map((n) => path.join(unpacked, 'logs', n))]
      .map((f) => fs.readFileSync(f, 'utf8'))
      .join('\n');
    expect(everything).not.toContain(SECRET);
    expect(everything).not.toContain('9876');
    expect(everything).not.toMatch(/managerPin|"salt"/);
    expect(everything).not.toMatch(/\b\d{16}\b/);
  });

  it('says so when there is no till data', () => {
    const empty = tempDir('nuqta-support-empty-', { verifyLedger: false });
    try {
      expect(nuqta('support-bundle', path.join(out.dir, 'x.tar.gz'), '--data-dir', empty.dir)).toMatchObject({ status: 1, stderr: expect.stringContaining('No till data') });
    } finally {
      empty.cleanup();
    }
  });
});
