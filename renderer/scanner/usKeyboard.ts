// A keyboard-wedge scanner emulates a US keyboard: it sends the physical key positions a US layout would
// use for each character. Decoding those positions (KeyboardEvent.code) instead of the characters the OS
// produced (KeyboardEvent.key) reads the barcode right whatever layout is active: under Arabic the same
// keys type ض ص ث or ١٢٣, but their codes are still KeyQ, KeyW, Digit1.

const UNSHIFTED: Readonly<Record<string, string>> = {
  Digit0: '0', Digit1: '1', Digit2: '2', Digit3: '3', Digit4: '4',
  Digit5: '5', Digit6: '6', Digit7: '7', Digit8: '8', Digit9: '9',
  Minus: '-', Equal: '=', BracketLeft: '[', BracketRight: ']', Backslash: '\\',
  Semicolon: ';', Quote: "'", Backquote: '`', Comma: ',', Period: '.', Slash: '/', Space: ' ',
};

const SHIFTED: Readonly<Record<string, string>> = {
  Digit0: ')', Digit1: '!', Digit2: '@', Digit3: '#', Digit4: '$',
  Digit5: '%', Digit6: '^', Digit7: '&', Digit8: '*', Digit9: '(',
  Minus: '_', Equal: '+', BracketLeft: '{', BracketRight: '}', Backslash: '|',
  Semicolon: ':', Quote: '"', Backquote: '~', Comma: '<', Period: '>', Slash: '?', Space: ' ',
};

// The numeric keypad types the same characters with or without Shift, and whatever NumLock says:
// scanners that use it send digits.
const NUMPAD: Readonly<Record<string, string>> = {
  NumpadDecimal: '.', NumpadAdd: '+', NumpadSubtract: '-', NumpadMultiply: '*', NumpadDivide: '/',
};

/** The character a US keyboard types for this physical key, or null if it is not a character key. */
export function usCharForCode(code: string, shift: boolean, capsLock = false): string | null {
  const letter = /^Key([A-Z])$/.exec(code);
  if (letter?.[1]) return shift !== capsLock ? letter[1] : letter[1].toLowerCase();
  const numpadDigit = /^Numpad([0-9])$/.exec(code);
  if (numpadDigit?.[1]) return numpadDigit[1];
  return NUMPAD[code] ?? (shift ? SHIFTED[code] : UNSHIFTED[code]) ?? null;
}

/**
 * True when KeyboardEvent.key is text the key put into the field (a letter, "لا", a space) rather than a
 * named key such as "Enter", "F1" or "ArrowLeft" (named values are ASCII words of two or more characters).
 */
export function isTextKey(key: string): boolean {
  return key.length > 0 && !/^[A-Za-z][A-Za-z0-9]+$/.test(key);
}
