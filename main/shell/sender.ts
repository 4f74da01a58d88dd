// Checklist item 17, after VS Code's validatedIpcMain: every IPC call must come from the main frame of one
// of our own windows while it shows app://nuqta. An iframe, a page a window was somehow navigated to,
// another webContents, or a frame that is already gone (senderFrame null) gets nothing. Which window sent
// the call then decides what it may call: the till window everything, the customer display only reads.
import { CUSTOMER_DISPLAY_METHODS, type MethodName } from '../../preload/contract';
import { customerDisplayMayCall } from '../ipc';
import type { InvokeEventLike, WebContentsLike } from './electron-types';
import { isAppUrl } from './origin';

export { CUSTOMER_DISPLAY_METHODS };

export type SenderRole = 'till' | 'customer';

/** The webContents of each live window, or null when that window is not open. */
export interface AppSenders {
  till: WebContentsLike | null;
  customer: WebContentsLike | null;
}

/** True when the call comes from the main frame of `appContents`, showing app://nuqta. */
export function isTrustedSender(event: InvokeEventLike, appContents: WebContentsLike | null): boolean {
  try {
    if (!appContents || appContents.isDestroyed()) return false;
    if (event.sender !== appContents) return false;
    const frame = event.senderFrame;
    if (!frame) return false;
    if (frame !== appContents.mainFrame || frame.parent !== null) return false;
    return isAppUrl(frame.url);
  } catch {
    // Reading a disposed frame throws in Electron; a frame we cannot inspect is not trusted.
    return false;
  }
}

/** Which of our windows sent the call, or null when it is none of them (or not from its main frame). */
export function senderRole(event: InvokeEventLike, senders: AppSenders): SenderRole | null {
  if (isTrustedSender(event, senders.till)) return 'till';
  if (isTrustedSender(event, senders.customer)) return 'customer';
  return null;
}

export function mayCall(role: SenderRole, method: MethodName): boolean {
  return role === 'till' || customerDisplayMayCall(method);
}
