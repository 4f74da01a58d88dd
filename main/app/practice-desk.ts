// Starting and checking a practice scenario on a training till (docs/training.md). The training journal is the
// only state: `training.practice_started` { scenarioId, by, scripted } marks where the scenario began (its seq),
// and the check reads what came after it (./practice.ts), so a restart or a reload keeps the current scenario.
// A passed check is journaled once per start (`training.practice_checked`), the trainee's record of what they did.
// Neither entry touches a table, so `ledger verify` replays them as it replays training.started.
import type { PracticeResult, PracticeScenarioInfo, PracticeStarted } from '../../preload/contract';
import type { Db } from '../db';
import { TillError } from '../errors';
import type { Journal } from '../ledger';
import { PRACTICE_SCENARIOS, checkPractice, practiceScenario, type PracticeTerminalBehaviour } from './practice';

export const PRACTICE_STARTED = 'training.practice_started';
export const PRACTICE_CHECKED = 'training.practice_checked';

export interface PracticeDesk {
  list(): PracticeScenarioInfo[];
  /** PRACTICE_NOT_TRAINING on a live till (asked before an approver's PIN is even checked). */
  requireTraining(): void;
  start(scenarioId: string, by: string): PracticeStarted;
  check(by: string | null): PracticeResult;
}

export interface PracticeDeskDeps {
  db: Db;
  journal: Journal;
  /** This till is the training till: elsewhere starting and checking are refused. */
  training: boolean;
  /** Queues the scenario's behaviours on the training till's simulated terminal (clearing any left over). */
  scriptTerminal: (behaviours: readonly PracticeTerminalBehaviour[]) => boolean;
}

const scenarioInfo = (): PracticeScenarioInfo[] => PRACTICE_SCENARIOS.map(({ id, titleAr, titleEn, briefAr, briefEn }) => ({ id, titleAr, titleEn, briefAr, briefEn }));

export function createPracticeDesk({ db, journal, training, scriptTerminal }: PracticeDeskDeps): PracticeDesk {
  const refuseLive = () => {
    if (!training) throw new TillError('PRACTICE_NOT_TRAINING');
  };
  const lastEntry = db.prepare<[string], { seq: number; payload: string }>('SELECT seq, payload FROM journal WHERE type = ? ORDER BY seq DESC LIMIT 1');
  const checkedSince = db.prepare<[string, number], number>('SELECT COUNT(*) FROM journal WHERE type = ? AND seq > ?').pluck();

  return {
    list: scenarioInfo,
    requireTraining: refuseLive,

    start(scenarioId, by) {
      refuseLive();
      const scenario = practiceScenario(scenarioId);
      if (!scenario) throw new TillError('PRACTICE_UNKNOWN', scenarioId);
      // Every start replaces the terminal's script, so a decline left unused by one scenario never meets the next.
      const scripted = scriptTerminal(scenario.terminalScript ?? []) && (scenario.terminalScript?.length ?? 0) > 0;
      const entry = db.transaction(() => journal.append(PRACTICE_STARTED, { scenarioId, by, scripted })).immediate();
      return { scenarioId, sinceSeq: entry.seq, scripted };
    },

    check(by) {
      refuseLive();
      const started = lastEntry.get(PRACTICE_STARTED);
      if (!started) return { scenarioId: null, passed: false, checks: [] };
      const { scenarioId } = JSON.parse(started.payload) as { scenarioId: string };
      // A scenario a later version no longer has: nothing to check against.
      if (!practiceScenario(scenarioId)) return { scenarioId: null, passed: false, checks: [] };
      const { passed, checks } = checkPractice(db, scenarioId, started.seq);
      if (passed && checkedSince.get(PRACTICE_CHECKED, started.seq) === 0) {
        db.transaction(() => journal.append(PRACTICE_CHECKED, { scenarioId, startedSeq: started.seq, by })).immediate();
      }
      return { scenarioId, passed, checks };
    },
  };
}
