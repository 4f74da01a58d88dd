// The file both stores keep their sealed values in: JSON `{format, version, sealer, secrets: {name: base64}}`,
// written whole to a temporary file (mode 0600) and renamed over the old one, so a crash mid-write leaves
// either the old or the new file, never half of one. Values in it are ciphertexts only.
import fs from 'node:fs';
import path from 'node:path';
import { SecretStoreError } from './errors';
import { SECRET_NAME } from './types';

export type SealerId = 'aes-256-gcm' | 'electron-safe-storage';

interface FileShape {
  format: 'nuqta-secrets';
  version: 1;
  sealer: SealerId;
  secrets: Record<string, string>;
}

export interface SealedFile {
  read(): Map<string, Uint8Array>;
  write(entries: Map<string, Uint8Array>): void;
  exists(): boolean;
}

export function assertName(name: string): void {
  if (typeof name !== 'string' || name.length > 100 || !SECRET_NAME.test(name)) throw new SecretStoreError('SECRET_NAME_INVALID');
}

export function openSealedFile(file: string, sealer: SealerId): SealedFile {
  return {
    exists: () => fs.existsSync(file),
    read() {
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
        throw err;
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        throw new SecretStoreError('SECRETS_FILE_INVALID', file);
      }
      const shape = parsed as Partial<FileShape> | null;
      if (!shape || shape.format !== 'nuqta-secrets' || shape.version !== 1 || typeof shape.secrets !== 'object' || !shape.secrets) {
        throw new SecretStoreError('SECRETS_FILE_INVALID', file);
      }
      // A file sealed by the other implementation cannot be opened here; say so instead of failing on every get().
      if (shape.sealer !== sealer) throw new SecretStoreError('SECRETS_FILE_INVALID', `${file} is sealed with ${String(shape.sealer)}`);
      const out = new Map<string, Uint8Array>();
      for (const [name, value] of Object.entries(shape.secrets)) {
        if (!SECRET_NAME.test(name) || typeof value !== 'string') throw new SecretStoreError('SECRETS_FILE_INVALID', file);
        out.set(name, Buffer.from(value, 'base64'));
      }
      return out;
    },
    write(entries) {
      const body: FileShape = {
        format: 'nuqta-secrets',
        version: 1,
        sealer,
        secrets: Object.fromEntries([...entries].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, Buffer.from(v).toString('base64')])),
      };
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
      fs.writeFileSync(tmp, `${JSON.stringify(body, null, 1)}\n`, { mode: 0o600 });
      fs.renameSync(tmp, file);
    },
  };
}
