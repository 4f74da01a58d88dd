// Admin → Reports in real Chromium against the browser host: after a cash sale and a card sale the manager reads the
// month — the totals, the charts drawn (by day, by hour, by tender), the cashier — in Arabic, and axe finds nothing
// serious. The screenshot goes to test-results/screens/ (not committed); the check is that each chart's canvas
// has drawn pixels, read back from the page.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO } from '../support/till';
import { axeFindings } from './support/axe';
import { ring, useTillBrowser } from './support/till-page';

const tills = useTillBrowser();
const SHOTS = path.resolve('test-results', 'screens');

describe('the reports tab', () => {
  it('shows the month after a cash sale and a card sale, with its charts drawn', async () => {
    const { page } = await tills.openTill({ prefix: 'nuqta-e2e-reports-' });
    await ring(page, DEMO.milk.barcode);
    await page.keyboard.press('F12');
    await page.getByTestId('tender-panel').waitFor();
    await page.keyboard.press('Enter');
    await page.getByTestId('receipt-preview').waitFor();
    await page.keyboard.press('Escape');
    await ring(page, DEMO.dates.barcode);
    await page.keyboard.press('F11');
    await page.getByTestId('card-panel').waitFor();
    await page.keyboard.press('Enter');
    await page.getByTestId('completed-view').waitFor({ timeout: 15_000 });
    await page.keyboard.press('Escape');

    await page.getByTestId('admin-open').click();
    await page.getByTestId('admin-panel').waitFor();
    await page.getByTestId('manager-pin-input').fill('1234');
    await page.getByTestId('manager-pin-submit').click();
    await page.getByTestId('settings-form').waitFor();
    await page.getByTestId('admin-tab-reports').click();
    await page.locator('[data-testid="reports"][data-loaded="1"]').waitFor();

    expect(await page.getByTestId('reports-receipts').locator('td').textContent()).toBe('2');
    expect(await page.getByTestId('reports-net').locator('td').textContent()).toContain(((DEMO.milk.price + DEMO.dates.price) / 100).toFixed(2));
    expect(await page.getByTestId('reports-cashiers').locator('tr').count()).toBe(1);
    // Every chart drew something: a canvas with pixels that are not transparent. react-chartjs-2 makes each chart in an
    // effect after the report's render (data-loaded) is on the page, so a canvas can still be blank when first read.
    for (const id of ['reports-by-day', 'reports-by-hour', 'reports-by-tender']) {
      const drawn = () =>
        page.getByTestId(id).locator('canvas').evaluate((c: HTMLCanvasElement) => {
          const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
          let n = 0;
          for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n += 1;
          return n;
        });
      await expect.poll(drawn, { message: id }).toBeGreaterThan(100);
    }
    expect(await axeFindings(page)).toEqual([]);
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.getByTestId('reports').screenshot({ path: path.join(SHOTS, 'reports-ar.png') });
  });
});
