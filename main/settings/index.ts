export { openSettings, DEMO_SETTINGS, TillSettings, TerminalSettings, PrinterSettings, StcPaySettings, type MadaEcrSettings, type NexoSettings, type SettingsStore } from './settings';
