// The Electron shell: windows, app:// scheme, security handlers and IPC binding around a running till.
export { startShell, type Shell, type ShellDeps, type ShellLog } from './start';
export type { ElectronModule } from './electron-types';
export { APP_ORIGIN, APP_ENTRY_URL, CUSTOMER_ENTRY_URL, isAppUrl } from './origin';
export { CONTENT_SECURITY_POLICY, createAppProtocolHandler } from './protocol';
export { CUSTOMER_DISPLAY_METHODS, isTrustedSender, mayCall, senderRole, type SenderRole } from './sender';
export { mainWindowOptions } from './window';
export { customerDisplayMode, customerWindowOptions, type CustomerDisplayMode } from './customer';
export { installCrashGuard, CRASH_LOG_FILE, type CrashGuard, type CrashGuardOptions } from './crash-guard';
export { CRASH_HISTORY_FILE, CRASH_LOOP_COUNT, CRASH_LOOP_WINDOW_MS } from './crash-history';
export { APPLY_STAGED_FLAG, applyStagedEntry, applyStagedFromDebService, applyStagedFromTask, windowsUpdatesDir, type ApplyDebEntryDeps, type ApplyEntryDeps } from './apply-staged-entry';
export { debUpdatesDir, platformInstaller, WINDOWS_PUBLISHER } from './installer';
