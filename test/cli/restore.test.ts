// `nuqta restore FILE` as an admin runs it (the built CLI in a child process, real files, a real till): the
// backup verified first, the receipt-number high-water mark outside the database respected, the replaced
// ledger kept, and a till that sells after an accepted restore numbering on above every receipt already issued.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ensureMainBuilt } from '../support/build';
import { nuqta } from '../support/cli';
import { DEMO, startTestTill, type TestTill } from '../support/till';
import { assertLedgerVerifies, tempDir } from '../support/tmp';

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => ensureMainBuilt(), 120_000);
beforeEach(() => {
  tmp = tempDir('nuqta-restore-');
});
afterEach(() => tmp.cleanup());

const ledger = () => path.join(tmp.dir, 'till.db');
const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
/** The ledgers set aside (their -wal and -shm, when they had them, beside them under the same name). */
const replacedFiles = () => fs.readdirSync(tmp.dir).filter((n) => n.startsWith('till.db.replaced-') && !/-(wal|shm|journal)$/.test(n));

async function sell(t: TestTill): Promise<string> {
  await t.call('scanBarcode', { barcode: DEMO.milk.barcode });
  return (await t.call('tenderCash', { tenderedHalalas: 1000 })).receipt.receiptNo;
}

/** A backup taken through the CLI (verified) while the till runs. */
function backupTo(name: string): string {
  const file = path.join(tmp.dir, name);
  const r = nuqta('backup', file, '--data-dir', tmp.dir);
  expect(r.status, r.stderr).toBe(0);
  return file;
}

describe('nuqta restore', () => {
  it('puts a verified backup back in place of a damaged ledger, keeping the damaged one, and the till sells on', async () => {
    const t = await startTestTill(tmp.dir);
    expect(await sell(t)).toBe('T01-000001');
    expect(await sell(t)).toBe('T01-000002');
    const backup = backupTo('good.db');
    await t.till.close();
    // The ledger is damaged after the backup (edited by hand): verify now fails on it.
    const db = new Database(ledger());
    db.prepare("UPDATE sales SET total_halalas = 1 WHERE status = 'completed'").run();
    db.close();
    expect(nuqta('ledger', 'verify', '--data-dir', tmp.dir).status).toBe(4);
    const damaged = sha(ledger());

    const r = nuqta('restore', backup, '--data-dir', tmp.dir);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Restored .*good\.db/);
    expect(r.stdout).toMatch(/تمت الاستعادة/);
    // The ledger it replaced is kept as it was, never deleted.
    expect(replacedFiles()).toHaveLength(1);
    expect(sha(path.join(tmp.dir, replacedFiles()[0]!))).toBe(damaged);
    expect(nuqta('ledger', 'verify', '--data-dir', tmp.dir).status).toBe(0);

    await t.restart();
    expect(await sell(t)).toBe('T01-000003');
    await t.till.close();
    // Before the folder's check runs on till.db, the replaced (damaged on purpose) file goes.
    for (const f of fs.readdirSync(tmp.dir).filter((n) => n.startsWith('till.db.replaced-'))) fs.rmSync(path.join(tmp.dir, f));
  });

  it('refuses a backup that does not verify (exit 4, both languages) and changes nothing', async () => {
    const t = await startTestTill(tmp.dir);
    await sell(t);
    const backup = backupTo('edited.db');
    await t.till.close();
    const copy = new Database(backup);
    copy.prepare("UPDATE sales SET total_halalas = 1 WHERE status = 'completed'").run();
    copy.close();
    const before = sha(ledger());

    const r = nuqta('restore', backup, '--data-dir', tmp.dir);
    expect(r.status).toBe(4);
    expect(r.stderr).toMatch(/FAILED \(a table differs from the journal\)/);
    expect(r.stderr).toMatch(/RESTORE_NOT_VERIFIED/);
    expect(r.stderr).toMatch(/لم يجتز التحقق/);
    expect(sha(ledger())).toBe(before);
    expect(replacedFiles()).toEqual([]);
    expect(fs.readdirSync(tmp.dir).filter((n) => n.includes('restoring'))).toEqual([]);
  });

  it('will not run beside a running till (exit 3: the till holds the lock)', async () => {
    const t = await startTestTill(tmp.dir);
    await sell(t);
    const backup = backupTo('b.db');
    const r = nuqta('restore', backup, '--data-dir', tmp.dir);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/LEDGER_LOCKED/);
    await t.till.close();
  });

  it('refuses to go back below receipts already issued (exit 2, naming them) unless accepted; accepted, it journals the decision and numbers on above them', async () => {
    const t = await startTestTill(tmp.dir);
    await sell(t);
    const backup = backupTo('old.db');
    // Two more sales after the backup: customers hold receipts 2 and 3.
    expect(await sell(t)).toBe('T01-000002');
    expect(await sell(t)).toBe('T01-000003');
    await t.till.close();
    const before = sha(ledger());

    const refused = nuqta('restore', backup, '--data-dir', tmp.dir);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/would be issued again: T01-000002, T01-000003/);
    expect(refused.stderr).toMatch(/وستُعاد أرقامها: T01-000002, T01-000003/);
    expect(refused.stderr).toMatch(/RESTORE_BELOW_RECEIPTS/);
    expect(refused.stderr).toMatch(/--accept-lower-receipts/);
    expect(sha(ledger())).toBe(before);
    expect(replacedFiles()).toEqual([]);

    const accepted = nuqta('restore', backup, '--accept-lower-receipts', '--data-dir', tmp.dir);
    expect(accepted.status, accepted.stderr).toBe(0);
    expect(accepted.stdout).toMatch(/Accepted going back below receipts already issued \(journaled\): T01-000002, T01-000003/);
    expect(replacedFiles()).toHaveLength(1);
    // The decision is in the restored ledger, and its counter already stands above the last number issued.
    const db = new Database(ledger(), { readonly: true });
    const decided = db.prepare("SELECT payload FROM journal WHERE type = 'restore.accepted_lower'").pluck().all() as string[];
    const raised = db.prepare("SELECT payload FROM journal WHERE type = 'receipts.counter_raised'").pluck().all() as string[];
    expect(db.prepare("SELECT COUNT(*) FROM sales WHERE status = 'completed'").pluck().get()).toBe(1);
    expect(db.prepare("SELECT last_number FROM receipt_counters WHERE till_id = 'T01'").pluck().get()).toBe(3);
    db.close();
    expect(decided.map((p) => JSON.parse(p))).toEqual([expect.objectContaining({ by: 'cli', receipts: ['T01-000002', 'T01-000003'] })]);
    expect(raised.map((p) => JSON.parse(p))).toEqual([expect.objectContaining({ tillId: 'T01', from: 1, to: 3 })]);
    const verify = nuqta('ledger', 'verify', '--data-dir', tmp.dir);
    expect(verify.status, verify.stderr).toBe(0);
    expect(verify.stdout).toMatch(/warning: 2 receipt\(s\) missing from the database, numbered on after them/);

    // The till sells on the restored ledger: the next receipt is 4, never 2 again.
    await t.restart();
    expect(await sell(t)).toBe('T01-000004');
    await t.till.close();
    assertLedgerVerifies(path.join(tmp.dir, replacedFiles()[0]!));
  });

  it('restores onto a data folder without a ledger (a new PC)', async () => {
    const t = await startTestTill(tmp.dir);
    await sell(t);
    const backup = backupTo('b.db');
    await t.till.close();
    const fresh = tempDir('nuqta-restore-new-pc-');
    try {
      const r = nuqta('restore', backup, '--data-dir', fresh.dir);
      expect(r.status, r.stderr).toBe(0);
      const t2 = await startTestTill(fresh.dir);
      expect(await sell(t2)).toBe('T01-000002');
      await t2.till.close();
    } finally {
      fresh.cleanup();
    }
  });
});
