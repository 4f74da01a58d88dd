// The Electron main-process entry (bundled to dist/main/electron.cjs, package.json "main"). Deliberately
// thin: everything testable lives in main/shell, which receives the electron module as a parameter.
import * as electron from 'electron';
import { defaultDataDir, startTill } from '../app';
import { adoptSecrets, createFileSecretStore, createSafeStorageSecretStore } from '../secrets';
import { APPLY_STAGED_FLAG, applyStagedEntry, customerDisplayMode, debUpdatesDir, installCrashGuard, startShell, windowsUpdatesDir } from '../shell';

if (process.argv.includes(APPLY_STAGED_FLAG)) {
  // Windows' SYSTEM update task (resources/installer/update-task.nsh) or a deb's root update service
  // (resources/installer/systemd): install the staged update, open nothing.
  void applyStagedEntry(process.platform, { version: electron.app.getVersion(), programData: programData(), log: console }).then((code) => electron.app.exit(code));
} else {
  startTillApp();
}

function programData(): string {
  return process.env.PROGRAMDATA ?? 'C:\\ProgramData';
}

function startTillApp(): void {
  // defaultDataDir(), not app.getPath('userData'): the CLI and the browser host resolve the same folder, so
  // all three find the same ledger. Kiosk mode (full screen, no menu, started at login) is the admin's till
  // setting, handed to the shell as `kiosk`; without it the till opens maximized.
  // NUQTA_CUSTOMER_DISPLAY=1 forces the customer display (windowed when there is one screen), =0 turns it off.
  // Everything this process creates in the data folder is for the till's own OS user only.
  process.umask(0o077);
  // The technician's override as the app was launched (the setting itself is read once the till is open).
  const launchEnv = { NUQTA_CUSTOMER_DISPLAY: process.env.NUQTA_CUSTOMER_DISPLAY };
  const dataDir = defaultDataDir();
  // First, so a failure anywhere after this relaunches the app (or, in a crash loop, says so) instead of
  // leaving a dead till on the screen.
  const guard = installCrashGuard(electron, { dataDir });

  startShell(electron, {
    // Provider credentials are sealed with the OS keystore (DPAPI, libsecret) through safeStorage, which is
    // usable once the app is ready — startTill runs after that. Secrets the admin entered with the CLI are taken
    // over from the file store first (main/secrets/adopt.ts).
    startTill: (options) => {
      const secrets = createSafeStorageSecretStore({ safeStorage: electron.safeStorage, dataDir: options.dataDir });
      const { adopted, left } = adoptSecrets(createFileSecretStore({ dataDir: options.dataDir }), secrets);
      if (adopted.length) console.log(`provider secrets taken into the system keychain: ${adopted.join(', ')}`);
      for (const { name, why } of left) console.error(`secret ${name} stays in the file store: ${why}`);
      // A Windows till stages updates machine-wide, where the SYSTEM update task reads them; a deb till in the
      // package's shared folder, where its root update service reads them (when this user may write there).
      const updatesDir = process.platform === 'win32' ? windowsUpdatesDir(programData()) : debUpdatesDir(process.platform, process.env);
      return startTill({ ...options, secrets, ...(updatesDir ? { updatesDir } : {}) });
    },
    dataDir,
    kiosk: (till) => till.shell().kiosk,
    customerDisplay: (till) => customerDisplayMode(launchEnv, till.shell().customerScreen),
    onFatal: guard.fatal,
  }).catch((e: unknown) => {
    // Not a crash: the shell could not start at all (relaunching would fail the same way).
    console.error('Nuqta POS shell failed to start', e);
    electron.app.exit(1);
  });
}
