// A day closed end to end, in real Chromium against the browser host and a terminal process (TCP): a cash sale
// and a card sale, then a mada purchase keyed on the terminal by hand (the till never hears of it). The shift is
// counted blind and comes out short; the terminal settles and holds one purchase more than the ledger, and the
// screen names the scheme and the ledger's transactions. The manager reads the X in Arabic — counts, totals, each
// way of paying, the shortage, the settlement's difference — and axe finds nothing serious; then closes the day:
// Enter alone (a scanner's) does not, a click does; Z 1 is kept with the difference, and the X starts again empty.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { startSimulatorProcess } from '../support/simulator-process';
import { pointTillAtTerminal } from '../support/terminal';
import { DEMO } from '../support/till';
import { tempDir } from '../support/tmp';
import { axeFindings } from './support/axe';
import { ring, useTillBrowser } from './support/till-page';

const tills = useTillBrowser();
/** Amounts as the screen writes them, digits made Latin (the Arabic screen may use ٠-٩). */
const latin = (s: string | null) => (s ?? '').replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660)).replace(/٫/g, '.');
const shiftStep = (p: Page) => p.getByTestId('shift-title').getAttribute('data-step');

/** The blind count at the end of the shift: one SAR 5 note in the drawer. */
async function countShiftShort(page: Page) {
  const dialog = page.getByTestId('shift-dialog');
  await page.getByTestId('shift-open').click();
  await dialog.waitFor();
  await expect.poll(() => shiftStep(page)).toBe('overview');
  await dialog.getByTestId('shift-count').click();
  await expect.poll(() => shiftStep(page)).toBe('count');
  await dialog.locator('[data-testid="shift-denomination"][data-key="n5"]').getByTestId('shift-pieces').fill('1');
  await page.keyboard.press('Control+Enter');
  await expect.poll(() => dialog.getByTestId('shift-result').getAttribute('data-outcome')).toBe('closed');
  // The closed result gives the keyboard to the dialog (an effect after the render): Enter then closes it.
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('shift-dialog');
  await page.keyboard.press('Enter');
  await expect.poll(() => dialog.count()).toBe(0);
}

/** The terminal panel's settlement, approved with the manager's PIN; what the screen says of it. */
async function settleTerminal(page: Page) {
  await page.getByTestId('terminal-open').click();
  await page.getByTestId('terminal-settle').click();
  await page.getByTestId('manager-pin-input').fill('1234');
  await page.getByTestId('manager-pin-submit').click();
  await page.getByTestId('settlement-result').waitFor({ timeout: 15_000 });
  return page.getByTestId('settlement-reconciliation');
}

describe('the X report', () => {
  it('closes a day with a cash shortage and a purchase keyed on the terminal: the X, the checklist and the Z show both', async () => {
    const tmp = tempDir('nuqta-e2e-xreport-sim-');
    const simulator = await startSimulatorProcess(path.join(tmp.dir, 'record.json'));
    tills.onCleanup(() => tmp.cleanup(), () => simulator.stop());
    const { page } = await tills.openTill({ prefix: 'nuqta-e2e-xreport-', configure: (dir) => pointTillAtTerminal(dir, simulator.port) });
    await ring(page, DEMO.milk.barcode);
    await page.keyboard.press('F12');
    await page.getByTestId('tender-panel').waitFor();
    await page.keyboard.press('Enter'); // exact amount
    await page.getByTestId('receipt-preview').waitFor();
    await page.keyboard.press('Escape');
    await ring(page, DEMO.dates.barcode);
    await page.keyboard.press('F11');
    await page.getByTestId('card-panel').waitFor();
    await page.keyboard.press('Enter');
    await page.getByTestId('completed-view').waitFor({ timeout: 15_000 });
    await page.keyboard.press('Escape');

    // The cashier charges SAR 12.00 on the terminal's own keypad: approved there, never in the ledger.
    expect(await simulator.keyed(1200, 'mada')).toMatchObject({ ecrRef: '', status: 'approved' });
    // The drawer holds 5.00 of the 6.50 taken in cash: short 1.50, within the threshold, so it closes at once.
    await countShiftShort(page);
    // The terminal's batch: 2 mada purchases, 47.00; the ledger's: 1, 35.00 — the screen says so, with the sale.
    const held = await settleTerminal(page);
    expect(await held.getAttribute('data-matched')).toBe('false');
    const mismatch = latin(await held.getByTestId('settlement-scheme-mismatch').textContent());
    expect(mismatch).toMatch(/mada/i);
    expect(mismatch).toContain('47.00');
    expect(mismatch).toContain('35.00');
    expect(await held.getByTestId('settlement-difference').count()).toBe(1);
    await page.keyboard.press('Escape');

    await page.getByTestId('admin-open').click();
    await page.getByTestId('admin-panel').waitFor();
    await page.getByTestId('manager-pin-input').fill('1234');
    await page.getByTestId('manager-pin-submit').click();
    await page.getByTestId('settings-form').waitFor();
    await page.getByTestId('admin-tab-xreport').click();
    await page.locator('[data-testid="x-report"][data-loaded="1"]').waitFor();

    expect(await page.getByTestId('x-receipts').locator('td').textContent()).toBe('2');
    const total = ((DEMO.milk.price + DEMO.dates.price) / 100).toFixed(2);
    expect(await page.getByTestId('x-sales').locator('td').textContent()).toContain(total);
    const tenders = (await page.getByTestId('x-tenders').textContent()) ?? '';
    expect(tenders).toContain('نقدًا');
    expect(tenders).toContain((DEMO.milk.price / 100).toFixed(2));
    expect(tenders).toContain((DEMO.dates.price / 100).toFixed(2));
    expect(await page.getByTestId('x-cash-taken').locator('td').textContent()).toContain((DEMO.milk.price / 100).toFixed(2));
    // Both sales are the demo cashier's: one row, with both.
    expect(await page.getByTestId('x-cashiers').locator('tr').count()).toBe(1);
    expect(await page.getByTestId('x-cashiers').locator('td').textContent()).toContain(total);
    // The shift's count: expected 6.50, counted 5.00, short 1.50.
    expect(latin(await page.getByTestId('x-shift').textContent())).toMatch(/6\.50.*5\.00.*-1\.50/);
    // The settlement against the ledger, on the X: mada differs, the ledger's one card sale listed under it.
    const onX = page.getByTestId('x-reconciliation-result');
    expect(await onX.getAttribute('data-matched')).toBe('false');
    expect(latin(await onX.getByTestId('settlement-scheme-mismatch').textContent())).toContain('47.00');
    expect(await onX.getByTestId('settlement-difference').textContent()).toContain('RRN');
    // The checklist: nothing in doubt; the shift counted; the terminal settled but not in agreement; no backup yet.
    expect(await page.getByTestId('check-payments').getAttribute('data-state')).toBe('done');
    expect(await page.getByTestId('check-shift').getAttribute('data-state')).toBe('done');
    expect(await page.getByTestId('check-settlement').getAttribute('data-state')).toBe('warn');
    expect(await page.getByTestId('check-backup').getAttribute('data-state')).toBe('todo');
    expect(await page.getByTestId('check-settlement').textContent()).toContain('سُوّي جهاز الدفع');
    // No discount given; the backup run from the checklist says why it cannot be made (no folder set), in Arabic.
    expect(await page.getByTestId('x-discounts').locator('td').textContent()).toContain('0.00');
    await page.getByTestId('check-backup-run').click();
    await page.getByTestId('check-backup-result').waitFor();
    expect(await page.getByTestId('check-backup-result').getAttribute('data-ok')).toBe('0');
    expect(await page.getByTestId('check-backup-result').textContent()).toContain('مجلد');
    expect(await page.getByTestId('check-backup').getAttribute('data-state')).toBe('todo');
    expect(await axeFindings(page)).toEqual([]);

    await page.getByTestId('z-close').click();
    await page.getByTestId('z-confirm').waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('z-confirm').textContent()).toContain('Ctrl+Enter');
    expect(await page.getByTestId('z-closed').count()).toBe(0);
    await page.getByTestId('z-confirm-button').click();
    await page.getByTestId('z-closed').waitFor();
    expect(await page.getByTestId('z-closed').getAttribute('data-number')).toBe('1');
    expect(await page.getByTestId('z-closed').textContent()).toContain('Z000001');
    // Z 1 is kept with its shortage and the settlement's difference (what its paper and exports list).
    const kept = latin(await page.getByTestId('z-figures-1').textContent());
    expect(kept).toContain('-1.50');
    expect(await page.getByTestId('z-terminal-difference-1').count()).toBe(1);
    await expect.poll(() => page.getByTestId('x-receipts').locator('td').textContent()).toBe('0');
  });
});
