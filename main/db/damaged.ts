// SQLite's own word that a file is damaged: a page it cannot read (SQLITE_CORRUPT and its extended codes), or a
// file that is not a database at all.
export function isDamagedFileError(e: unknown): e is Error & { code: string } {
  const code = (e as { code?: unknown } | null)?.code;
  return e instanceof Error && typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}
