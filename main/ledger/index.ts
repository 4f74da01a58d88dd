export { createJournal, type Journal, type JournalEntry } from './journal';
export { verifyJournal, type VerifyResult } from './verify';
export { GENESIS_HASH } from './hash';
