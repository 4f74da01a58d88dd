// Shifts and the cash drawer: float, paid-ins, paid-outs, safe drops, the blind count and its over/short.
export { createShifts, type Shifts, type ShiftsDeps } from './shifts';
export { shiftsProjection } from './projection';
export { SHIFT_ENTRY, shiftNumberText } from './entries';
