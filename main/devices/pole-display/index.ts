// The CD5220 customer pole display: driver and serial link (its simulator is main/sim/pole-display).
export { createPoleDisplay, FALLBACK_NAME, type PoleDisplay } from './display';
export { createSerialPoleTransport, type PoleTransport, type SerialPoleOptions } from './transport';
export { PoleDisplayError, poleErrorCatalog, type PoleErrorCode } from './errors';
export { COLUMNS, INIT, CLEAR, writeLine, type PoleLine } from './cd5220';
export { asciiFold, formatSar, twoColumns, centred } from './text';
