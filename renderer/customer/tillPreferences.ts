// How the customer display keeps to the till's language and digit style. Main's preferencesChanged event
// says at once when the cashier switches (F9 / F10); the till's own getTill, read at start and after every
// reconnect (an event may have been missed while the link was down), says what they are now. Nothing polls.
import type { Preferences } from '../../preload/contract/schemas';
import type { Carrier } from '../api/carrier';

export interface TillPreferences {
  /** The carrier to read the till through: every getTill answer shows its preferences (unless overtaken). */
  carrier: Carrier;
  /** Listens for main's preferencesChanged; returns the function that stops listening. */
  listen(): () => void;
}

/**
 * `show` is told the preferences to display, from events as they arrive and from getTill answers. An answer is
 * dropped if an event arrived after its question was sent: main answers a call and sends events over one
 * link in the order it handles them, so such an event is at least as new as the answer.
 */
export function followTillPreferences(carrier: Carrier, show: (prefs: Preferences) => void): TillPreferences {
  const { api } = carrier;
  let heard = 0;
  const getTill: Carrier['api']['getTill'] = async (input) => {
    const asked = heard;
    const result = await api.getTill(input);
    if (result.ok && heard === asked) show(result.value.preferences);
    return result;
  };
  return {
    carrier: { ...carrier, api: { ...api, getTill } },
    listen: () =>
      api.onPreferencesChanged((prefs) => {
        heard += 1;
        show(prefs);
      }),
  };
}
