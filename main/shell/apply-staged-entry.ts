// `Nuqta POS.exe --apply-staged-update`, as the SYSTEM task runs it (resources/installer/update-task.nsh): no
// window, no till, no ledger — the staged update in %ProgramData%\Nuqta POS\updates, verified with this build's
// release keys against this build's version (never a downgrade), installed by main/updates' applyStagedUpdate.
// Returns the process's exit code.
import path from 'node:path';
import { applyStagedUpdate, createUpdates, runCommand, type RunCommand } from '../updates';
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

export async function applyStagedFromTask(deps: ApplyEntryDeps): Promise<number> {
  const updates = createUpdates({
    // Only staged() is used: the policy was the till's to apply when it started the task.
    settings: () => ({ policy: 'manual', opensAt: '00:00', closesAt: '00:00', feedUrl: null, timeZone: 'Asia/Riyadh' }),
    currentVersion: deps.version,
    platform: 'win32-x64',
    tillState: () => ({ saleInProgress: false, paymentInDoubt: false, unreportedInvoices: 0 }),
    downloadDir: windowsUpdatesDir(deps.programData),
    ...(deps.trustedKeys ? { trustedKeys: deps.trustedKeys } : {}),
  });
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
