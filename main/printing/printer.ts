// A receipt printer reached over a byte stream. The transport (in-process simulator today; TCP, serial,
// USB and the Windows spooler come with the printing issue) is any Node Writable.
import type { Writable } from 'node:stream';
import { drawerPulse, INIT, type DrawerPulse } from './escpos';

export interface ReceiptPrinter {
  /** Kicks the cash drawer wired to the printer. Rejects if the bytes could not be handed over in time. */
  openDrawer(): Promise<void>;
}

export function createEscPosPrinter(
  transport: Writable,
  options: { pulse?: DrawerPulse; timeoutMs?: number } = {},
): ReceiptPrinter {
  const timeoutMs = options.timeoutMs ?? 2000;
  const send = (bytes: Uint8Array) =>
    new Promise<void>((resolve, reject) => {
      if (transport.destroyed || !transport.writable) return reject(new Error('printer transport is closed'));
      const timer = setTimeout(() => reject(new Error('printer did not take the bytes in time')), timeoutMs);
      transport.write(bytes, (err) => {
        clearTimeout(timer);
        if (err) reject(err);
        else resolve();
      });
    });
  return {
    openDrawer: () => send(Buffer.concat([INIT, drawerPulse(options.pulse)])),
  };
}
