// The approver's second factor, asked for where main says so (docs/people.md). Main answers
// SECOND_FACTOR_REQUIRED to an approval that needs the authenticator code (an admin's admin action, a manager past
// a threshold); the view then asks for the code over the dialog that made the call and sends the same call again
// with `secondFactor`. A wrong or used code asks again, with main's message; cancelling answers the first refusal.
// Wrapping the API once keeps every approval dialog unaware of it, and none can forget it.
import type { NuqtaApi, Result } from '../../preload/contract/api';
import { ADMIN_ACTIONS } from '../../preload/contract/permissions';
import type { ErrorData } from '../../preload/contract/schemas';

/** The methods whose input carries `secondFactor` beside the PIN. */
export const SECOND_FACTOR_METHODS = [...ADMIN_ACTIONS, 'returnSale', 'settleReturnRequest', 'payReturnCash', 'approveShiftClose', 'closeDay'] as const;

const ASK_AGAIN = new Set(['SECOND_FACTOR_REQUIRED', 'SECOND_FACTOR_WRONG', 'SECOND_FACTOR_USED']);

/** Shows the code dialog: the code typed, or null when cancelled. `error` is why it is asked (again). */
export type AskSecondFactor = (error: ErrorData) => Promise<string | null>;

type Call = (input: Record<string, unknown>) => Promise<Result<unknown>>;

export function withSecondFactor(api: NuqtaApi, ask: AskSecondFactor): NuqtaApi {
  const asking =
    (call: Call): Call =>
    async (input) => {
      let result = await call(input);
      while (!result.ok && ASK_AGAIN.has(result.error.code)) {
        const code = await ask(result.error);
        if (code === null) return result;
        result = await call({ ...input, secondFactor: code });
      }
      return result;
    };
  const wrapped: Record<string, unknown> = { ...api };
  for (const method of SECOND_FACTOR_METHODS) wrapped[method] = asking(api[method] as unknown as Call);
  return wrapped as unknown as NuqtaApi;
}
