// The virtual receipt printer's brain, independent of how bytes arrive (TCP, pty, in-process stream).
// It decodes ESC/POS, prints images onto a simulated roll, tears off receipts at each cut (as PNG-ready
// bitmaps), counts drawer kicks and answers status requests from a status that tests and the demo UI
// can flip at any time: paper out, cover open, offline, error.
//
// Like a real printer it keeps answering DLE EOT while offline, but holds everything else until it is
// back online; the held bytes count against a receive buffer, and a transport front-end stops reading
// when it is full (so the sender's writes stall, as with a real printer).
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { encodeStatus, STATUS_OK, type PrinterStatus } from '../../printing/escpos';
import type { MonoBitmap } from '../../printing/render';
import type { Decoded, PrinterCommand } from './commands';
import { StreamDecoder } from './decoder';
import { Paper } from './paper';

export interface PrintedReceipt {
  /** 1-based, in print order. */
  seq: number;
  image: MonoBitmap;
  cut: 'partial' | 'full' | null;
  /** Drawer pulses sent with this receipt (after its image, or right after its cut). */
  drawerKicks: number;
}

export interface PrinterSimOptions {
  /** Paper width in dots (576 for 80 mm, 384 for 58 mm). Default 576. */
  widthDots?: number;
  /** Receive buffer for data held while offline; default 4 KiB like many printers. */
  bufferBytes?: number;
  /** Write every torn-off receipt as receipt-0001.png … into this folder (demo, manual checks). */
  outputDir?: string;
  /** Keep at most this many receipts and commands in memory (a demo till runs for days). */
  keepReceipts?: number;
  keepCommands?: number;
}

type Reply = (bytes: Uint8Array) => void;

export interface PrinterSim {
  readonly widthDots: number;
  /** Feeds bytes from the host; `reply` carries status answers back (absent on one-way links). */
  feed(chunk: Uint8Array, reply?: Reply): void;
  readonly commands: PrinterCommand[];
  readonly receipts: PrintedReceipt[];
  status(): PrinterStatus;
  /** Changes the status at once (mid-job too); held data prints when the printer is back online. */
  setStatus(change: Partial<PrinterStatus>): void;
  /** Bytes held while offline; front-ends stop reading when this reaches the buffer size. */
  backlog(): number;
  readonly bufferBytes: number;
  drawerKicks(): number;
  /** What is on the paper since the last cut (a 58 mm printer without a cutter never cuts). */
  uncut(): MonoBitmap;
  /** Tears off whatever is printed as a receipt, as a tear-bar would. */
  tear(): PrintedReceipt | null;
  on(event: 'receipt', listener: (r: PrintedReceipt) => void): void;
  on(event: 'command', listener: (c: PrinterCommand) => void): void;
  on(event: 'status', listener: (s: PrinterStatus) => void): void;
  on(event: 'backlog-drained', listener: () => void): void;
  off(event: string, listener: (...args: never[]) => void): void;
}

export function createPrinterSim(options: PrinterSimOptions = {}): PrinterSim {
  const widthDots = options.widthDots ?? 576;
  const bufferBytes = options.bufferBytes ?? 4096;
  const keepReceipts = options.keepReceipts ?? 100;
  const keepCommands = options.keepCommands ?? 10_000;
  const events = new EventEmitter();
  const decoder = new StreamDecoder();
  const paper = new Paper(widthDots);
  const commands: PrinterCommand[] = [];
  const receipts: PrintedReceipt[] = [];
  let status: PrinterStatus = { ...STATUS_OK };
  const held: Decoded[] = [];
  let heldBytes = 0;
  let kicksTotal = 0;
  let kicksSinceCut = 0;
  let seq = 0;

  const blocked = () => !status.online || status.paperOut || status.coverOpen || status.error;

  const log = (c: PrinterCommand) => {
    commands.push(c);
    if (commands.length > keepCommands) commands.splice(0, commands.length - keepCommands);
    events.emit('command', c);
  };

  const finish = (image: MonoBitmap, cut: PrintedReceipt['cut']): PrintedReceipt => {
    const r: PrintedReceipt = { seq: ++seq, image, cut, drawerKicks: kicksSinceCut };
    kicksSinceCut = 0;
    receipts.push(r);
    if (receipts.length > keepReceipts) receipts.splice(0, receipts.length - keepReceipts);
    if (options.outputDir) {
      fs.mkdirSync(options.outputDir, { recursive: true });
      fs.writeFileSync(path.join(options.outputDir, `receipt-${String(r.seq).padStart(4, '0')}.png`), image.toPng());
    }
    events.emit('receipt', r);
    return r;
  };

  function answer(n: number, reply?: Reply) {
    if (!reply) return;
    const bytes = encodeStatus(status);
    const map: Record<number, number> = { 1: bytes.printer, 2: bytes.offlineCause, 3: bytes.errorCause, 4: bytes.paper };
    const b = map[n];
    if (b !== undefined) reply(Uint8Array.of(b));
  }

  function execute({ command: c, data }: Decoded, reply?: Reply) {
    switch (c.kind) {
      case 'init':
        paper.reset();
        break;
      case 'raster':
        paper.raster(c.widthBytes, c.rows, data!);
        break;
      case 'column':
        paper.column(c.mode, c.columns, data!);
        break;
      case 'newline':
        paper.newline();
        break;
      case 'text':
        paper.text();
        break;
      case 'feed':
        if (c.lines !== undefined) paper.feedLines(c.lines);
        else paper.feedDots(c.dots ?? 0);
        break;
      case 'line-spacing':
        paper.setLineSpacing(c.dots);
        break;
      case 'left-margin':
        paper.setLeftMargin(c.dots);
        break;
      case 'cut':
        if (c.feedUnits) paper.feedDots(c.feedUnits);
        finish(paper.cut(), c.mode);
        break;
      case 'drawer':
        kicksTotal++;
        // A pulse right after a cut belongs to the receipt just torn off (cash sale: print, cut, open).
        if (paper.height === 0 && receipts.length > 0) receipts[receipts.length - 1]!.drawerKicks++;
        else kicksSinceCut++;
        break;
      case 'queued-status-request':
        // GS r 1 = paper sensor, 2 = drawer; answered in sequence with the same bits as DLE EOT 4 / 1.
        answer(c.n === 2 ? 1 : 4, reply);
        break;
      default:
        break;
    }
  }

  function runHeld(reply?: Reply) {
    while (held.length && !blocked()) {
      const d = held.shift()!;
      heldBytes -= sizeOf(d);
      execute(d, reply);
    }
    if (held.length === 0) {
      heldBytes = 0;
      events.emit('backlog-drained');
    }
  }

  let lastReply: Reply | undefined;

  return {
    widthDots,
    bufferBytes,
    commands,
    receipts,
    feed(chunk, reply) {
      lastReply = reply;
      for (const d of decoder.push(chunk)) {
        const c = d.command;
        log(c.kind === 'raster' || c.kind === 'column' ? { ...c } : c);
        if (c.kind === 'status-request') {
          answer(c.n, reply); // real-time: answered even while offline or with data held
          continue;
        }
        if (blocked() || held.length) {
          held.push(d);
          heldBytes += sizeOf(d);
        } else execute(d, reply);
      }
    },
    status: () => ({ ...status }),
    setStatus(change) {
      status = { ...status, ...change };
      events.emit('status', { ...status });
      if (!blocked()) runHeld(lastReply);
    },
    backlog: () => heldBytes + decoder.pendingBytes,
    drawerKicks: () => kicksTotal,
    uncut: () => paper.peek(),
    tear: () => (paper.height ? finish(paper.tear(), null) : null),
    on: (event: string, listener: (...args: never[]) => void) => void events.on(event, listener as (...a: unknown[]) => void),
    off: (event: string, listener: (...args: never[]) => void) => void events.off(event, listener as (...a: unknown[]) => void),
  } as PrinterSim;
}

function sizeOf(d: Decoded): number {
  return (d.data?.length ?? 0) + 3;
}
