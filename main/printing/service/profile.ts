// The printer profile named in the settings, strictly. profileByName falls back to generic 80 mm for any
// name it does not know, which is right for a model string a printer reports but wrong for the settings:
// a typo there would silently print 80 mm raster images on a 58 mm column-only printer. So an unknown
// name is a configuration error the manager sees in the printer status.
import { DEFAULT_PROFILE_ID, profileByName, type PrinterProfile } from '../profiles';
import { PrintServiceError } from './errors';

export function resolveProfile(name: string): PrinterProfile {
  const profile = profileByName(name);
  const fellBack = profile.id === DEFAULT_PROFILE_ID && name.trim().toLowerCase() !== DEFAULT_PROFILE_ID;
  if (fellBack) throw new PrintServiceError('PRINTER_CONFIG', `unknown printer profile "${name}"`);
  return profile;
}
