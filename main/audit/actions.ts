// Which journal entries are privileged acts, under which audit action. Every such act is already a journal entry
// (written in the act's own transaction), so the audit list is a reading of the journal, never a second record.
// Catalog prices are not journaled yet (main/catalog writes no entry): no price-change action until they are.
import type { AuditAction } from '../../preload/contract';

export const AUDIT_TYPES: Readonly<Record<AuditAction, readonly string[]>> = {
  manager_approval: ['manager.authorised', 'manager.override'],
  // Discounts and prices set by hand (docs/discounts.md): each entry carries the approval when one was needed.
  discount: ['line.discount_set', 'sale.discount_set', 'line.price_set'],
  // The terminal's settlement and its reconciliation with the ledger (docs/shifts.md).
  settlement: ['terminal.settled', 'closing.reconciled'],
  manager_pin: ['manager.pin_failed', 'manager.pin_locked', 'manager.pin_unlocked', 'manager.pin_changed'],
  return: ['return.issued'],
  refund: ['return.cash_paid', 'payment.reversed'],
  void: ['sale.voided'],
  line_removed: ['line.removed'],
  drawer: ['drawer.opened_without_sale'],
  settings: ['settings.changed', 'settings.provisioned'],
  sign_in: ['people.signed_in', 'people.signed_out'],
  sign_in_failed: ['people.pin_failed', 'people.pin_locked'],
  // The Users tab's unlock of a paused sign-in is an admin's act on a user, listed with them.
  user: ['user.added', 'user.pin_set', 'user.deactivated', 'user.reactivated', 'user.badge_set', 'people.pin_unlocked'],
  payment_resolved: ['payment.resolved_by_manager'],
  z_closing: ['closing.z'],
  // A manager's void of a store credit voucher (its balance no longer spends), with the reason from the list.
  store_credit: ['credit.voided'],
  // Copies printed again, of a sale's receipt or of a refund receipt (whose copy carries a voucher's number, which
  // spends like cash).
  reprint: ['receipt.reprinted', 'return.reprinted'],
};

export const ACTION_OF: ReadonlyMap<string, AuditAction> = new Map(
  (Object.entries(AUDIT_TYPES) as Array<[AuditAction, readonly string[]]>).flatMap(([action, types]) => types.map((t) => [t, action] as const)),
);
