// A kiosk till is the machine's only job: it comes back by itself when the cashier's session starts (after a
// power cut, a Windows update restart), with no one at a keyboard to start it. Turning kiosk off removes that
// again, so a till taken out of kiosk mode stops starting on its own. Windows keeps this in the user's Run
// key; Electron has no login item on Linux (there the session's autostart does it: docs/release.md).
import type { AppLike } from './electron-types';

export function applyStartAtLogin(
  app: Pick<AppLike, 'getLoginItemSettings' | 'setLoginItemSettings'>,
  kiosk: boolean,
  log: { warn(message: string, detail?: unknown): void },
): void {
  try {
    if (kiosk) app.setLoginItemSettings({ openAtLogin: true });
    else if (app.getLoginItemSettings().openAtLogin) app.setLoginItemSettings({ openAtLogin: false });
  } catch (e) {
    // The registry refused (policy, a locked-down profile): the till still sells, it just does not autostart.
    log.warn('could not change whether the till starts at login', e);
  }
}
