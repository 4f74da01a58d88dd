// The shop logo: a 1-bit PNG in resources/logo, blitted as is (thermal heads print no grey, so the file is
// already black and white; see resources/logo/README.md for how it is made).
import fs from 'node:fs';
import path from 'node:path';
import { resourcesDir } from '../../paths';
import { MonoBitmap } from './bitmap';

export const LOGO_FILE = 'nuqta-logo.png';

export function defaultLogoPath(): string {
  const packaged = (process as { resourcesPath?: string }).resourcesPath;
  if (packaged) {
    const file = path.join(packaged, 'resources', 'logo', LOGO_FILE);
    if (fs.existsSync(file)) return file;
  }
  return path.join(resourcesDir(), 'logo', LOGO_FILE);
}

const cache = new Map<string, MonoBitmap>();

export function loadLogo(file: string = defaultLogoPath()): MonoBitmap {
  let logo = cache.get(file);
  if (!logo) {
    logo = MonoBitmap.fromPng(fs.readFileSync(file));
    cache.set(file, logo);
  }
  return logo;
}
