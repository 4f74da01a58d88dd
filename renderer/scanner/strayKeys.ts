// Characters typed where nothing takes text — a prompt's buttons, a list, the dialog itself — can only be a
// scanner that was too slow or too uneven for the wedge detector, or keys that mean nothing. When such a run ends
// in Enter it is read as a barcode (by physical key, like a scan) whatever its timing, so that Enter never falls
// through to the prompt as a confirmation and the scanned item is not silently lost. Main judges the barcode:
// keys a person pressed by mistake come back as a bilingual refusal, not as an action.
// Pure: feed it key events, it answers on Enter. No DOM, no timers.
import { usCharForCode } from './usKeyboard';
import type { Keystroke } from './wedge';

export interface StrayKeys {
  /** Record one keydown; `takesText` says whether the element it went to is a text field. A barcode on Enter, else null. */
  feed(k: Keystroke, takesText: boolean): string | null;
}

const IGNORED = /^(Shift|Control|Alt|Meta|OS)(Left|Right)$|^(CapsLock|NumLock|Fn)$/;

/** `minLength`: the shortest run read as a barcode (the wedge's own minimum, so both rules agree). */
export function createStrayKeys(minLength: number): StrayKeys {
  let chars = '';
  return {
    feed(k, takesText) {
      if (IGNORED.test(k.code) || k.key === 'Shift') return null;
      if (k.code === 'Enter' || k.code === 'NumpadEnter' || k.key === 'Enter') {
        const barcode = !takesText && chars.length >= minLength ? chars : null;
        chars = '';
        return barcode;
      }
      const char = k.ctrlKey || k.altKey || k.metaKey || k.repeat ? null : usCharForCode(k.code, k.shiftKey, k.capsLock ?? false);
      // A field took the key, or it was not a character (Tab, an arrow, a function key): a person is working.
      if (takesText || char === null) chars = '';
      else if (chars.length < 128) chars += char;
      return null;
    },
  };
}
