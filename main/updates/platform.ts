// Which installer of a release this till takes. One name per package the release builds (docs/release.md):
// the NSIS installer, the deb, the AppImage.
export const UPDATE_PLATFORMS = ['win32-x64', 'linux-x64-deb', 'linux-x64-appimage'] as const;
export type UpdatePlatform = (typeof UPDATE_PLATFORMS)[number];

/**
 * The platform of the running till, or null where no installer exists (another OS or CPU). An AppImage is
 * recognised by the APPIMAGE variable its runtime sets; any other Linux till is taken to be the deb install.
 */
export function detectPlatform(
  os: NodeJS.Platform = process.platform,
  arch: string = process.arch,
  env: NodeJS.ProcessEnv = process.env,
): UpdatePlatform | null {
  if (arch !== 'x64') return null;
  if (os === 'win32') return 'win32-x64';
  if (os === 'linux') return env.APPIMAGE ? 'linux-x64-appimage' : 'linux-x64-deb';
  return null;
}
