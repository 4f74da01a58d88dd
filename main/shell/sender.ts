// Checklist item 17, after VS Code's validatedIpcMain: every IPC call must come from the main frame of our
// own window while it shows app://nuqta. An iframe, a page the window was somehow navigated to, another
// webContents, or a frame that is already gone (senderFrame null) gets nothing.
import type { InvokeEventLike, WebContentsLike } from './electron-types';
import { isAppUrl } from './origin';

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
