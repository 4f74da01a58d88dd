export { createJournal, ensureJournalFormat, registerSigningKey, type Journal, type JournalEntry, type JournalOptions } from './journal';
export { verifyJournal, verifyLedger, integrityProblems, type VerifyResult, type LedgerReport, type LedgerStage, type VerifyLedgerOptions } from './verify';
export { GENESIS_HASH, canonicalJson } from './hash';
export { compareRow, countRows, field, FORMAT_ENTRY, type Mismatch, type Projection, type ProjectionFactory, type ReplayEntry } from './replay';
export {
  createSealer,
  loadOrCreateSigningKey,
  verifySeals,
  MAX_UNSEALED,
  SEAL_EVERY,
  SIGNING_KEY_SECRET,
  type KeyStore,
  type SealReport,
  type Sealer,
  type SigningKey,
} from './seals';
export { assertLedgerSound, checkWholeFileInBackground, TAIL_ENTRIES, type BackgroundCheck, type BackgroundCheckResult } from './startup-check';
