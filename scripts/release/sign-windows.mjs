// electron-builder's Windows sign hook for a key that never leaves a cloud HSM (Azure Key Vault, Google Cloud
// KMS, AWS CloudHSM, a signing service…). It knows no vendor: it runs the command the build machine names in
// NUQTA_SIGN_COMMAND with the file to sign as its last argument, and fails the build when that command fails.
// Nothing about the key (vault, certificate, credentials) is in the repository; the command and its
// environment carry it.
//
//   NUQTA_SIGN_COMMAND=C:\tools\sign-with-hsm.exe
//   NUQTA_SIGN_COMMAND=["pwsh","-NoProfile","-File","C:\\tools\\sign.ps1"]    (a JSON array: program, then arguments)
//
// The command also gets NUQTA_SIGN_FILE (the same path) and NUQTA_SIGN_HASH (sha256) in its environment. It is
// run without a shell, so a path with spaces or shell characters is one argument, never a command line.
// The release workflow enables this hook only when NUQTA_SIGN_COMMAND is set
// (-c.win.signtoolOptions.sign=./scripts/release/sign-windows.mjs); a certificate file (CSC_LINK) is signed by
// electron-builder's own signtool step instead. docs/release.md.
import { spawn } from 'node:child_process';

/** Ten minutes, as electron-builder allows signtool: a remote signer that hangs must not hang the release. */
const SIGN_TIMEOUT_MS = 10 * 60_000;

/** The program and leading arguments NUQTA_SIGN_COMMAND names; throws when it is missing or malformed. */
export function signCommand(env = process.env) {
  const raw = (env.NUQTA_SIGN_COMMAND ?? '').trim();
  if (!raw) throw new Error('NUQTA_SIGN_COMMAND is not set: the Windows sign hook has no command to run');
  if (!raw.startsWith('[')) return { program: raw, args: [] };
  let parsed;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new Error('NUQTA_SIGN_COMMAND starts with [ but is not a JSON array of strings');
  }
  if (!Array.isArray(parsed) || parsed.length === 0 || !parsed.every((part) => typeof part === 'string' && part !== '')) {
    throw new Error('NUQTA_SIGN_COMMAND must be a JSON array of non-empty strings: the program, then its arguments');
  }
  const [program, ...args] = parsed;
  return { program, args };
}

/** Signs one file with the command `env` names; resolves when it exited 0. */
export function signWith(configuration, env = process.env, timeoutMs = SIGN_TIMEOUT_MS) {
  const { program, args } = signCommand(env);
  const file = configuration.path;
  return new Promise((resolve, reject) => {
    const child = spawn(program, [...args, file], {
      shell: false,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...env, NUQTA_SIGN_FILE: file, NUQTA_SIGN_HASH: configuration.hash ?? 'sha256' },
      timeout: timeoutMs,
      windowsHide: true,
    });
    child.once('error', (e) => reject(new Error(`the sign command could not be started (${program}): ${e.message}`)));
    child.once('exit', (code, signal) => {
      if (code === 0) resolve();
      // The arguments are not repeated: they may name a vault or a key the log need not show.
      else reject(new Error(`the sign command failed for ${file}: ${signal ? `killed by ${signal}` : `exit code ${code}`} (${program})`));
    });
  });
}

/** What electron-builder calls (win.signtoolOptions.sign), once per file and hash algorithm. */
export async function sign(configuration) {
  await signWith(configuration);
}
