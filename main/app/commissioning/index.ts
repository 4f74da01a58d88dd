// The commissioning wizard's memory: each self-test's latest result, journaled as it is found
// (`commissioning.step`), and the report — saved as JSON in the data folder after every step (so a restart
// between steps loses nothing) and printed on the receipt printer when the admin is done.
import fs from 'node:fs';
import path from 'node:path';
import {
  COMMISSIONING_STEPS,
  CommissioningReport,
  type CommissioningStepName,
  type CommissioningStepResult,
} from '../../../preload/contract';
import type { Db } from '../../db';
import type { Journal } from '../../ledger';
import type { TillLog } from '../../logging';
import { commissioningError } from './errors';
import { reportPage } from './pages';
import { runStep, type StepDeps, type StepInput } from './steps';

export { commissioningErrors, type CommissioningErrorCode } from './errors';

export const REPORT_FILE = 'commissioning-report.json';

export interface CommissioningDeps extends StepDeps {
  db: Db;
  journal: Journal;
  dataDir: string;
  log: Pick<TillLog, 'warn'>;
}

export interface Commissioning {
  run(input: StepInput & { step: CommissioningStepName | 'done' }): Promise<{ result: CommissioningStepResult | null; report: CommissioningReport }>;
  report(): CommissioningReport;
}

export function createCommissioning(deps: CommissioningDeps): Commissioning {
  const file = path.join(deps.dataDir, REPORT_FILE);
  const results = new Map<CommissioningStepName, CommissioningStepResult>();
  let savedTo: string | null = null;
  let printed: boolean | null = null;

  // A report saved before a restart carries on; a file that is not one (hand-edited, half-written) starts afresh.
  try {
    const saved = CommissioningReport.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    if (saved.success) {
      for (const s of saved.data.steps) results.set(s.step, s);
      savedTo = file;
      printed = saved.data.printed;
    }
  } catch {
    // no report yet
  }

  const report = (): CommissioningReport => {
    const steps = COMMISSIONING_STEPS.flatMap((name) => results.get(name) ?? []);
    const complete = steps.length === COMMISSIONING_STEPS.length && steps.every((s) => s.ok);
    return { tillId: deps.settings().tillId, steps, complete, savedTo, printed };
  };

  const save = (): void => {
    try {
      const tmp = `${file}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify({ ...report(), savedTo: file }, null, 2), { mode: 0o600 });
      fs.renameSync(tmp, file);
      savedTo = file;
    } catch (e) {
      deps.log.warn('the commissioning report could not be saved', e);
      savedTo = null;
    }
  };

  return {
    async run(input) {
      if (input.step === 'done') {
        save();
        const at = deps.now().toISOString();
        const page = reportPage(deps.settings(), report(), at);
        const outcome = savedTo ? await deps.printing.printDocument(page) : null;
        printed = outcome?.ok ?? false;
        deps.db
          .transaction(() =>
            deps.journal.append('commissioning.report', {
              file: savedTo,
              complete: report().complete,
              printed,
              ...(savedTo ? {} : { error: commissioningError('COMMISSIONING_REPORT_NOT_SAVED') }),
              ...(outcome && !outcome.ok ? { printError: outcome.error, detail: outcome.detail } : {}),
            }),
          )
          .immediate();
        save();
        return { result: null, report: report() };
      }
      const outcome = await runStep(input.step, deps, input);
      const result: CommissioningStepResult = { step: input.step, at: deps.now().toISOString(), ...outcome };
      deps.db
        .transaction(() => deps.journal.append('commissioning.step', { step: result.step, ok: result.ok, detail: { error: result.error?.code ?? null, facts: result.facts } }))
        .immediate();
      results.set(input.step, result);
      printed = null;
      save();
      return { result, report: report() };
    },
    report,
  };
}
