export { createEscPosPrinter, type ReceiptPrinter } from './printer';
export { drawerPulse, DEFAULT_PULSE, INIT, type DrawerPulse } from './escpos';
