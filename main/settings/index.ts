export { openSettings, DEMO_SETTINGS, TillSettings, type SettingsStore } from './settings';
