// What each contract method needs of whoever calls it (issue 14, docs/people.md). Main's dispatcher refuses a
// call before its input is even read (SIGNED_OUT, PERMISSION_DENIED); the renderer only hides what would be
// refused. The table must name every method: a method added to ./methods.ts without its line here is a type
// error, so nobody can add a method that is open by forgetting.
import type { UserRole } from './people';
import type { MethodName } from './methods';

/**
 * - `open`: no sign-in: what the locked screen may show or do (the sale, receipts, health, signing in).
 * - `sell`: anyone signed in, a trainee too: ringing up and paying a sale.
 * - `till`: signed-in staff but not a trainee: the drawer's shift and cash.
 * - `approve:supervisor`, `approve:manager`: an action that carries an approver's PIN (`managerPin`); any
 *   signed-in staff but a trainee may ask, the PIN must be an active user of that role or above (main/auth), and
 *   the approval is journaled (`manager.override`) with both users.
 * - `view:supervisor`, `view:manager`: a read shown only after such a PIN (the X report, the admin screen's
 *   pages): checked the same way, but not journaled — reading changes nothing, the ledger included.
 */
export const PERMISSIONS = ['open', 'sell', 'till', 'approve:supervisor', 'approve:manager', 'view:supervisor', 'view:manager'] as const;
export type Permission = (typeof PERMISSIONS)[number];
/** The permissions whose calls carry an approver's PIN. */
export type ApprovePermission = Extract<Permission, `approve:${string}` | `view:${string}`>;

export const METHOD_PERMISSIONS = {
  getTill: 'open',
  setTraining: 'approve:manager',
  listPracticeScenarios: 'open',
  // The trainer starts a scenario with their PIN; checking it is any staff's but a trainee's (the trainer's).
  startPractice: 'approve:supervisor',
  checkPractice: 'till',
  setPreferences: 'open',
  getSale: 'open',
  scanBarcode: 'sell',
  addProduct: 'sell',
  setQuantity: 'sell',
  removeLine: 'sell',
  // Within the till's limit a cashier's call; past it main asks for an approver's PIN itself (docs/discounts.md).
  setLineDiscount: 'sell',
  setSaleDiscount: 'sell',
  overridePrice: 'sell',
  voidSale: 'sell',
  tenderCash: 'sell',
  searchCatalog: 'open',
  getReceipt: 'open',
  payCard: 'sell',
  payStcPay: 'sell',
  submitStcPayOtp: 'sell',
  // A card payment that is waiting can be let go while the till is locked: it may still complete at the terminal.
  cancelCardPayment: 'open',
  recoverPayment: 'open',
  resolvePayment: 'approve:manager',
  reverseCardPayment: 'approve:supervisor',
  getReturnable: 'open',
  // Within the signed-in role's limit (main/people/limits.ts) alone; past it main asks for an approver's PIN itself.
  // 'till', not 'sell': a trainee neither refunds nor opens the drawer, with or without an approver.
  returnSale: 'till',
  // Not 'open' like a sale's reprint: a refund receipt may carry a bearer store credit voucher, and a copy of it
  // spends like the paper the customer holds. Signed-in staff (not a trainee) only, named in the journal.
  reprintReturn: 'till',
  getTerminalStatus: 'open',
  checkTerminal: 'open',
  repeatLastTransaction: 'open',
  settleTerminal: 'approve:manager',
  getHealth: 'open',
  checkHealth: 'open',
  getPrinterStatus: 'open',
  listPrintJobs: 'open',
  retryPrintJob: 'open',
  cancelPrintJob: 'open',
  reprintReceipt: 'open',
  getReceiptImage: 'open',
  listReceipts: 'open',
  openDrawer: 'till',
  getSettings: 'view:manager',
  updateSettings: 'approve:manager',
  commissioningStep: 'approve:manager',
  getCommissioningReport: 'open',
  getEinvoicing: 'view:manager',
  onboardEinvoicing: 'approve:manager',
  renewEinvoicing: 'approve:manager',
  listEinvoices: 'view:manager',
  getUpdates: 'view:manager',
  checkUpdates: 'approve:manager',
  downloadUpdate: 'approve:manager',
  importUpdateFolder: 'approve:manager',
  installUpdate: 'approve:manager',
  getShift: 'open',
  openShift: 'till',
  cashMovement: 'till',
  closeShift: 'till',
  approveShiftClose: 'approve:supervisor',
  listWaitingReturns: 'open',
  settleReturnRequest: 'approve:supervisor',
  payReturnCash: 'approve:supervisor',
  // A voucher's balance, for whoever serves its bearer; voiding it is a manager's (the shop stops owing the balance).
  getStoreCredit: 'till',
  voidStoreCredit: 'approve:manager',
  findSalesOfItem: 'open',
  setSaleBuyer: 'sell',
  removeSaleBuyer: 'sell',
  clearTaxInvoice: 'open',
  issueSimplifiedInstead: 'open',
  reissueRejectedEinvoice: 'approve:manager',
  getXReport: 'view:supervisor',
  getSalesReport: 'view:supervisor',
  // Exports write a file into the till's own exports/ folder and change nothing in the ledger: reads behind a PIN.
  exportXReport: 'view:supervisor',
  exportZReport: 'view:supervisor',
  // Who did what (the audit list) is for a manager.
  listAudit: 'view:manager',
  exportAudit: 'view:manager',
  closeDay: 'approve:manager',
  // A verified copy of the ledger into the backup folder (the closing checklist): whoever may read the X.
  backupForClosing: 'approve:supervisor',
  listZReports: 'view:manager',
  currentUser: 'open',
  signIn: 'open',
  signOut: 'open',
  // One's own enrolment: signed in, not a trainee; main refuses any role but manager and admin (TOTP_NOT_FOR_ROLE).
  startTotpEnrolment: 'till',
  confirmTotpEnrolment: 'till',
  listUsers: 'view:manager',
  addUser: 'approve:manager',
  changeUser: 'approve:manager',
  // Only a till with no active user has no one to sign in; main refuses it once any user is (FIRST_ADMIN_EXISTS).
  addFirstAdmin: 'open',
  // Any signed-in user may be asking for an approval (a trainee's discount too); the PIN that follows decides.
  presentApproverBadge: 'sell',
  // A cancelled approval dialog lets its badge go, even after the till locked itself meanwhile: forgetting a badge
  // gives nobody anything.
  dropApproverBadge: 'open',
  parkSale: 'sell',
  listParkedSales: 'sell',
  recallSale: 'sell',
  voidParkedSale: 'sell',
} as const satisfies { readonly [M in MethodName]: Permission };

export const ROLES = ['trainee', 'cashier', 'supervisor', 'manager', 'admin'] as const satisfies readonly UserRole[];

/** Who may call a method of each permission (approvals: who may ask; the approver is checked by the PIN). */
const CALLERS: { readonly [P in Permission]: readonly UserRole[] } = {
  open: ROLES,
  sell: ROLES,
  till: ['cashier', 'supervisor', 'manager', 'admin'],
  'approve:supervisor': ['cashier', 'supervisor', 'manager', 'admin'],
  'approve:manager': ['cashier', 'supervisor', 'manager', 'admin'],
  'view:supervisor': ['cashier', 'supervisor', 'manager', 'admin'],
  'view:manager': ['cashier', 'supervisor', 'manager', 'admin'],
};

/** Whose PIN approves a method of each approval permission. */
const APPROVERS: { readonly [P in ApprovePermission]: readonly UserRole[] } = {
  'approve:supervisor': ['supervisor', 'manager', 'admin'],
  'approve:manager': ['manager', 'admin'],
  'view:supervisor': ['supervisor', 'manager', 'admin'],
  'view:manager': ['manager', 'admin'],
};

/**
 * The admin actions (issue 14): approved by an admin, they also need that admin's authenticator code (the input's
 * `secondFactor`, main/auth). Reads behind a PIN are not actions. Users are managed here and by the CLI; secrets
 * (they come with the settings' connections or the CLI) and restore are the CLI's, run from the till's own shell,
 * and have no contract method of their own.
 */
export const ADMIN_ACTIONS = [
  'updateSettings',
  'commissioningStep',
  'onboardEinvoicing',
  'renewEinvoicing',
  'checkUpdates',
  'downloadUpdate',
  'importUpdateFolder',
  'installUpdate',
  'addUser',
  'changeUser',
] as const satisfies readonly MethodName[];
export const isAdminAction = (method: MethodName): boolean => (ADMIN_ACTIONS as readonly MethodName[]).includes(method);

export const permissionOf = (method: MethodName): Permission => METHOD_PERMISSIONS[method];
export const needsSignIn = (permission: Permission): boolean => permission !== 'open';
export const roleMayCall = (role: UserRole, permission: Permission): boolean => CALLERS[permission].includes(role);
/** Whether the call carries an approver's PIN (`approve:` and `view:`). */
export const isApproval = (permission: Permission): permission is ApprovePermission => permission.startsWith('approve:') || permission.startsWith('view:');
/** Whether an approval is journaled: an action is, a read behind a PIN is not. */
export const approvalIsJournaled = (permission: ApprovePermission): boolean => permission.startsWith('approve:');
export const roleMayApprove = (role: UserRole, permission: ApprovePermission): boolean => APPROVERS[permission].includes(role);
