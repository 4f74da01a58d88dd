// `nuqta ledger verify` (and a backup's check) read a till's file while the till runs and commits. The whole check
// reads one snapshot of it: a journal read before a commit and rows read after it would look like a truncated
// journal ("print_jobs.updated_seq refers to journal entry 20, which is missing"), as a browser test once saw when
// the check ran just as the restarted till printed a receipt.
import { expect, it } from 'vitest';
import { LEDGER_PROJECTIONS, ledgerFile } from '../../main/app';
import { openDatabase } from '../../main/db';
import { createJournal, verifyLedger, type ProjectionFactory } from '../../main/ledger';
import { DEMO, startTestTill } from '../support/till';
import { tempDir } from '../support/tmp';

it('checks one snapshot: what the till commits during the check is not half seen', async () => {
  const tmp = tempDir('nuqta-verify-snapshot-');
  const t = await startTestTill(tmp.dir);
  const due = (await t.call('scanBarcode', { barcode: DEMO.milk.barcode })).dueHalalas;
  await t.call('tenderCash', { tenderedHalalas: due });
  const file = ledgerFile(t.dir);
  await t.till.close();

  // The till, committing an entry while the check is under way (after its first reads, before its last).
  const till = openDatabase(file);
  const tillId = till.prepare<[], string>('SELECT till_id FROM journal ORDER BY seq DESC LIMIT 1').pluck().get()!;
  const journal = createJournal(till, tillId);
  const meanwhile: ProjectionFactory = (db) => {
    const entries = db.prepare<[], number>('SELECT COUNT(*) FROM journal').pluck();
    const atStart = entries.get()!;
    return {
      name: 'a till committing meanwhile',
      legacy: () => undefined,
      apply: () => undefined,
      finish: () => {
        till.transaction(() => journal.append('test.meanwhile', {}))();
        const atEnd = entries.get()!;
        return atEnd === atStart ? undefined : { table: 'journal', key: 'entries', what: `${atStart} at the start of the check, ${atEnd} at its end` };
      },
    };
  };

  const reader = openDatabase(file, { readonly: true });
  try {
    expect(verifyLedger(reader, { projections: [...LEDGER_PROJECTIONS, meanwhile] })).toMatchObject({ ok: true });
    // The entry is there for the next check, which sees it whole.
    expect(verifyLedger(reader, { projections: [...LEDGER_PROJECTIONS] })).toMatchObject({ ok: true });
  } finally {
    reader.close();
    till.close();
    tmp.cleanup();
  }
});
