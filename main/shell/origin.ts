// The one origin the app's UI lives at. Everything else (navigation targets, IPC senders, protocol hosts)
// is compared against it.

export const APP_SCHEME = 'app';
export const APP_HOST = 'nuqta';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * True when `url` is on app://nuqta. We compare scheme and host ourselves: Node's URL gives "null" as the
 * origin of a non-special scheme, so `new URL(url).origin` cannot be used here.
 */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** The customer-facing display: the same bundle, told by the fragment to render the read-only view. */
export const CUSTOMER_ENTRY_URL = `${APP_ENTRY_URL}#view=customer`;
