// Types for scripts/lib/launch-page.mjs.
export declare const LAUNCH_PAGE_NAME: string;
export declare function launchPageHtml(url: string): string;
export interface LaunchPage {
  dir: string;
  file: string;
  fileUrl: string;
  remove(): void;
}
export declare function writeLaunchPage(url: string, options?: { tmpDir?: string }): LaunchPage;
export declare function chromiumAppArgs(options: {
  launchFileUrl: string;
  profileDir: string;
  /** The shop's kiosk setting: full screen instead of maximized. */
  kiosk?: boolean;
  featuresOff?: string;
  /** Running as root, where Chromium will not start with its sandbox. */
  noSandbox?: boolean;
}): string[];
