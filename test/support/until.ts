// Waiting for something a till does in the background (a report sent, a receipt printed): polled every 50 ms,
// failing with what was awaited when it does not happen in time.
/** A check may be async (a call to the till); a promise is awaited, never taken as true. */
export async function until(check: () => boolean | Promise<boolean>, ms = 10_000, what = 'the condition'): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
