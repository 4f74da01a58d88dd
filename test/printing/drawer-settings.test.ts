import { describe, expect, it } from 'vitest';
import { DEFAULT_PULSE, drawerPulse } from '../../main/printing';
import { drawerPulseOf } from '../../main/printing/service/service';

describe("the drawer's pulse", () => {
  const citizen = { pin: 0 as const, onUnits: 50, offUnits: 250 };

  it("is the printer profile's unless the admin set one", () => {
    expect(drawerPulseOf(null, citizen)).toBe(citizen);
    expect(drawerPulseOf(null, DEFAULT_PULSE)).toBe(DEFAULT_PULSE);
  });

  it('takes the pin (2 → m=0, 5 → m=1) and the on-time in 2 ms units from the settings, the off-time from the profile', () => {
    expect(drawerPulseOf({ pin: 5, pulseMs: 120 }, citizen)).toEqual({ pin: 1, onUnits: 60, offUnits: 250 });
    expect(drawerPulseOf({ pin: 2, pulseMs: 2 }, citizen)).toEqual({ pin: 0, onUnits: 1, offUnits: 250 });
    expect(drawerPulseOf({ pin: 2, pulseMs: 510 }, citizen)).toEqual({ pin: 0, onUnits: 255, offUnits: 250 });
    // ESC p m t1 t2 on the wire.
    expect([...drawerPulse(drawerPulseOf({ pin: 5, pulseMs: 120 }, citizen))]).toEqual([0x1b, 0x70, 1, 60, 250]);
  });
});
