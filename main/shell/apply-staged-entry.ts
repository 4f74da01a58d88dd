// `--apply-staged-update`: no window, no till, no ledger. On Windows as the SYSTEM task runs it
// (resources/installer/update-task.nsh): the staged update in %ProgramData%\Nuqta POS\updates, installed by
// main/updates' applyStagedUpdate. On a deb till as nuqta-pos-update.service runs it, as root
// (resources/installer/systemd): the update staged in /var/lib/nuqta-pos/updates, installed by applyStagedDeb.
// Either way verified with this build's release keys against this build's version (never a downgrade). Returns
// the process's exit code.
import path from 'node:path';
import { applyStagedDeb, applyStagedUpdate, createUpdates, debPaths, runCommand, type RunCommand, type UpdatePlatform } from '../updates';
import { WINDOWS_PUBLISHER } from './installer';

export const APPLY_STAGED_FLAG = '--apply-staged-update';

/** Where a Windows till stages updates: machine-wide, so the SYSTEM task finds them (not the user's data folder). */
export const windowsUpdatesDir = (programData: string): string => path.join(programData, 'Nuqta POS', 'updates');

export interface ApplyEntryDeps {
  version: string;
  programData: string;
  log: { info(message: string): void; warn(message: string, detail?: unknown): void; error(message: string, detail?: unknown): void };
  /** Tests: stand-ins for PowerShell, schtasks and the release keys. */
  run?: RunCommand;
  powershell?: string;
  schtasks?: string;
  trustedKeys?: Parameters<typeof createUpdates>[0]['trustedKeys'];
}

/** The update service the entry reads staged updates through: only staged() is used (the policy was the till's). */
const stagedReader = (version: string, platform: UpdatePlatform, downloadDir: string, trustedKeys: ApplyEntryDeps['trustedKeys']) =>
  createUpdates({
    settings: () => ({ policy: 'manual', opensAt: '00:00', closesAt: '00:00', feedUrl: null, timeZone: 'Asia/Riyadh' }),
    currentVersion: version,
    platform,
    tillState: () => ({ saleInProgress: false, paymentInDoubt: false, unreportedInvoices: 0 }),
    downloadDir,
    ...(trustedKeys ? { trustedKeys } : {}),
  });

export async function applyStagedFromTask(deps: ApplyEntryDeps): Promise<number> {
  const updates = stagedReader(deps.version, 'win32-x64', windowsUpdatesDir(deps.programData), deps.trustedKeys);
  try {
    const outcome = await applyStagedUpdate({
      staged: () => updates.staged(),
      protectedDir: path.join(deps.programData, 'Nuqta POS', 'update-run'),
      run: deps.run ?? runCommand,
      publisher: WINDOWS_PUBLISHER,
      log: deps.log,
      ...(deps.powershell ? { powershell: deps.powershell } : {}),
      ...(deps.schtasks ? { schtasks: deps.schtasks } : {}),
    });
    deps.log.info(outcome === 'installed' ? 'the staged update is installed' : 'no update is staged');
    return 0;
  } catch (e) {
    deps.log.error('the staged update was not installed', e);
    return 1;
  }
}

export interface ApplyDebEntryDeps {
  version: string;
  log: ApplyEntryDeps['log'];
  /** Tests: a temporary root instead of /, and stand-ins for apt-get and the release keys. */
  root?: string;
  run?: RunCommand;
  aptGet?: string;
  trustedKeys?: ApplyEntryDeps['trustedKeys'];
}

/** What nuqta-pos-update.service runs. Exit 0 when it installed or found nothing to install, 1 when it failed. */
export async function applyStagedFromDebService(deps: ApplyDebEntryDeps): Promise<number> {
  const paths = debPaths(deps.root);
  const updates = stagedReader(deps.version, 'linux-x64-deb', paths.updatesDir, deps.trustedKeys);
  try {
    const result = await applyStagedDeb({
      staged: () => updates.staged(),
      paths,
      run: deps.run ?? runCommand,
      log: deps.log,
      ...(deps.aptGet ? { aptGet: deps.aptGet } : {}),
    });
    deps.log.info(`update service: ${result.outcome}: ${result.message}`);
    return result.outcome === 'failed' ? 1 : 0;
  } catch (e) {
    // Not even the result could be written: the till times out and says where to look (this log, the journal).
    deps.log.error('the staged update was not installed', e);
    return 1;
  }
}

/** The entry for the platform this build runs on: a Linux build is only ever run this way by the deb's service. */
export const applyStagedEntry = (platform: NodeJS.Platform, deps: { version: string; programData: string; log: ApplyEntryDeps['log'] }): Promise<number> =>
  platform === 'linux' ? applyStagedFromDebService({ version: deps.version, log: deps.log }) : applyStagedFromTask(deps);
