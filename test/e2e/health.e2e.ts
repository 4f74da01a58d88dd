// The health page at the till, in real Chromium: the top bar's health button, the page's checks with what to
// do in Arabic and English, and a printer out of paper shown as the problem it is.
import { describe, expect, it } from 'vitest';
import { createPrinterSim, startSimTcpServer } from '../../main/sim/printer';
import { updateSettings } from '../support/providers';
import { useTillBrowser } from './support/till-page';

const tills = useTillBrowser();

describe('the health page', () => {
  it('lists every check, problems first, with what to do; a printer out of paper is a problem', async () => {
    const printer = createPrinterSim({ widthDots: 576 });
    const server = await startSimTcpServer(printer);
    tills.onCleanup(() => server.close());
    const { page } = await tills.openTill({
      prefix: 'nuqta-e2e-health-',
      configure: (dir) => updateSettings(dir, { printer: { profile: 'generic-80', link: { kind: 'tcp', host: '127.0.0.1', port: server.port } } }),
    });
    printer.setStatus({ paperOut: true, online: false });

    await page.getByTestId('health-open').click();
    await page.getByTestId('health-panel').waitFor();
    await expect.poll(() => page.getByTestId('health-printer').getAttribute('data-state'), { timeout: 10_000 }).toBe('problem');
    const checks = page.locator('[data-testid^="health-"][data-state]');
    expect(await checks.count()).toBe(9);
    // People: the demo's own staff, with their demo PINs.
    expect(await page.getByTestId('health-people').getAttribute('data-state')).toBe('ok');
    // E-invoicing: the demo onboarded itself with the platform simulator, named in Arabic on the page.
    expect(await page.getByTestId('health-einvoicing').getAttribute('data-state')).toBe('ok');
    expect(await page.getByTestId('health-einvoicing').textContent()).toContain('الفوترة الإلكترونية');
    // Problems first, then warnings.
    expect(await checks.first().getAttribute('data-state')).toBe('problem');
    const printerText = await page.getByTestId('health-printer').textContent();
    expect(printerText).toMatch(/[\u0600-\u06ff]/);
    expect(printerText).toContain('ضع لفة جديدة');
    expect(await page.getByTestId('health-backup').getAttribute('data-state')).toBe('warning');
    await page.keyboard.press('Escape');
    await page.getByTestId('health-panel').waitFor({ state: 'detached' });
    expect(await page.getByTestId('health-open').getAttribute('data-tone')).toBe('problem');

    printer.setStatus({ paperOut: false, online: true });
    await page.getByTestId('health-open').click();
    await expect.poll(() => page.getByTestId('health-printer').getAttribute('data-state'), { timeout: 10_000 }).toBe('ok');
  });
});
