// The pole display and the serial barcode scanner, started from the till's settings. Both are optional and
// neither may stop the till: a pole that fails is logged, a scanner whose cable is pulled reconnects on its
// own, and a refused serial scan reaches every view as a `scanRejected` event, like a refused wedge scan.
import type { EventName, EventPayload, Sale } from '../../preload/contract';
import { createPoleDisplay, createSerialPoleTransport } from '../devices/pole-display';
import { createSerialScanner } from '../devices/serial-scanner';
import type { Dispatch } from '../ipc';
import type { TillSettings } from '../settings';
import type { TillEventListener } from './types';

/** What the pole says while the till is in training (Latin only): no customer takes a training sale for real. */
export const POLE_TRAINING = { upper: 'TRAINING', lower: 'NOT A REAL SALE' } as const;

export interface PeripheralDeps {
  settings: TillSettings;
  /** The till is the training till (docs/training.md): the pole says so whenever no item is on it. */
  training?: boolean;
  dispatch: Dispatch;
  subscribe(listener: TillEventListener): () => void;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  log?: { warn(message: string, detail?: unknown): void };
}

export function startPeripherals({ settings, training = false, dispatch, subscribe, emit, log = console }: PeripheralDeps) {
  const stops: Array<() => Promise<void> | void> = [];

  if (settings.poleDisplay) {
    const pole = createPoleDisplay({ transport: createSerialPoleTransport(settings.poleDisplay) });
    // Blank between sales on the live till; in training the notice instead. Each till shows its own as it opens,
    // so switching into training puts the notice up and switching back takes it down.
    const idle = () => (training ? pole.notice(POLE_TRAINING.upper, POLE_TRAINING.lower) : pole.clear());
    const show = async (sale: Sale) => {
      const last = sale.lines[sale.lines.length - 1];
      if (!last) return idle();
      // The pole shows Latin only: the English name and the amount, the sale total below (in training the total
      // is labelled so).
      await pole.showLine(last.nameEn, last.lineTotalHalalas);
      await pole.showTotal(sale.totals.totalHalalas, training ? POLE_TRAINING.upper : undefined);
    };
    idle().catch((e: unknown) => log.warn('pole display', e));
    const off = subscribe((event, payload) => {
      if (event === 'saleChanged') show(payload as Sale).catch((e: unknown) => log.warn('pole display', e));
    });
    stops.push(off, () => pole.close());
  }

  if (settings.serialScanner) {
    const scanner = createSerialScanner({
      ...settings.serialScanner,
      onScan: (barcode) => {
        void dispatch('scanBarcode', { barcode }).then((result) => {
          if (!result.ok) emit('scanRejected', { source: 'serial_scanner', barcode, error: result.error });
        });
      },
      onError: (e) => log.warn('serial scanner', e),
    });
    stops.push(() => scanner.close());
  }

  return {
    async close() {
      for (const stop of stops.reverse()) await stop();
    },
  };
}
