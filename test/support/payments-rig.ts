// The till's ledger-side parts without a shell, for tests that drive the payment service directly with a
// connector of their own: a real SQLite file with every migration, the demo settings (no printer) and catalog,
// the journal, the intent store and checkout, wired as main/app wires them.
import path from 'node:path';
import { createManagerAuth } from '../../main/auth';
import { openCatalog, seedCatalogIfEmpty } from '../../main/catalog';
import { createCheckout } from '../../main/checkout';
import { demoCatalogCsv } from '../../main/paths';
import { openDatabase } from '../../main/db';
import { createJournal } from '../../main/ledger';
import { createIntentStore, createPayments, toSummary, type PaymentsDeps } from '../../main/payments';
import type { PaymentConnector } from '../../main/payments/connector';
import { DEMO_SETTINGS, openSettings } from '../../main/settings';

export function openTillParts(dir: string, tillId?: string) {
  const db = openDatabase(path.join(dir, 'till.db'));
  const settings = openSettings(db, { ...DEMO_SETTINGS, printer: null });
  seedCatalogIfEmpty(db, demoCatalogCsv());
  const catalog = openCatalog(db);
  const journal = createJournal(db, tillId ?? settings.get().tillId);
  const intents = createIntentStore(db);
  const checkout = createCheckout({
    db,
    journal,
    settings: settings.get,
    products: { byBarcode: catalog.findByBarcode, byId: catalog.getById },
    printer: null,
    onSaleChanged: () => undefined,
    pendingPayment: (saleId) => {
      const row = intents.pendingForSale(saleId);
      return row ? toSummary(row) : null;
    },
  });
  /** The payment service over these parts, with `connector` as the card terminal and quiet events. */
  const payments = (connector: PaymentConnector, terminalInfo: PaymentsDeps['terminalInfo'], recoveryDelaysMs: readonly number[]) =>
    createPayments({
      db,
      journal,
      tillId: () => tillId ?? settings.get().tillId,
      checkout,
      intents,
      connector,
      terminalInfo,
      manager: createManagerAuth({ db, journal, stored: () => settings.get().managerPin }),
      emitProgress: () => undefined,
      emitTerminal: () => undefined,
      recoveryDelaysMs,
    });
  return { db, settings, journal, intents, checkout, payments };
}
