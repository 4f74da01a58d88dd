import fs from 'node:fs';
import { it } from 'vitest';
import { LEDGER_PROJECTIONS, ledgerFile } from '../../main/app';
import { checkLedgerFile } from '../../main/backup';
import { DEMO, startTestTill } from '../support/till';
import { tempDir } from '../support/tmp';

it('times', async () => {
  const tmp = tempDir('nuqta-backup-');
  const t = await startTestTill(tmp.dir);
  const lines = Number(process.env.L ?? 20);
  let scan = 0, tender = 0;
  const t0 = performance.now();
  for (let s = 0; s < 30; s++) {
    let a = performance.now();
    for (let i = 0; i < lines; i++) await t.call('scanBarcode', { barcode: [DEMO.milk, DEMO.bread, DEMO.water, DEMO.dates][i % 4]!.barcode });
    scan += performance.now() - a; a = performance.now();
    await t.call('tenderCash', { tenderedHalalas: 10_000_000 });
    tender += performance.now() - a;
  }
  const total = performance.now() - t0;
  await t.till.close();
  const a = performance.now();
  const r = checkLedgerFile(ledgerFile(tmp.dir), LEDGER_PROJECTIONS);
  console.log(JSON.stringify({ lines, scan: Math.round(scan), tender: Math.round(tender), total: Math.round(total), verify: Math.round(performance.now() - a), ok: r.ok, entries: r.entries, bytes: fs.statSync(ledgerFile(tmp.dir)).size }));
  tmp.cleanup();
}, 600_000);
