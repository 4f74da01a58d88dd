// The customer pole: the item just scanned and its price on the upper line, the running total on the
// lower one, "THANK YOU" after the sale. The pole is a courtesy, never in the way of a sale: callers may
// ignore a rejected promise (log it); each call replaces whole lines, so the next one repairs the display.
import { CLEAR, INIT, writeLine } from './cd5220';
import { asciiFold, centred, formatSar, twoColumns } from './text';
import type { PoleTransport } from './transport';

export interface PoleDisplay {
  /** Upper line: the item's English name and its amount. */
  showLine(name: string, amountHalalas: number): Promise<void>;
  /** Lower line: the sale total, labelled TOTAL (or `label`: TRAINING on the training till). */
  showTotal(totalHalalas: number, label?: string): Promise<void>;
  thankYou(): Promise<void>;
  /** Both lines for a notice of the till's own (training), centred. */
  notice(upper: string, lower: string): Promise<void>;
  clear(): Promise<void>;
  close(): Promise<void>;
}

/** Shown when a name has nothing printable left (an Arabic-only name). */
export const FALLBACK_NAME = 'ITEM';

export function createPoleDisplay({ transport }: { transport: PoleTransport }): PoleDisplay {
  let initialised = false;
  // Writes go out in call order: a slow port must not show an older total after a newer one.
  let chain: Promise<unknown> = Promise.resolve();
  const send = (bytes: Uint8Array): Promise<void> => {
    const run = chain.then(async () => {
      // ESC @ once per connection state: after a failure the next write starts clean again.
      if (!initialised) {
        await transport.write(INIT);
        initialised = true;
      }
      await transport.write(bytes);
    });
    chain = run.catch(() => {
      initialised = false;
    });
    return run;
  };

  return {
    showLine: (name, amountHalalas) => send(writeLine('upper', twoColumns(asciiFold(name) || FALLBACK_NAME, formatSar(amountHalalas)))),
    showTotal: (totalHalalas, label = 'TOTAL') => send(writeLine('lower', twoColumns(label, formatSar(totalHalalas)))),
    thankYou: () => send(concat(writeLine('upper', centred('THANK YOU')), writeLine('lower', ''))),
    notice: (upper, lower) => send(concat(writeLine('upper', centred(asciiFold(upper))), writeLine('lower', centred(asciiFold(lower))))),
    clear: () => send(CLEAR),
    close: async () => {
      await chain;
      await transport.close();
    },
  };
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
