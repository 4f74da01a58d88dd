// The Electron main-process entry (bundled to dist/main/electron.cjs, package.json "main"). Deliberately
// thin: everything testable lives in main/shell, which receives the electron module as a parameter.
import * as electron from 'electron';
import { defaultDataDir, startTill } from '../app';
import { createSafeStorageSecretStore } from '../secrets';
import { customerDisplayMode, startShell } from '../shell';

// defaultDataDir(), not app.getPath('userData'): the CLI and the browser host resolve the same folder, so
// all three find the same ledger. NUQTA_KIOSK=1 runs full-screen until kiosk becomes a till setting;
// NUQTA_CUSTOMER_DISPLAY=1 forces the customer display (windowed when there is one screen), =0 turns it off.
startShell(electron, {
  // Provider credentials are sealed with the OS keystore (DPAPI, libsecret) through safeStorage, which is
  // usable once the app is ready — startTill runs after that.
  startTill: (options) => startTill({ ...options, secrets: createSafeStorageSecretStore({ safeStorage: electron.safeStorage, dataDir: options.dataDir }) }),
  dataDir: defaultDataDir(),
  kiosk: process.env.NUQTA_KIOSK === '1',
  customerDisplay: customerDisplayMode(process.env),
}).catch((e: unknown) => {
  console.error('Nuqta POS shell failed to start', e);
  electron.app.exit(1);
});
