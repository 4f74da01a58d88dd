// A message belongs to where it was raised: the sale on screen and the dialog over it. When that changes (a new
// sale, a dialog closed or another opened) an error raised before the change goes — a wrong PIN must not stay on
// the sale screen after the drawer closed, nor the last customer's unknown barcode on the next customer's sale.
// Notices stay: they report the change itself ("the sale was voided", "the card payment completed the sale"), and
// so does a message raised in the same moment as the change. Pure.

/** The context a message is raised in. */
export function bannerScope(saleId: string | null, dialog: string, paymentPanelOpen: boolean): string {
  return `${saleId ?? '-'}|${dialog}|${paymentPanelOpen ? 'payment' : '-'}`;
}

export interface ScopeSeen {
  scope: string;
  /** The banner shown when `scope` was last seen. */
  bannerId: number | null;
}

/** Whether the banner on screen now should go, given what was seen before this render. */
export function outOfScope(seen: ScopeSeen, scope: string, banner: { id: number; tone: 'error' | 'info' } | null): boolean {
  return banner !== null && banner.tone === 'error' && seen.scope !== scope && seen.bannerId === banner.id;
}
