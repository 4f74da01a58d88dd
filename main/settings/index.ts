export { openSettings, checkSettings, DEMO_SETTINGS, SKYBAND_SDK_KIT, TillSettings, TerminalSettings, PrinterSettings, StcPaySettings, type MadaEcrSettings, type NexoSettings, type SettingsStore } from './settings';
export { DEMO_VAT_NUMBER, NationalAddress, BackupSettings, UpdateSettings, type NationalAddress as NationalAddressValue } from './shop';
export { bilingual, fieldErrors, describeFieldErrors, type FieldError } from './messages';
export { exportable, settingAt, withSetting, simulatedDevices, isDemoIdentity, SECRET_SETTINGS, type ExportedSettings } from './keys';
export { EinvoicingSettings, VatReason } from './einvoicing';
export { DEFAULT_SCALE_LAYOUTS, ScaleBarcodeLayouts } from './scale';
export { readLogoFile, LOGO_MAX_BYTES, LOGO_MAX_SIDE, type LogoFileCheck } from './logo-file';
export { DEFAULT_ROLE_LIMIT_SETTINGS, RoleLimitsSettings, type RoleLimit } from './roles';
