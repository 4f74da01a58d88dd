// The cashier's side of an STC Pay purchase. The STC Pay flow (stcpay/flow.ts) asks for the customer's mobile
// number and then for the code the customer reads from the app; this desk answers those questions for the
// payment service: the number was given with payStcPay, the code arrives later through submitStcPayOtp.
//
// Nothing here moves money or touches the ledger: it only joins a waiting flow to what the cashier typed. A
// cancel (the call's abort signal) answers "no code", which the flow turns into "not paid, nothing sent".
import type { OtpPrompt } from '../../preload/contract';
import type { StcPayInteraction } from './stcpay';
import { maskMobile } from './stcpay';

interface Waiting {
  intentId: string;
  msisdn: string;
  /** Set while the flow waits for a code. */
  deliver: ((otp: string | null) => void) | null;
  /** What the cashier is being asked, while the flow waits for a code. */
  prompt: OtpPrompt | null;
}

export interface OtpDesk {
  readonly interaction: StcPayInteraction;
  /** Before the purchase starts: which intent the reference belongs to and the customer's number (9665…). */
  expect(reference: string, intentId: string, msisdn: string): void;
  /** The cashier typed the code. False when that payment is not waiting for one. */
  submit(intentId: string, otp: string): boolean;
  /** The purchase is over (whatever its outcome): stop answering for it. */
  forget(reference: string): void;
  /** Called when a flow starts waiting for a code, so the screen can ask the cashier. */
  onPrompt(listener: (intentId: string, prompt: OtpPrompt) => void): void;
  /** The question the cashier is being asked for this payment right now (a view that loads mid-payment asks it too). */
  pending(intentId: string): OtpPrompt | null;
}

export function createOtpDesk(): OtpDesk {
  const byReference = new Map<string, Waiting>();
  let prompt: (intentId: string, p: OtpPrompt) => void = () => {};

  const interaction: StcPayInteraction = {
    async customer({ reference }) {
      const waiting = byReference.get(reference);
      return waiting ? { mobile: waiting.msisdn } : null;
    },
    otp({ reference, attempt, expiresAt, lastError }, signal) {
      const waiting = byReference.get(reference);
      if (!waiting || signal?.aborted) return Promise.resolve(null);
      return new Promise<string | null>((resolve) => {
        const done = (otp: string | null) => {
          waiting.deliver = null;
          waiting.prompt = null;
          signal?.removeEventListener('abort', onAbort);
          resolve(otp);
        };
        const onAbort = () => done(null);
        signal?.addEventListener('abort', onAbort, { once: true });
        waiting.deliver = done;
        waiting.prompt = { attempt, expiresAt: expiresAt.toISOString(), maskedMobile: maskMobile(waiting.msisdn), lastError };
        prompt(waiting.intentId, waiting.prompt);
      });
    },
  };

  return {
    interaction,
    expect(reference, intentId, msisdn) {
      byReference.set(reference, { intentId, msisdn, deliver: null, prompt: null });
    },
    submit(intentId, otp) {
      for (const waiting of byReference.values()) {
        if (waiting.intentId === intentId && waiting.deliver) {
          waiting.deliver(otp);
          return true;
        }
      }
      return false;
    },
    forget(reference) {
      byReference.get(reference)?.deliver?.(null);
      byReference.delete(reference);
    },
    onPrompt(listener) {
      prompt = listener;
    },
    pending(intentId) {
      for (const waiting of byReference.values()) if (waiting.intentId === intentId) return waiting.prompt;
      return null;
    },
  };
}
