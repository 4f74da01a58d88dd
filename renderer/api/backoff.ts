// Reconnect delays: quick at first (the host may only be restarting), capped so a till that lost its host
// keeps trying every few seconds without flooding it.
export const BACKOFF_BASE_MS = 250;
export const BACKOFF_MAX_MS = 5000;

export function backoffDelay(attempt: number, base = BACKOFF_BASE_MS, max = BACKOFF_MAX_MS): number {
  const exponent = Math.min(Math.max(attempt, 0), 20);
  return Math.min(max, base * 2 ** exponent);
}
