// Debian's Chromium driven by playwright-core (no browser download), with the same feature switch the
// Electron shell and `npm run till` use (see CHROMIUM_FEATURES_OFF in main/shell/start.ts).
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_FEATURES_OFF } from '../../../main/shell/start';

export const CHROMIUM = process.env.NUQTA_CHROMIUM ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage', `--disable-features=${CHROMIUM_FEATURES_OFF}`],
  });
}
