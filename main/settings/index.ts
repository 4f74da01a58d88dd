export { openSettings, DEMO_SETTINGS, TillSettings, TerminalSettings, PrinterSettings, type SettingsStore } from './settings';
