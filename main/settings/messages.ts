// One bilingual error per settings field, whichever way the value came (the admin screen, `nuqta config`, a
// provisioning file): the same words for the same mistake. A schema rule that needs its own words carries them
// as bilingual(); any other rule is described from zod's issue, in both languages.
import type { z } from 'zod';

export interface FieldError {
  /** The dotted settings key, e.g. `nationalAddress.postalCode` (empty for the whole object). */
  key: string;
  en: string;
  ar: string;
  /** zod's issue code, when zod found it (`invalid_type`, `too_big`, …). */
  code?: string;
}

const MARK = 'nuqta-bilingual:';

/** A rule's message in both languages, kept in the one string zod carries. */
export const bilingual = (en: string, ar: string): string => `${MARK}${JSON.stringify({ en, ar })}`;

function fromMark(message: string): { en: string; ar: string } | null {
  if (!message.startsWith(MARK)) return null;
  try {
    const parsed = JSON.parse(message.slice(MARK.length)) as { en?: unknown; ar?: unknown };
    return typeof parsed.en === 'string' && typeof parsed.ar === 'string' ? { en: parsed.en, ar: parsed.ar } : null;
  } catch {
    return null;
  }
}

const TYPE_AR: Record<string, string> = {
  string: 'نص',
  number: 'رقم',
  boolean: 'true أو false',
  object: 'كائن JSON',
  array: 'قائمة',
  null: 'null',
};

function generic(issue: z.core.$ZodIssue): { en: string; ar: string } {
  switch (issue.code) {
    case 'invalid_type':
      return { en: `expected ${issue.expected}`, ar: `القيمة المتوقعة: ${TYPE_AR[issue.expected] ?? issue.expected}` };
    case 'too_small':
      return issue.origin === 'string'
        ? { en: `at least ${String(issue.minimum)} characters`, ar: `${String(issue.minimum)} حرف على الأقل` }
        : { en: `at least ${String(issue.minimum)}`, ar: `لا تقل عن ${String(issue.minimum)}` };
    case 'too_big':
      return issue.origin === 'string'
        ? { en: `at most ${String(issue.maximum)} characters`, ar: `${String(issue.maximum)} حرف على الأكثر` }
        : { en: `at most ${String(issue.maximum)}`, ar: `لا تزيد على ${String(issue.maximum)}` };
    case 'invalid_value': {
      const options = issue.values.map((v) => JSON.stringify(v)).join(', ');
      return { en: `one of ${options}`, ar: `إحدى القيم: ${options}` };
    }
    case 'invalid_union':
      return { en: 'not one of the accepted forms (check "kind")', ar: 'ليست من الصيغ المقبولة (راجع "kind")' };
    case 'unrecognized_keys':
      return { en: `unknown setting ${issue.keys.join(', ')}`, ar: `إعداد غير معروف: ${issue.keys.join(', ')}` };
    case 'invalid_format':
      return { en: `not a valid ${issue.format}`, ar: `صيغة غير صحيحة (${issue.format})` };
    default:
      return { en: issue.message, ar: 'قيمة غير صالحة' };
  }
}

export function fieldErrors(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.map((issue) => ({ key: issue.path.map(String).join('.'), code: issue.code, ...(fromMark(issue.message) ?? generic(issue)) }));
}

/** For logs, the CLI and a TillError's detail: `key: english / arabic; …`. */
export const describeFieldErrors = (errors: readonly FieldError[]): string =>
  errors.map((e) => `${e.key || '(settings)'}: ${e.en} / ${e.ar}`).join('; ');
