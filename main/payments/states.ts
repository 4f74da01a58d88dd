// The sets of intent states the money rules are written in. Each set is named once, here, and used by the SQL
// of the intent store and by the service alike, so a new state cannot be added to one list and forgotten in
// another.
import type { IntentState } from '../../preload/contract';

/** The terminal's (or provider's) answer is still awaited: only an answer, or a manager with evidence, settles it. */
export const AWAITING = ['sending', 'awaiting', 'unknown'] as const satisfies readonly IntentState[];

/** Not settled yet, a reversal in progress included: no new payment starts while one exists. */
export const UNSETTLED = [...AWAITING, 'reversing'] as const satisfies readonly IntentState[];

/** The till let the payment go: an approval found afterwards belongs to no sale (reversed or listed). */
export const RELEASED = ['declined', 'not_found'] as const satisfies readonly IntentState[];

/** A person must look: in doubt, an approval no sale took, a reversal under way. */
export const NEEDS_ATTENTION = ['unknown', 'orphaned', 'reversing'] as const satisfies readonly IntentState[];

/** Refunds that count against what is left of the original: approved, and every one still in doubt. */
export const REFUND_COUNTS = [...AWAITING, 'approved'] as const satisfies readonly IntentState[];

/** Still worth asking the terminal again about in the background. */
export const ASK_AGAIN = ['unknown', 'reversing'] as const satisfies readonly IntentState[];

export const isIn = (set: readonly IntentState[], state: IntentState): boolean => set.includes(state);

/** A set as an SQL list for `state IN (…)` (the states are fixed words, never input). */
export const sqlList = (set: readonly IntentState[]): string => set.map((s) => `'${s}'`).join(', ');
