// `nuqta zatca export | hash | validate`: the stored documents handed over byte for byte as ICV-UUID.xml; the
// hash of ZATCA's own signed samples as its fixtures give them; a till's documents valid (schema, hash, signature,
// QR, the PIH chain in ICV order) and a byte changed, a document left out of a series, both named.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerFile } from '../../main/app';
import { zatcaCommand } from '../../main/cli';
import { SAMPLE_HASHES, SAMPLES } from '../fiscal/einvoice/support';
import { DEMO, startTestTill, type TestTill } from '../support/till';
import { tempDir } from '../support/tmp';

function output() {
  const lines: string[] = [];
  return { io: { out: (s: string) => lines.push(s), err: (s: string) => lines.push(s) }, text: () => lines.join('\n') };
}
const run = async (dir: string, args: string[], options = {}) => {
  const o = output();
  const code = await zatcaCommand(dir, args, options, o.io);
  return { code, text: o.text() };
};

let t: TestTill;
let out: ReturnType<typeof tempDir>;
let stored: Array<{ icv: number; uuid: string; xml: Buffer; issue_date: string }>;

beforeAll(async () => {
  out = tempDir('nuqta-zatca-export-');
  t = await startTestTill();
  for (const barcode of [DEMO.milk.barcode, DEMO.dates.barcode, DEMO.coffee.barcode]) {
    const sale = await t.call('scanBarcode', { barcode });
    await t.call('tenderCash', { tenderedHalalas: sale.dueHalalas });
  }
  await t.till.close();
  const db = new Database(ledgerFile(t.dir), { readonly: true });
  stored = db.prepare<[], { icv: number; uuid: string; xml: Buffer; issue_date: string }>('SELECT icv, uuid, xml, issue_date FROM einvoice_documents ORDER BY icv').all();
  db.close();
}, 60_000);
afterAll(async () => {
  await t.close();
  out.cleanup();
});

describe('nuqta zatca hash', () => {
  it("gives ZATCA's signed samples the hashes its fixtures list", async () => {
    for (const [name, hash] of Object.entries(SAMPLE_HASHES)) {
      const answer = await run(t.dir, ['hash', path.join(SAMPLES, name)]);
      expect(answer, name).toEqual({ code: 0, text: hash });
    }
    expect((await run(t.dir, ['hash'])).code).toBe(2);
  });
});

describe('nuqta zatca export and validate', () => {
  it('writes every stored document byte for byte as ICV-UUID.xml, and they validate as a chain', async () => {
    expect(stored.map((d) => d.icv)).toEqual([1, 2, 3]);
    const dir = path.join(out.dir, 'all');
    const answer = await run(t.dir, ['export', dir]);
    expect(answer).toMatchObject({ code: 0, text: expect.stringContaining('3 document(s) written') });
    const files = stored.map((d) => path.join(dir, `${d.icv}-${d.uuid}.xml`));
    files.forEach((f, i) => expect(fs.readFileSync(f).equals(stored[i]!.xml)).toBe(true));

    const valid = await run(t.dir, ['validate', ...files]);
    expect(valid.code).toBe(0);
    expect(valid.text).toContain('All 3 valid.');
    expect(valid.text).not.toContain('Schema not checked');

    // The dates select by the documents' own issue date.
    const none = await run(t.dir, ['export', path.join(out.dir, 'none')], { from: '2000-01-01', to: '2000-01-02' });
    expect(none.text).toContain('0 document(s) written');
    const day = stored[0]!.issue_date;
    expect((await run(t.dir, ['export', path.join(out.dir, 'day')], { from: day, to: day })).text).toContain('3 document(s) written');
    expect((await run(t.dir, ['export', path.join(out.dir, 'bad')], { from: '5 Dec' })).code).toBe(2);
  });

  it('names a document changed by one byte, and a series with a document left out', async () => {
    const dir = path.join(out.dir, 'tampered');
    await run(t.dir, ['export', dir]);
    const files = stored.map((d) => path.join(dir, `${d.icv}-${d.uuid}.xml`));
    // A total changed on disk: the hash no longer matches the signature (nor the QR's tag 6).
    const second = fs.readFileSync(files[1]!, 'utf8');
    fs.writeFileSync(files[1]!, second.replace(/<cbc:PayableAmount currencyID="SAR">[\d.]+</, '<cbc:PayableAmount currencyID="SAR">0.01<'));
    const tampered = await run(t.dir, ['validate', ...files]);
    expect(tampered.code).toBe(4);
    expect(tampered.text).toMatch(/2-.*\.xml: \d+ problem\(s\)\n\s+invoice-hash:/);

    // An element UBL does not have: the schema says so (xmllint with the schemas the app ships).
    fs.writeFileSync(files[2]!, fs.readFileSync(files[2]!, 'utf8').replace('<cbc:DocumentCurrencyCode>', '<cbc:Colour>red</cbc:Colour><cbc:DocumentCurrencyCode>'));
    expect((await run(t.dir, ['validate', files[2]!])).text).toMatch(/schema: .*Colour/);
    await run(t.dir, ['export', dir]); // the stored bytes again

    const gap = await run(t.dir, ['validate', files[0]!, files[2]!]);
    expect(gap.code).toBe(4);
    expect(gap.text).toMatch(/3-.*\.xml: chain: ICV 3 does not follow 1/);
    expect((await run(t.dir, ['validate', path.join(dir, 'nope.xml')])).code).toBe(2);
  });
});
