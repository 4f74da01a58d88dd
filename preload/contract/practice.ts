// Guided practice on a training till (docs/training.md, issue 14): the trainer picks a scenario, starts it, the
// trainee does it, and the check reads the training journal since the start. Main holds the scenarios and the
// checks (main/app/practice.ts); these are the shapes the trainer's panel sees.
import { z } from 'zod';

export const PracticeScenarioId = z.string().regex(/^[a-z][a-z-]{0,39}$/);

export const PracticeScenarioInfo = z.object({
  id: PracticeScenarioId,
  titleAr: z.string(),
  titleEn: z.string(),
  briefAr: z.string(),
  briefEn: z.string(),
});
export type PracticeScenarioInfo = z.infer<typeof PracticeScenarioInfo>;

export const PracticeScenarios = z.object({ scenarios: z.array(PracticeScenarioInfo) });

export const PracticeStarted = z.object({
  scenarioId: PracticeScenarioId,
  /** The training journal's entry that started it: the check reads what came after. */
  sinceSeq: z.number().int().nonnegative(),
  /** The training terminal was told what to do (a decline, a lost answer); false when the scenario needs none or the terminal cannot be scripted. */
  scripted: z.boolean(),
});
export type PracticeStarted = z.infer<typeof PracticeStarted>;

export const PracticeCheckLine = z.object({ ok: z.boolean(), ar: z.string(), en: z.string() });
export type PracticeCheckLine = z.infer<typeof PracticeCheckLine>;

export const PracticeResult = z.object({
  /** Null: no scenario started on this training till yet. */
  scenarioId: PracticeScenarioId.nullable(),
  passed: z.boolean(),
  checks: z.array(PracticeCheckLine),
});
export type PracticeResult = z.infer<typeof PracticeResult>;
