// Standard (B2B) tax invoices at the counter: the buyer on the open sale (checkout), then ZATCA's clearance of the
// paid sale's invoice and the simplified invoice instead when it cannot be cleared (main/einvoicing).
import type { Receipt, TaxInvoiceState } from '../../preload/contract';
import type { Handlers } from '../ipc';
import type { ManagerAuth } from '../auth';
import type { Checkout } from '../checkout';
import type { Einvoicing } from '../einvoicing';

export interface TaxInvoiceDeps {
  checkout: Pick<Checkout, 'setBuyer' | 'removeBuyer'> & { receipt(receiptNo: string): Receipt };
  einvoicing: Pick<Einvoicing, 'taxInvoice' | 'issueSimplifiedInstead' | 'reissueRejected'>;
  manager: ManagerAuth;
}

export type TaxInvoiceHandlers = Pick<Handlers, 'setSaleBuyer' | 'removeSaleBuyer' | 'clearTaxInvoice' | 'issueSimplifiedInstead' | 'reissueRejectedEinvoice'>;

export function createTaxInvoiceHandlers({ checkout, einvoicing, manager }: TaxInvoiceDeps): TaxInvoiceHandlers {
  const stateOf = (receiptNo: string, record: Awaited<ReturnType<Einvoicing['taxInvoice']>>): TaxInvoiceState => ({
    receiptNo,
    clearance: record.state,
    messages: record.messages.map((m) => ({ code: m.code, message: m.message })),
    problem: record.settled ? null : record.lastError,
    receipt: checkout.receipt(receiptNo),
  });
  return {
    setSaleBuyer: ({ buyer }) => checkout.setBuyer(buyer),
    removeSaleBuyer: () => checkout.removeBuyer(),
    clearTaxInvoice: async ({ receiptNo, send }) => stateOf(receiptNo, await einvoicing.taxInvoice(receiptNo, send)),
    issueSimplifiedInstead: ({ receiptNo }) => stateOf(receiptNo, einvoicing.issueSimplifiedInstead(receiptNo)),
    reissueRejectedEinvoice: ({ egsId, icv, managerPin }) => {
      manager.check(managerPin);
      const { creditNote, invoice } = einvoicing.reissueRejected(egsId, icv);
      return { creditNote: { icv: creditNote.icv, number: creditNote.number }, invoice: { icv: invoice.icv, number: invoice.number } };
    },
  };
}
