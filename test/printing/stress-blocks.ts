// Text that reaches far from its baseline or past its advance: full tashkeel, stacked marks, the lam-alef
// ligature, kashida, tall and deep Latin letters, accents, symbols, mixed runs, digits in both scripts,
// wrapping, inverted banners and tight spacing. Only characters the bundled fonts have (a missing one would come
// from the machine's own fonts and differ between machines). Drawn by the renderer as it was before it drew in strips
// (golden stress-*.png): the faster renderer must put the same dots down.
import type { Block } from '../../main/printing/layout';

export const STRESS_BLOCKS: Block[] = [
  { kind: 'text', text: 'بِسْمِ ٱللَّهِ ٱلرَّحْمَٰنِ ٱلرَّحِيمِ', align: 'center', size: 'title', bold: true },
  { kind: 'text', text: 'لا إِلَٰهَ إِلَّا ٱللَّٰهُ ١٢ ـــــــ لآلئ', align: 'right', size: 'large' },
  { kind: 'space', dots: 0 },
  { kind: 'text', text: 'ÅÉÎÕÜ gjpqy Ç Ø ß † ‡ ¶ § ™ ©', align: 'left', size: 'title' },
  { kind: 'text', text: 'نسخة COPY ًٌٍَُِّْ', align: 'center', size: 'large', bold: true, invert: true },
  { kind: 'pair', label: 'الإجماليّ شاملاً ضريبةَ القيمة المضافة', labelEn: 'Total incl. VAT', value: '١٬٢٣٤٫٥٦ ر.س', size: 'large', bold: true },
  { kind: 'pair', label: 'Qty × Price', value: '3 × 12.50 = 37.50' },
  { kind: 'separator', style: 'dashed' },
  {
    kind: 'columns',
    cells: [
      { lines: [{ text: 'عصير المراعي برتقال طازج ١٫٧٥ لتر بدون سكر مضاف', bold: true }, { text: 'Almarai Fresh Orange Juice 1.75L No Added Sugar', size: 'small' }], width: 0.55, align: 'right' },
      { lines: [{ text: '12 × 9.95', size: 'small' }], width: 0.22, align: 'center' },
      { lines: [{ text: '119.40' }], width: 0.23, align: 'left' },
    ],
  },
  { kind: 'text', text: 'Wrapped: ' + 'Supercalifragilisticexpialidocious'.repeat(3), align: 'left', size: 'small' },
  { kind: 'text', text: 'مُتَعَدِّدُ الأَسْطُرِ: ' + 'كلمةٌ طويلةٌ جِدّاً '.repeat(6), align: 'right', size: 'normal' },
  { kind: 'separator', style: 'double' },
  { kind: 'text', text: 'ABC 123 عربي 456 DEF ٧٨٩ (مختلط) [mixed] «quotes» — end.', align: 'center', size: 'normal', bold: true },
  { kind: 'space', dots: 1 },
  { kind: 'text', text: '(١) ؟ ، ؛ ٪ ‰ «لآ»', align: 'right', size: 'title' },
];
