// A till whose card terminal is a cloud terminal (nexo / Terminal API, the built-in provider simulator) in real
// Chromium: a card sale completes with a mada tender, the terminal panel names the protocol, the top bar has
// the cloud terminal's status light, and the sale is refunded from the sale history.
import { describe, expect, it } from 'vitest';
import { updateSettings } from '../support/providers';
import { DEMO } from '../support/till';
import { returnEverythingWithPin, returnFromHistory, ring, useTillBrowser } from './support/till-page';

const tills = useTillBrowser();

async function openCloudTill() {
  const { page } = await tills.openTill({
    prefix: 'nuqta-e2e-nexo-',
    // Configured before the till starts, the way an admin points a till at a provider's terminal.
    configure: (dir) =>
      updateSettings(dir, {
        terminal: {
          protocol: 'nexo',
          mode: 'cloud-sync',
          link: { kind: 'simulator' },
          poiId: 'V400m-324688179',
          keyIdentifier: null,
          keyVersion: null,
          purchaseTimeoutMs: 30000,
        },
      }),
  });
  return page;
}

describe('a cloud (nexo) card terminal', () => {
  it('takes a mada card sale, shows the protocol, and refunds the sale from the history', async () => {
    const page = await openCloudTill();
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    // A cloud terminal is checked in the background: it has a status light in the top bar.
    await page.getByTestId('provider-status-cloudTerminal').waitFor();
    await expect
      .poll(() => page.getByTestId('provider-status-cloudTerminal').getAttribute('data-health'), { timeout: 20_000 })
      .toBe('connected');

    await ring(page, DEMO.milk.barcode, DEMO.coffee.barcode); // 34.25
    await page.keyboard.press('F11');
    await page.locator('[data-testid="card-panel"].card-panel--card').waitFor();
    expect(await page.getByTestId('card-amount-input').inputValue()).toContain('34.25');
    await page.keyboard.press('Enter');
    await page.getByTestId('completed-view').waitFor({ timeout: 30_000 });
    const outcome = page.getByTestId('completed-view').getByTestId('card-outcome');
    expect(await outcome.getAttribute('data-outcome')).toBe('approved');
    expect(await outcome.getAttribute('data-method')).toBe('card');
    expect((await page.getByTestId('completed-payment-name').textContent())?.toLowerCase()).toContain('mada');
    const receiptNo = (await page.getByTestId('receipt-no').textContent())!.trim();
    expect(await page.getByTestId('receipt-card-tender').textContent()).toMatch(/mada/i);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('sale-line').count()).toBe(0);

    // The terminal panel names the protocol.
    await page.keyboard.press('F7');
    await page.getByTestId('terminal-panel').waitFor();
    await expect.poll(() => page.getByTestId('terminal-protocol').textContent()).toBe('nexo');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('terminal-panel').count()).toBe(0);

    // Returned from the sale history: the receipt just sold is highlighted; Ctrl+R, its lines, a reason, the PIN.
    // The money goes back to the card through the cloud terminal, with the return's credit note.
    await returnFromHistory(page, receiptNo);
    const refunds = await returnEverythingWithPin(page, 30_000);
    expect(refunds.map((r) => [r.kind, r.method])).toEqual([['card', 'card']]);
    expect(refunds[0]!.text).toContain('34.25');
    expect(await page.getByTestId('return-drawer').getAttribute('data-outcome')).toBe('not_needed');
  });
});
