// The shop header shared by the sales receipt and the card slip: logo, names, address, VAT number.
import type { Block } from './blocks';
import { T } from './texts';

export interface ShopInfo {
  nameAr: string;
  nameEn: string;
  /** Address lines as the shop wants them printed (national address, phone). */
  addressAr: string[];
  addressEn: string[];
  vatNumber?: string;
}

export function shopHeader(shop: ShopInfo, options: { logo: boolean; vat: boolean }): Block[] {
  const blocks: Block[] = [];
  if (options.logo) blocks.push({ kind: 'logo' }, { kind: 'space', dots: 6 });
  blocks.push(
    { kind: 'text', text: shop.nameAr, align: 'center', size: 'title', bold: true },
    { kind: 'text', text: shop.nameEn, align: 'center', size: 'large', bold: true },
  );
  for (const line of shop.addressAr) blocks.push({ kind: 'text', text: line, align: 'center', size: 'small' });
  for (const line of shop.addressEn) blocks.push({ kind: 'text', text: line, align: 'center', size: 'small' });
  if (options.vat && shop.vatNumber) {
    blocks.push({ kind: 'pair', label: T.vatNumber.ar, labelEn: T.vatNumber.en, value: shop.vatNumber, size: 'small' });
  }
  return blocks;
}
