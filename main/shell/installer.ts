// The platform installer the Electron till uses for a staged update (main/updates/install): on Windows the update
// task after an Authenticode check against the vendor's code-signing name, in an AppImage the file replaced in
// place, in a deb install the administrator's package manager.
import { appImageInstaller, debInstaller, launchDetached, noInstaller, runCommand, windowsInstaller, type Installer } from '../updates';

/** The code-signing certificate's common name (electron-builder.yml: win.signtoolOptions.publisherName). */
export const WINDOWS_PUBLISHER = 'Nuqta POS';

export function platformInstaller(
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
  log: { warn(message: string, detail?: unknown): void },
): Installer {
  if (platform === 'win32') return windowsInstaller({ run: runCommand, launch: launchDetached, publisher: WINDOWS_PUBLISHER, log });
  if (platform === 'linux') return env.APPIMAGE ? appImageInstaller({ appImage: env.APPIMAGE, launch: launchDetached }) : debInstaller;
  return noInstaller;
}
