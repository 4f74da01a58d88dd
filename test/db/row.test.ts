// Rows declared once (main/db/row.ts) and checked where they are read: a value edited by hand into something
// the till does not know is named as LEDGER_DAMAGED with its table and column, never carried on into a sale.
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ledgerFile, startTill } from '../../main/app';
import { openDatabase, tableRow } from '../../main/db';
import { TillError } from '../../main/errors';
import { DEMO, startTestTill } from '../support/till';
import { tempDir } from '../support/tmp';
import { freshFile } from './support';

const at = freshFile();

describe('tableRow', () => {
  const Note = tableRow('notes', z.object({ id: z.number().int(), kind: z.enum(['cash', 'card']), text: z.string().nullable() }));

  const notes = () => {
    const db = openDatabase(at.file);
    db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, kind TEXT, text TEXT, extra TEXT)');
    db.exec("INSERT INTO notes VALUES (1, 'cash', NULL, 'not selected'), (2, 'card', 'slip', 'x')");
    return db;
  };

  it('selects exactly the declared columns, in their order, and types what it reads', () => {
    const db = notes();
    expect(Note.columns).toBe('id, kind, text');
    expect(Note.select(db, 'ORDER BY id').all()).toEqual([
      { id: 1, kind: 'cash', text: null },
      { id: 2, kind: 'card', text: 'slip' },
    ]);
    expect(Note.select<[number]>(db, 'WHERE id = ?').get(2)).toEqual({ id: 2, kind: 'card', text: 'slip' });
    expect(Note.select<[number]>(db, 'WHERE id = ?').get(3)).toBeUndefined();
    expect([...Note.select(db, 'ORDER BY id DESC').iterate()].map((n) => n.id)).toEqual([2, 1]);
    db.close();
  });

  it('names the table and the column of a value no schema knows, on get, all and iterate', () => {
    const db = notes();
    db.exec("UPDATE notes SET kind = 'cheque' WHERE id = 2");
    const damaged = (read: () => unknown) => {
      try {
        read();
      } catch (e) {
        return e;
      }
      throw new Error('read a damaged row without complaint');
    };
    for (const read of [
      () => Note.select<[number]>(db, 'WHERE id = ?').get(2),
      () => Note.select(db, '').all(),
      () => [...Note.select(db, '').iterate()],
    ]) {
      const e = damaged(read);
      expect(e).toBeInstanceOf(TillError);
      expect(e).toMatchObject({ code: 'LEDGER_DAMAGED', detail: expect.stringMatching(/^notes\.kind: /) });
    }
    db.close();
  });
});

describe('a hand-edited row at a real till', () => {
  const folders: Array<ReturnType<typeof tempDir>> = [];
  afterAll(() => folders.forEach((f) => f.cleanup()));

  /** Sells up to an open sale with one line, closes the till, applies `edit` past the CHECK constraints. */
  async function edit(change: string) {
    const folder = tempDir('nuqta-row-', { verifyLedger: false });
    folders.push(folder);
    const t = await startTestTill(folder.dir);
    await t.call('scanBarcode', { barcode: DEMO.milk.barcode });
    await t.till.close();
    const db = new Database(ledgerFile(folder.dir));
    db.pragma('ignore_check_constraints = ON');
    db.exec(change);
    db.close();
    return t;
  }

  it("the open sale's line whose VAT category was edited stops the start, by table and column, not priced", async () => {
    const t = await edit("UPDATE sale_lines SET vat_category = 'Q'");
    await expect(t.restart()).rejects.toMatchObject({ code: 'LEDGER_DAMAGED', detail: expect.stringMatching(/^sale_lines\.vat_category: /) });
  });

  it('a start refused half-way closes what it had opened: no provider checks run on afterwards', async () => {
    const t = await edit("UPDATE sale_lines SET vat_category = 'Q'");
    const heard: string[] = [];
    const log = {
      error: (m: string) => void heard.push(m),
      warn: (m: string) => void heard.push(m),
      info: () => {},
      close: async () => {},
    };
    await expect(startTill({ host: 'browser', dataDir: t.dir, log, providerCheckMs: 20 })).rejects.toMatchObject({ code: 'LEDGER_DAMAGED' });
    await new Promise((r) => setTimeout(r, 200));
    expect(heard).toEqual(['the till could not start']);
  });

  it('a product whose VAT category was edited is refused at the scan, not rung up; the others still sell', async () => {
    const t = await edit(`UPDATE products SET vat_category = 'Q' WHERE barcode = '${DEMO.bread.barcode}'`);
    await t.restart();
    expect(await t.attempt('scanBarcode', { barcode: DEMO.bread.barcode })).toMatchObject({ ok: false, error: { code: 'LEDGER_DAMAGED' } });
    expect((await t.call('getSale', {})).lines.map((l) => l.barcode)).toEqual([DEMO.milk.barcode]);
    expect(await t.attempt('scanBarcode', { barcode: DEMO.water.barcode })).toMatchObject({ ok: true });
    await t.till.close();
  });

  it('a payment whose state was edited into one the till does not know is named, not settled', async () => {
    const t = await edit('');
    await t.restart();
    const due = (await t.call('getSale', {})).dueHalalas;
    const paid = await t.call('payCard', { amountHalalas: due });
    expect(paid.intent.state).toBe('approved');
    await t.till.close();
    const db = new Database(ledgerFile(t.dir));
    db.pragma('ignore_check_constraints = ON');
    db.exec("UPDATE payment_intents SET state = 'paid'");
    db.close();
    await t.restart();
    const result = await t.attempt('repeatLastTransaction', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'LEDGER_DAMAGED' } });
    await t.till.close();
  });
});
