// The in-process virtual printer the app uses today (demo and training): a Writable the till prints to.
// Built on the full simulator in ./printer-sim, which decodes raster/column images, cuts, drawer kicks
// and status requests, and tears off each receipt as a bitmap (`sim.receipts`, PNG via `image.toPng()`).
import { Writable } from 'node:stream';
import { createPrinterSim, type PrinterSim, type PrinterSimOptions } from './sim';
import type { PrinterCommand } from './commands';

export type { PrinterCommand };

export interface VirtualPrinter {
  /** The stream the till writes to. */
  input: Writable;
  commands: PrinterCommand[];
  drawerKicks(): number;
  /** Simulates a pulled cable: further writes fail. */
  unplug(): void;
  /** The simulator behind it: receipts as images, status to flip. */
  sim: PrinterSim;
}

export function createVirtualPrinter(options: PrinterSimOptions = {}): VirtualPrinter {
  const sim = createPrinterSim(options);
  let plugged = true;
  const input = new Writable({
    write(chunk: Buffer, _enc, done) {
      if (!plugged) return done(new Error('virtual printer is unplugged'));
      sim.feed(chunk);
      done();
    },
  });
  return {
    input,
    commands: sim.commands,
    drawerKicks: () => sim.drawerKicks(),
    unplug: () => {
      plugged = false;
    },
    sim,
  };
}
