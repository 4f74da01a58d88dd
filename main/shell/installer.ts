// The platform installer the Electron till uses for a staged update (main/updates/install): on Windows the update
// task after an Authenticode check against the vendor's code-signing name, in an AppImage the file replaced in
// place, in a deb install the root update service the package sets up (the till relaunches itself afterwards).
import fs from 'node:fs';
import { appImageInstaller, debInstaller, debPaths, launchDetached, noInstaller, runCommand, windowsInstaller, type Installer } from '../updates';

/** The code-signing certificate's common name (electron-builder.yml: win.signtoolOptions.publisherName). */
export const WINDOWS_PUBLISHER = 'Nuqta POS';

export function platformInstaller(
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
  log: { warn(message: string, detail?: unknown): void },
  /** A deb installs while the till runs: this starts it again once it has quit (Electron's app.relaunch). */
  relaunch: () => void = () => log.warn('the update is installed, but nothing starts this till again'),
): Installer {
  if (platform === 'win32') return windowsInstaller({ run: runCommand, launch: launchDetached, publisher: WINDOWS_PUBLISHER, log });
  if (platform === 'linux') return env.APPIMAGE ? appImageInstaller({ appImage: env.APPIMAGE, launch: launchDetached }) : debInstaller({ paths: debPaths(), relaunch });
  return noInstaller;
}

/**
 * Where a deb till stages updates: the package's shared folder, where the root service reads them, when this
 * user may write it (a member of nuqta-pos); otherwise undefined — the data folder, and the deb installer's
 * prepare says what the admin must do. Undefined on every other kind of till.
 */
export function debUpdatesDir(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, root = ''): string | undefined {
  if (platform !== 'linux' || env.APPIMAGE) return undefined;
  const dir = debPaths(root).updatesDir;
  try {
    fs.accessSync(dir, fs.constants.W_OK | fs.constants.R_OK | fs.constants.X_OK);
    return dir;
  } catch {
    return undefined;
  }
}
