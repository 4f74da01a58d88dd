// Where a deb till and its root update service meet (made by resources/installer/deb-after-install.sh). Staging
// lives in a fixed system folder, not the till user's home: the root service is started with ProtectHome=yes and
// must find the update without knowing which user runs the till. The folder is root:nuqta-pos 2770, so only
// members of the nuqta-pos group (the till's user, added once by the admin) may stage, request and read results.
import path from 'node:path';

export interface DebPaths {
  /** Staged updates (the service's downloadDir), the request and the result: root:nuqta-pos, 2770. */
  updatesDir: string;
  /** The till writes this to ask for the install; nuqta-pos-update.path starts the root service when it exists. */
  requestFile: string;
  /** The root service's answer, renamed into place whole. */
  resultFile: string;
  /** Root-only (0700): the verified copy that is installed, and the result being written. */
  runDir: string;
  /** Installed by the postinst; missing on a deb built before the service existed, and in a dev run. */
  pathUnit: string;
}

/** The paths under `root` ('' on a till; a temporary folder in tests). */
export function debPaths(root = ''): DebPaths {
  const state = path.join(root || '/', 'var', 'lib', 'nuqta-pos');
  const updatesDir = path.join(state, 'updates');
  return {
    updatesDir,
    requestFile: path.join(updatesDir, 'install-request'),
    resultFile: path.join(updatesDir, 'install-result'),
    runDir: path.join(state, 'update-run'),
    pathUnit: path.join(root || '/', 'etc', 'systemd', 'system', 'nuqta-pos-update.path'),
  };
}

/** What the root service answers (one JSON object in resultFile). */
export interface DebResult {
  /** The request's id, so the till never takes an older answer for its own. */
  id: string | null;
  outcome: 'installed' | 'nothing-staged' | 'failed';
  version: string | null;
  /** The UpdateError code when it failed. */
  code: string | null;
  message: string;
}

export const REQUEST_ID = /^[0-9a-f]{8,64}$/;
