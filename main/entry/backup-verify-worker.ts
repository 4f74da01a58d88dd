// The backup verification worker thread (bundled as dist/main/backup-verify-worker.cjs; main/backup/verify-client.ts
// starts one per copy). Its code is main/backup/verify-worker.ts; it is entered here because the check replays
// the domains' projections, which only the composition root lists (main/backup may not import main/app).
import { LEDGER_PROJECTIONS } from '../app';
import { serveLedgerCheck } from '../backup';

serveLedgerCheck(LEDGER_PROJECTIONS);
