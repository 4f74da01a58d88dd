// The Windows installer's own signature (Authenticode), checked before it is run: the signed manifest already
// vouches for its bytes, and this also refuses an installer the vendor's code-signing certificate did not sign
// (a release pipeline that skipped signing, a file swapped on its way). PowerShell's Get-AuthenticodeSignature
// does the check with Windows' own trust store; the file's path goes in through the environment, never into
// the command text, so no path can change the command.
import { UpdateError } from '../errors';
import type { RunCommand } from './run';

const SCRIPT =
  '$s = Get-AuthenticodeSignature -LiteralPath $env:NUQTA_INSTALLER; ' +
  '[pscustomobject]@{ Status = [string]$s.Status; Subject = [string]$s.SignerCertificate.Subject } | ConvertTo-Json -Compress';

/** The signer's common name (CN=…) out of an X.500 subject such as `CN=Nuqta POS, O=Nuqta, C=SA`. */
export function commonName(subject: string): string | null {
  const m = /(?:^|,\s*)CN=(?:"([^"]*)"|([^,]*))/.exec(subject);
  return m ? (m[1] ?? m[2] ?? '').trim() : null;
}

export async function checkAuthenticode(installer: string, publisher: string, run: RunCommand, powershell = 'powershell.exe'): Promise<void> {
  const r = await run(powershell, ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command', SCRIPT], { env: { NUQTA_INSTALLER: installer } });
  if (r.code !== 0) throw new UpdateError('UPDATE_INSTALLER_UNSIGNED', `Get-AuthenticodeSignature failed (${r.code}): ${r.stderr.trim().slice(0, 300)}`);
  let answer: { Status?: unknown; Subject?: unknown };
  try {
    answer = JSON.parse(r.stdout) as { Status?: unknown; Subject?: unknown };
  } catch {
    throw new UpdateError('UPDATE_INSTALLER_UNSIGNED', `unreadable answer: ${r.stdout.slice(0, 200)}`);
  }
  if (answer.Status !== 'Valid') throw new UpdateError('UPDATE_INSTALLER_UNSIGNED', `signature status ${String(answer.Status)}`);
  const signer = typeof answer.Subject === 'string' ? commonName(answer.Subject) : null;
  if (signer !== publisher) throw new UpdateError('UPDATE_INSTALLER_UNSIGNED', `signed by ${signer ?? 'nobody'}, not ${publisher}`);
}
