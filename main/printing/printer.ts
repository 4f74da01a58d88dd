// A receipt printer reached over any transport: prints rendered receipts and kicks the cash drawer wired
// to it. `createEscPosPrinter(writable)` (the in-process virtual printer) still works as before.
import { Writable } from 'node:stream';
import { drawerPulse, INIT, type DrawerPulse } from './escpos/commands';
import type { MonoImage } from './escpos/image';
import { encodeImageJob, type JobOptions } from './escpos/job';
import type { PrinterStatus } from './escpos/status';
import { PrinterError } from './errors';
import { sendJob, type SendResult } from './print-job';
import { bandRowsForStatus, profileByName, type PrinterProfile } from './profiles';
import { createStreamTransport } from './transport/stream';
import type { PrinterTransport } from './transport/types';

export interface ReceiptPrinter {
  /** Kicks the cash drawer wired to the printer. Rejects if the bytes could not be handed over in time. */
  openDrawer(): Promise<void>;
}

export interface EscPosPrinter extends ReceiptPrinter {
  readonly profile: PrinterProfile;
  readonly transport: PrinterTransport;
  /** Prints a rendered receipt (init, image, feed, cut, optional drawer kick). */
  printImage(image: MonoImage, options?: JobOptions): Promise<SendResult>;
  /** Null when the transport cannot read status (USB printer class, Windows spooler). */
  status(): Promise<PrinterStatus | null>;
  close(): Promise<void>;
}

export interface EscPosPrinterOptions {
  pulse?: DrawerPulse;
  /** Write timeout when given a Writable (default 2 s, as before). */
  timeoutMs?: number;
  /** Profile id or model name (default generic 80 mm). */
  profile?: string | PrinterProfile;
}

export function createEscPosPrinter(target: Writable | PrinterTransport, options: EscPosPrinterOptions = {}): EscPosPrinter {
  const transport = target instanceof Writable ? createStreamTransport(target, { writeTimeoutMs: options.timeoutMs ?? 2000, description: 'virtual printer' }) : target;
  const profile = typeof options.profile === 'object' ? options.profile : profileByName(options.profile);
  const pulse = options.pulse ?? profile.drawer;
  return {
    profile,
    transport,
    openDrawer: async () => {
      const bytes = new Uint8Array(INIT.length + 5);
      bytes.set(INIT);
      bytes.set(drawerPulse(pulse), INIT.length);
      await transport.write(bytes);
    },
    printImage: (image, jobOptions = {}) => {
      const drawer = jobOptions.drawer === true ? pulse : jobOptions.drawer;
      // With status watched between bands, each band must fit the printer's receive buffer.
      const bandRows = jobOptions.bandRows ?? (transport.status ? bandRowsForStatus(profile) : undefined);
      return sendJob(transport, encodeImageJob(image, profile, { ...jobOptions, drawer, bandRows }));
    },
    status: async () => (transport.status ? transport.status() : null),
    close: () => transport.close(),
  };
}

export { PrinterError };
