// The call being answered: which contract method, and who is signed in. The dispatcher sets it around the
// handler (through every await), so a check deep in a domain — the approver's PIN in main/auth — knows which
// action it approves and for whom without every call site passing it along.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { MethodName, SignedInUser } from '../../preload/contract';

export interface CallContext {
  method: MethodName;
  /** Null: an open method (nobody is asked for), or a till with no users yet. */
  user: SignedInUser | null;
  /** The approver's authenticator code, when the input carries one (`secondFactor`, checked by main/auth). */
  secondFactor?: string;
}

const calls = new AsyncLocalStorage<CallContext>();

export const runInCall = <T>(context: CallContext, fn: () => T): T => calls.run(context, fn);

/** The call being answered, or undefined outside one (the CLI, a background job, a test calling a domain). */
export const currentCall = (): CallContext | undefined => calls.getStore();
