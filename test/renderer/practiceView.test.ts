import { describe, expect, it } from 'vitest';
import { practiceLines, scenarioText } from '../../renderer/admin/training/practiceView';

const scenario = { id: 'return', titleAr: 'مرتجع', titleEn: 'A return', briefAr: 'أرجع صنفًا.', briefEn: 'Return an item.' };
const result = {
  scenarioId: 'return',
  passed: false,
  checks: [
    { ok: true, ar: 'صدر مرتجع', en: 'A return was issued' },
    { ok: false, ar: 'مع ذكر السبب', en: 'With its reason' },
  ],
};

describe("the trainer's Practice panel", () => {
  it('shows each check marked done or not, in the till language', () => {
    expect(practiceLines(result, 'ar')).toEqual([
      { ok: true, mark: '✓', text: 'صدر مرتجع' },
      { ok: false, mark: '✗', text: 'مع ذكر السبب' },
    ]);
    expect(practiceLines(result, 'en').map((l) => `${l.mark} ${l.text}`)).toEqual(['✓ A return was issued', '✗ With its reason']);
  });
  it("shows a scenario's title and brief in the till language", () => {
    expect(scenarioText(scenario, 'ar')).toEqual({ title: 'مرتجع', brief: 'أرجع صنفًا.' });
    expect(scenarioText(scenario, 'en-US')).toEqual({ title: 'A return', brief: 'Return an item.' });
  });
});
