// The data folder holds the ledger, the sealed secrets and the logs: only the till's own OS user may read it.
// The folder is made 0700 and every file directly in it 0600 at each start (files an older version or another
// tool left wider are narrowed), and the ledger file is created 0600 before SQLite opens it, so its -wal and
// -shm files, which SQLite gives the database file's permissions, are private from the first byte. On Windows
// the per-user %APPDATA% folder's ACL does this job (docs/ledger.md); chmod there only toggles read-only.
import fs from 'node:fs';
import path from 'node:path';

const PRIVATE_DIR = 0o700;
const PRIVATE_FILE = 0o600;

export function prepareDataFolder(dataDir: string, ledger: string): void {
  fs.mkdirSync(dataDir, { recursive: true, mode: PRIVATE_DIR });
  if (process.platform === 'win32') return;
  fs.chmodSync(dataDir, PRIVATE_DIR);
  if (!fs.existsSync(ledger)) fs.closeSync(fs.openSync(ledger, 'a', PRIVATE_FILE));
  for (const entry of fs.readdirSync(dataDir, { withFileTypes: true })) {
    const full = path.join(dataDir, entry.name);
    try {
      if (entry.isFile()) fs.chmodSync(full, PRIVATE_FILE);
      else if (entry.isDirectory()) fs.chmodSync(full, PRIVATE_DIR);
    } catch {
      // A file that vanished meanwhile (a -journal) or one we do not own: the next start tries again.
    }
  }
}
