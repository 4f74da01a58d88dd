// The ESC/POS commands the till sends today. The drawer pulse is always the full five bytes: the truncated
// three-byte form some libraries send opens the drawer only every other time (printing.md).
export const ESC = 0x1b;

export const INIT = Uint8Array.of(ESC, 0x40);

export interface DrawerPulse {
  /** 0 = connector pin 2, 1 = pin 5. */
  pin: 0 | 1;
  /** On-time and off-time in units of 2 ms. */
  onUnits: number;
  offUnits: number;
}

export const DEFAULT_PULSE: DrawerPulse = { pin: 0, onUnits: 25, offUnits: 250 };

export function drawerPulse({ pin, onUnits, offUnits }: DrawerPulse = DEFAULT_PULSE): Uint8Array {
  if (onUnits < 1 || onUnits > 255 || offUnits < 1 || offUnits > 255) {
    throw new RangeError('drawer pulse times must be 1-255 units of 2 ms');
  }
  return Uint8Array.of(ESC, 0x70, pin, onUnits, offUnits);
}
