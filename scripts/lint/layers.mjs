// The architecture as data: which folders are units, in which order they may depend on each other, and what
// each unit offers to the others. docs/architecture.md draws the same picture; the lint rules in
// ./house-rules.mjs enforce it on every build (npm run lint, part of npm run test:all).
//
// A unit may import only units in LOWER groups, never one in its own group or a higher one. So there is no
// upward import and no cycle between folders by construction. A domain is entered only through a door: its
// index.ts, or the index.ts of one of its sub-folders (a published sub-package, e.g. payments/ecr, the SkyBand
// codec the terminal simulator shares with the till).

/** Lowest first. Units in one group are siblings: none may import another. */
export const LAYERS = [
  ['preload/contract'],
  ['main/errors'],
  // Money's split of a total is fiscal's too (the e-invoice's line nets, the sale's discount).
  ['main/money'],
  ['main/paths', 'main/fiscal'],
  ['main/db', 'main/logging'],
  ['main/ledger', 'main/settings', 'main/secrets', 'main/catalog', 'main/ipc', 'main/devices'],
  // Health reads the status objects the composition root hands it; updates get the till's state and settings
  // as plain data. Neither depends on a domain (updates may use settings' types).
  ['main/health', 'main/updates'],
  // The manager PIN's guard is journaled; people (users, sign-in) likewise.
  ['main/auth', 'main/einvoicing', 'main/people'],
  // Store credit: vouchers a return issues (returns') and a sale takes as a tender (checkout's).
  ['main/printing', 'main/credit'],
  ['main/checkout'],
  // Backups read the receipt-number high-water mark (checkout's) and verify with the projections the root hands in.
  ['main/payments', 'main/backup'],
  // Returns refund a receipt's lines (checkout's receipts) and credit its invoice.
  ['main/returns'],
  // Shifts sum a shift's cash from the sales' tenders (checkout's) and the returns' cash refunds.
  ['main/shifts'],
  // Closing reads the period's sales, payments, returns and shifts (through the journal) for the X and Z reports;
  // audit reads the privileged acts back from the journal.
  ['main/closing', 'main/audit'],
  // Exports write the reports (closing's) and the audit list (audit's) as CSV and PDF files.
  ['main/exports'],
  // Simulators speak the real protocols (they use the codecs of payments and printing) and are wired in only
  // by the composition root: no domain imports one.
  ['main/sim'],
  ['main/app'],
  ['main/host', 'main/shell', 'main/cli'],
  ['main/entry'],
];

/** The preload bridge (not the contract) and the renderer: each may use the contract and nothing of main. */
export const VIEW_UNITS = ['preload', 'renderer'];

/** Only these may import a simulator (besides tests and scripts). */
export const SIMULATOR_USERS = ['main/app', 'main/entry', 'main/sim'];

/** Packages the contract may import: it is shared by main, the preload and the renderer. */
export const CONTRACT_PACKAGES = ['zod'];

/** Native or Node-only packages the renderer must never import (it is a sandboxed web page). */
export const NODE_ONLY_PACKAGES = ['electron', 'better-sqlite3', 'serialport', 'ws', '@napi-rs/canvas', 'pino', 'rotating-file-stream'];

/**
 * Files of main/ that turn halalas into text or text into halalas (printing, provider wire formats, CSV
 * prices): the only places money may meet division, decimals or rounding to text. Everything else computes
 * in integer halalas (main/money holds the one rounding rule, ZATCA's half-up).
 */
export const MONEY_FORMATTING_FILES = [
  'main/money/rounding.ts',
  'main/money/vat.ts',
  'main/catalog/price.ts',
  'main/fiscal/amount.ts',
  'main/fiscal/einvoice/decimal.ts',
  'main/printing/layout/format.ts',
  'main/payments/nexo/amount.ts',
  'main/payments/stcpay/amount.ts',
  'main/sim/stcpay/wire-out.ts',
];
