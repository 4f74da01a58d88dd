// Exports and the audit list in real Chromium against the browser host (issues 14 and 15): the Audit tab lists the
// till's privileged acts newest first, filters them by action and exports the filtered list as CSV; after a Z, the
// X tab exports it as PDF and the X as CSV. Each export says where it was saved, and the file is there.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO } from '../support/till';
import { axeFindings } from './support/axe';
import { ring, useTillBrowser } from './support/till-page';

const tills = useTillBrowser();

async function openAdmin(page: Page, tab: string): Promise<void> {
  await page.getByTestId('admin-open').click();
  await page.getByTestId('admin-panel').waitFor();
  await page.getByTestId('manager-pin-input').fill('1234');
  await page.getByTestId('manager-pin-submit').click();
  await page.getByTestId('settings-form').waitFor();
  await page.getByTestId(`admin-tab-${tab}`).click();
}

async function savedFile(page: Page, dir: string, name: RegExp): Promise<Buffer> {
  const saved = page.getByTestId('export-saved');
  await saved.waitFor();
  const fileName = (await saved.getAttribute('data-file')) ?? '';
  expect(fileName).toMatch(name);
  const file = path.join(dir, 'exports', fileName);
  expect(await saved.textContent()).toContain(file);
  return fs.readFileSync(file);
}

describe('exports and the audit list', () => {
  it('the Audit tab lists a deleted line and a voided sale newest first, filters by action, exports the list as CSV', async () => {
    const { page, dir } = await tills.openTill({ prefix: 'nuqta-e2e-audit-' });
    await ring(page, DEMO.milk.barcode, DEMO.bread.barcode);
    await page.keyboard.press('Delete');
    await expect.poll(() => page.getByTestId('sale-line').count()).toBe(1);
    await page.keyboard.press('F8');
    await page.keyboard.press('F8');
    await expect.poll(() => page.getByTestId('sale-line').count()).toBe(0);

    await openAdmin(page, 'audit');
    await page.locator('[data-testid="audit"][data-loaded="1"]').waitFor();
    const types = await page.getByTestId('audit-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-type')));
    expect(types.slice(0, 2)).toEqual(['sale.voided', 'line.removed']);
    // The demo's cashier rang the sale up: the void and the delete are hers.
    expect(await page.getByTestId('audit-row').first().textContent()).toContain('demo-cashier');
    expect(await axeFindings(page)).toEqual([]);

    await page.getByTestId('audit-action').selectOption('line_removed');
    await page.getByTestId('audit-show').click();
    await expect.poll(() => page.getByTestId('audit-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-type')))).toEqual(['line.removed']);
    await page.getByTestId('audit-export').click();
    const csv = (await savedFile(page, dir, /^audit-line_removed-.*\.csv$/)).toString('utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.split('\r\n').filter((l) => l.includes('line.removed'))).toHaveLength(1);
  });

  it('after a Z, the X tab exports the Z as PDF and the X as CSV', async () => {
    const { page, dir } = await tills.openTill({ prefix: 'nuqta-e2e-zexport-' });
    await openAdmin(page, 'xreport');
    await page.locator('[data-testid="x-report"][data-loaded="1"]').waitFor();
    await page.getByTestId('z-close').click();
    await page.getByTestId('z-confirm-button').click();
    await page.getByTestId('z-closed').waitFor();
    await page.getByTestId('z-export-pdf-1').click();
    expect((await savedFile(page, dir, /^Z-000001-\d{4}-\d{2}-\d{2}\.pdf$/)).subarray(0, 5).toString()).toBe('%PDF-');
    await page.getByTestId('x-export-csv').click();
    await expect.poll(() => page.getByTestId('export-saved').getAttribute('data-file')).toMatch(/^X-.*\.csv$/);
    expect((await savedFile(page, dir, /^X-.*\.csv$/)).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
});
