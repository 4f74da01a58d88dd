import { it } from 'vitest';
import { startStcPayTill } from '../../support/providers';
import { DEMO } from '../../support/till';
it('debug', async () => {
  const t = await startStcPayTill();
  t.till.subscribe((event, payload) => { if (event === 'paymentProgress' || event === 'terminalStatusChanged') console.log(event, JSON.stringify(payload).slice(0, 400)); });
  t.sim.subscribe((e) => console.log('SIM', JSON.stringify(e).slice(0, 300)));
  await t.call('scanBarcode', { barcode: DEMO.milk.barcode });
  const r = t.attempt('payStcPay', { amountHalalas: 650, mobile: '0551234567' });
  await new Promise((res) => setTimeout(res, 2000));
  console.log('status', JSON.stringify(await t.attempt('getTerminalStatus', {})).slice(0, 600));
  await t.close();
  console.log(JSON.stringify(await r));
}, 20000);
