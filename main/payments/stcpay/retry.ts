// Asking STC Pay again about one payment, with growing pauses, until it gives a definite answer. Only the
// inquiry is ever repeated — never Authorize, Confirm or RefundPayment. The intent service has its own
// background recovery; this is for callers that drive the two steps themselves (and for the CLI).
import type { StcPayClient } from './client';
import type { InquiryResult } from './types';

export async function inquireUntilKnown(
  client: StcPayClient,
  reference: string,
  date: Date | undefined,
  options: { delaysMs?: readonly number[]; signal?: AbortSignal } = {},
): Promise<InquiryResult> {
  const delays = options.delaysMs ?? [1_000, 2_000, 5_000, 10_000];
  let answer = await client.inquire(reference, date, { signal: options.signal });
  for (const delay of delays) {
    // Pending is an answer, but not a final one: keep asking as for no answer at all.
    if (answer.kind === 'not_found' || (answer.kind === 'found' && answer.status !== 'pending') || options.signal?.aborted) return answer;
    await new Promise<void>((resolve) => {
      const t = setTimeout(resolve, delay);
      options.signal?.addEventListener('abort', () => { clearTimeout(t); resolve(); }, { once: true });
    });
    answer = await client.inquire(reference, date, { signal: options.signal });
  }
  return answer;
}
