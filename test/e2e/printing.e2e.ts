// Receipts, the print queue, reprints, the drawer and the customer display at the till, in real Chromium,
// with a virtual ESC/POS printer on a real TCP socket standing in for the printer on the counter.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createPrinterSim, startSimTcpServer, type PrinterSim } from '../../main/sim/printer';
import { updateSettings } from '../support/providers';
import { DEMO } from '../support/till';
import { typeBarcode, useTillBrowser, type OpenTill } from './support/till-page';

const tills = useTillBrowser();

async function tillWithNetworkPrinter(): Promise<OpenTill & { printer: PrinterSim }> {
  const printer = createPrinterSim({ widthDots: 576 });
  const server = await startSimTcpServer(printer);
  tills.onCleanup(() => server.close());
  const till = await tills.openTill({
    prefix: 'nuqta-e2e-print-',
    configure: (dir) => updateSettings(dir, { printer: { profile: 'generic-80', link: { kind: 'tcp', host: '127.0.0.1', port: server.port } } }),
  });
  return { ...till, printer };
}

async function cashSale(page: Page, barcode: string) {
  await typeBarcode(page, barcode);
  await expect.poll(() => page.getByTestId('sale-line').count()).toBeGreaterThan(0);
  await page.keyboard.press('F12');
  await page.getByTestId('tender-panel').waitFor();
  await page.keyboard.press('Enter');
  await page.getByTestId('receipt-preview').waitFor();
  return (await page.getByTestId('receipt-no').textContent())!.match(/T01-\d{6}/)![0];
}

describe('receipts on the printer', () => {
  it('a cash sale prints its receipt as an image, shows it on screen, and opens the drawer', async () => {
    const { page, printer } = await tillWithNetworkPrinter();
    await cashSale(page, DEMO.coffee.barcode);
    await expect.poll(() => printer.receipts.length, { timeout: 10_000 }).toBe(1);
    const printed = printer.receipts[0]!;
    expect(printed.image.width).toBe(576);
    expect(printed.image.height).toBeGreaterThan(400);
    expect(printed.cut).not.toBeNull();
    await expect.poll(() => printer.drawerKicks()).toBe(1);
    const src = await page.getByTestId('receipt-image').getAttribute('src');
    expect(src).toMatch(/^data:image\/png;base64,/);
    // The top bar's state comes by its own event (printerStatusChanged), not with the sale's answer or the printer's bytes.
    await expect.poll(() => page.getByTestId('printer-status').getAttribute('data-state')).toBe('ready');
  });

  it('paper out: the job fails visibly, the sale is safe, and a retry after new paper prints it', async () => {
    const { page, printer } = await tillWithNetworkPrinter();
    printer.setStatus({ paperOut: true, online: false });
    const receiptNo = await cashSale(page, DEMO.milk.barcode);
    await page.getByTestId('print-failed-banner').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('print-failed-banner').textContent()).toMatch(/[\u0600-\u06ff]/);
    expect(printer.receipts).toHaveLength(0);
    await page.keyboard.press('Enter'); // next sale; the failed job waits in the queue
    await page.getByTestId('print-queue-open').click();
    await page.getByTestId('print-queue').waitFor();
    const job = page.locator(`[data-testid="print-job"][data-receipt-no="${receiptNo}"]`).first();
    expect(await job.getAttribute('data-state')).toBe('failed');
    printer.setStatus({ paperOut: false, online: true });
    await job.getByTestId('print-job-retry').click();
    await expect.poll(() => printer.receipts.length, { timeout: 10_000 }).toBe(1);
    await expect.poll(() => page.locator(`[data-testid="print-job"][data-receipt-no="${receiptNo}"]`).first().getAttribute('data-state')).toBe('printed');
  });

  it('reprints from the sale history as a copy', async () => {
    const { page, printer } = await tillWithNetworkPrinter();
    const receiptNo = await cashSale(page, DEMO.bread.barcode);
    await expect.poll(() => printer.receipts.length, { timeout: 10_000 }).toBe(1);
    await page.keyboard.press('Enter');
    await page.getByTestId('history-open').click();
    await page.getByTestId('history-panel').waitFor();
    await page.locator(`[data-testid="history-item"][data-receipt-no="${receiptNo}"]`).click();
    expect(await page.getByTestId('history-preview').getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    await page.getByTestId('reprint').click();
    await expect.poll(() => printer.receipts.length, { timeout: 10_000 }).toBe(2);
    // The copy is not the original: its image differs (it carries the نسخة / COPY mark).
    const [original, copy] = printer.receipts;
    expect(Buffer.compare(Buffer.from(original!.image.toPng()), Buffer.from(copy!.image.toPng()))).not.toBe(0);
  });

  it('opens the drawer without a sale only with the manager PIN', async () => {
    const { page, printer } = await tillWithNetworkPrinter();
    await page.getByTestId('drawer-open').click();
    await page.getByTestId('drawer-reason').fill('change for the next till');
    await page.getByTestId('manager-pin-input').fill('1234');
    await page.getByTestId('drawer-submit').click();
    await expect.poll(() => page.getByTestId('drawer-outcome').getAttribute('data-outcome'), { timeout: 10_000 }).toBe('opened');
    // The simulated printer reads its socket in this process: the kick may land a turn after the page's answer.
    await expect.poll(() => printer.drawerKicks()).toBe(1);
  });
});

describe('the customer display', () => {
  it('follows the sale in Arabic on its own page, and the till\'s F9 / F10 at once, and never takes input', async () => {
    const { page, host } = await tillWithNetworkPrinter();
    const display = await tills.browser.newPage({ viewport: { width: 1024, height: 600 } });
    tills.onCleanup(() => display.close());
    // Every call the display makes, as sent over its socket.
    const calls: string[] = [];
    display.on('websocket', (ws) =>
      ws.on('framesent', ({ payload }) => {
        const frame = JSON.parse(String(payload)) as { kind?: string; method?: string };
        if (frame.kind === 'call' && frame.method) calls.push(frame.method);
      }),
    );
    await display.goto(host.customerDisplayUrl); // its own, read-only secret
    await display.getByTestId('customer-display').waitFor();
    await page.bringToFront();
    await typeBarcode(page, DEMO.dates.barcode);
    await expect.poll(() => display.getByTestId('customer-line').count(), { timeout: 10_000 }).toBe(1);
    expect(await display.getByTestId('customer-line').first().textContent()).toContain('تمر');
    expect(await display.getByTestId('customer-total').textContent()).toContain('35.00');
    expect(await display.getAttribute('html', 'lang')).toBe('ar');
    expect(await display.locator('input, button, textarea, select').count()).toBe(0);

    // The cashier switches to English (F9), then to Arabic-Indic digits (F10): main's preferencesChanged
    // event brings the display along at once. That it is the event and not a poll is shown by the calls counted
    // below; the bounds here only leave a busy machine room (a 4 s poll could land inside any such bound).
    await page.keyboard.press('F9');
    await expect.poll(() => display.getAttribute('html', 'lang'), { timeout: 3_000 }).toBe('en');
    expect(await display.getAttribute('html', 'dir')).toBe('ltr');
    await page.keyboard.press('F10');
    await expect.poll(() => display.getByTestId('customer-total').textContent(), { timeout: 3_000 }).toMatch(/[٠-٩]/);

    // It read the till once, at start, and asks again for nothing: no polling.
    await display.waitForTimeout(4_500);
    expect(calls.filter((m) => m === 'getTill')).toStrictEqual(['getTill']);
    expect(await display.getAttribute('html', 'lang')).toBe('en');
  });
});
