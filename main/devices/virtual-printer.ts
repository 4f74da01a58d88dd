// A virtual ESC/POS printer: reads the bytes the till sends and decodes the commands it knows, so the demo,
// training mode and tests can see what a real printer would have done. It grows into the full raster
// decoder with the printing issue.
import { Writable } from 'node:stream';

export type PrinterCommand =
  | { kind: 'init' }
  | { kind: 'drawer'; pin: number; onUnits: number; offUnits: number }
  | { kind: 'unknown'; byte: number };

export interface VirtualPrinter {
  /** The stream the till writes to. */
  input: Writable;
  commands: PrinterCommand[];
  drawerKicks(): number;
  /** Simulates a pulled cable: further writes fail. */
  unplug(): void;
}

export function createVirtualPrinter(): VirtualPrinter {
  const commands: PrinterCommand[] = [];
  let pending = Buffer.alloc(0);
  let plugged = true;

  const decode = () => {
    let i = 0;
    while (i < pending.length) {
      const b = pending[i]!;
      if (b !== 0x1b) {
        commands.push({ kind: 'unknown', byte: b });
        i += 1;
        continue;
      }
      const op = pending[i + 1];
      if (op === undefined) break;
      if (op === 0x40) {
        commands.push({ kind: 'init' });
        i += 2;
      } else if (op === 0x70) {
        if (pending.length < i + 5) break;
        commands.push({ kind: 'drawer', pin: pending[i + 2]!, onUnits: pending[i + 3]!, offUnits: pending[i + 4]! });
        i += 5;
      } else {
        commands.push({ kind: 'unknown', byte: b });
        i += 1;
      }
    }
    pending = pending.subarray(i);
  };

  const input = new Writable({
    write(chunk: Buffer, _enc, done) {
      if (!plugged) return done(new Error('virtual printer is unplugged'));
      pending = Buffer.concat([pending, chunk]);
      decode();
      done();
    },
  });

  return {
    input,
    commands,
    drawerKicks: () => commands.filter((c) => c.kind === 'drawer').length,
    unplug: () => {
      plugged = false;
    },
  };
}
