export { openSettings, DEMO_SETTINGS, TillSettings, TerminalSettings, type SettingsStore } from './settings';
