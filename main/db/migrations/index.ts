// Every schema version, in order. Append only: a shipped migration is never edited, a new one is added
// with the next multiple of 10.
import type { Migration } from '../migrate';
import { migration0010Ledger } from './0010-ledger';
import { migration0020Catalog } from './0020-catalog';
import { migration0030Sales } from './0030-sales';
import { migration0040Payments } from './0040-payments';
import { migration0050Printing } from './0050-printing';
import { migration0060Seals } from './0060-seals';
import { migration0070PinGuard } from './0070-pin-guard';
import { migration0080Einvoicing } from './0080-einvoicing';
import { migration0090Returns } from './0090-returns';
import { migration0100ReturnRequests } from './0100-return-requests';
import { migration0120Shifts } from './0120-shifts';
import { migration0140ReturnSettlements } from './0140-return-settlements';
import { migration0150UnitInvoiceTypes } from './0150-unit-invoice-types';
import { migration0160TaxInvoices } from './0160-tax-invoices';
import { migration0170ParkedSales } from './0170-parked-sales';
import { migration0180WeighedGoods } from './0180-weighed-goods';
import { migration0190Discounts } from './0190-discounts';
import { migration0200Users } from './0200-users';
import { migration0210ZReports } from './0210-z-reports';
import { migration0220JournalByType } from './0220-journal-by-type';
import { migration0240DailyTotals } from './0240-daily-totals';
import { migration0250UserTotp } from './0250-user-totp';
import { migration0270DailyDiscounts } from './0270-daily-discounts';
import { migration0280StoreCredit } from './0280-store-credit';
import { migration0290UserPinIndex } from './0290-user-pin-index';
import { migration0300EinvoiceRejectedIndex } from './0300-einvoice-rejected-index';
import { migration0310StoreCreditVoid } from './0310-store-credit-void';

export const migrations: readonly Migration[] = [migration0010Ledger, migration0020Catalog, migration0030Sales, migration0040Payments, migration0050Printing, migration0060Seals, migration0070PinGuard, migration0080Einvoicing, migration0090Returns, migration0100ReturnRequests, migration0120Shifts, migration0140ReturnSettlements, migration0150UnitInvoiceTypes, migration0160TaxInvoices, migration0170ParkedSales, migration0180WeighedGoods, migration0190Discounts, migration0200Users, migration0210ZReports, migration0220JournalByType, migration0240DailyTotals, migration0250UserTotp, migration0270DailyDiscounts, migration0280StoreCredit, migration0290UserPinIndex, migration0300EinvoiceRejectedIndex, migration0310StoreCreditVoid];
