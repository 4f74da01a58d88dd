// Where the app's own files are. A leaf every domain may use. Works from source (main/paths/) and from the
// bundles (dist/main/), which both sit two folders below the project root.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const projectRoot = (): string => path.resolve(__dirname, '..', '..');
export const rendererDist = (): string => path.join(projectRoot(), 'dist', 'renderer');
export const preloadBundle = (): string => path.join(projectRoot(), 'dist', 'preload', 'index.cjs');
/** The customer display's preload: its read-only methods and events only. */
export const customerPreloadBundle = (): string => path.join(projectRoot(), 'dist', 'preload', 'customer.cjs');
export const resourcesDir = (): string => path.join(projectRoot(), 'resources');
/**
 * The bundled fonts (receipts, the Z's PDF): in the installed app the resources copied next to app.asar
 * (electron-builder's extraResources), in development and tests the repository's resources/.
 */
export function fontsDir(): string {
  const packaged = (process as { resourcesPath?: string }).resourcesPath;
  if (packaged) {
    const dir = path.join(packaged, 'resources', 'fonts');
    if (fs.existsSync(dir)) return dir;
  }
  return path.join(resourcesDir(), 'fonts');
}
export const demoCatalogCsv = (): string => path.join(resourcesDir(), 'catalog', 'demo-catalog.csv');
/** OASIS UBL 2.1 schemas as ZATCA's SDK ships them: `nuqta zatca validate` checks documents against them. */
export const ublInvoiceXsd = (): string => path.join(resourcesDir(), 'ubl-2.1-xsd', 'maindoc', 'UBL-Invoice-2.1.xsd');

/**
 * The till's data folder. NUQTA_DATA_DIR wins (tests, several tills on one machine); otherwise the
 * per-user application-data folder of the platform, the same for the Electron app, the host and the CLI.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.NUQTA_DATA_DIR) return path.resolve(env.NUQTA_DATA_DIR);
  if (platform === 'win32') {
    return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), 'Nuqta POS');
  }
  return path.join(env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share'), 'nuqta-pos');
}

export const ledgerFile = (dataDir: string): string => path.join(dataDir, 'till.db');
/** Reports and lists a manager exported (CSV, PDF): inside the data folder, so backups and support bundles see them. */
export const exportsDir = (dataDir: string): string => path.join(dataDir, 'exports');
