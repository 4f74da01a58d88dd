// What the trainer's Practice panel shows (docs/training.md): a scenario's title and brief, and each check marked
// done or not, in the till's language. Main sends both languages; the panel picks one.
import type { PracticeResult, PracticeScenarioInfo } from '../../../preload/contract/practice';

export interface PracticeLine {
  ok: boolean;
  /** Not colour alone: the mark says it too. */
  mark: '✓' | '✗';
  text: string;
}

const isArabic = (language: string): boolean => language.startsWith('ar');

export function scenarioText(scenario: PracticeScenarioInfo, language: string): { title: string; brief: string } {
  return isArabic(language) ? { title: scenario.titleAr, brief: scenario.briefAr } : { title: scenario.titleEn, brief: scenario.briefEn };
}

export function practiceLines(result: PracticeResult, language: string): PracticeLine[] {
  return result.checks.map((c) => ({ ok: c.ok, mark: c.ok ? '✓' : '✗', text: isArabic(language) ? c.ar : c.en }));
}
