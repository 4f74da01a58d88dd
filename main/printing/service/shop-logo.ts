// The logo the print service hands each receipt render: the shop's own file when `receipt.logoFile` is set,
// rasterised once for the setting, the file (its size and time) and the paper width, and kept; undefined (the
// built-in logo) when none is set or the file cannot be used. That is never a failed receipt: the receipt
// carries the built-in logo and the log says why, once per change of the setting or the file.
import fs from 'node:fs';
import type { TillSettings } from '../../settings';
import type { MonoImage } from '../escpos/image';
import { rasterShopLogo, ShopLogoError } from '../render/shop-logo';

export interface ShopLogos {
  /**
   * The shop's logo at this width, or undefined for the built-in one. Never rejects. With no logo set it answers
   * at once, not with a promise: a receipt without one is rendered without waiting a tick, as before.
   */
  forPrint(settings: TillSettings, widthDots: number): Promise<MonoImage | undefined> | undefined;
}

export function createShopLogos(log: { warn(message: string, detail?: unknown): void }): ShopLogos {
  let key: string | null = null;
  let current: Promise<MonoImage | undefined> = Promise.resolve(undefined);
  return {
    forPrint(settings, widthDots) {
      const file = settings.receipt.logoFile;
      if (file === null) {
        key = null;
        return undefined;
      }
      const next = `${widthDots}|${stampOf(file)}|${file}`;
      if (next !== key) {
        key = next;
        current = rasterShopLogo(file, widthDots).catch((e: unknown) => {
          const why = e instanceof ShopLogoError ? `${e.en} / ${e.ar}` : e instanceof Error ? e.message : String(e);
          log.warn(`receipt logo ${file}: ${why}; printing the built-in logo instead`);
          return undefined;
        });
      }
      return current;
    },
  };
}

/** The file as it is now: a logo replaced under the same name is read again; one that went missing, too. */
function stampOf(file: string): string {
  try {
    const s = fs.statSync(file);
    return `${s.size}@${s.mtimeMs}`;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code ?? 'unreadable';
  }
}
