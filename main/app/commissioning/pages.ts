// What the commissioning prints: a test page (Arabic shaped right to left, Latin, digits, a QR and the cut the
// profile makes) and the report at the end. Both go through the same renderer and link as a receipt.
import type { CommissioningReport } from '../../../preload/contract';
import type { Block } from '../../printing';
import type { TillSettings } from '../../settings';

const STEP_NAMES: Record<CommissioningReport['steps'][number]['step'], { ar: string; en: string }> = {
  identity: { ar: 'هوية المتجر', en: 'Shop identity' },
  printer: { ar: 'الطابعة', en: 'Printer' },
  drawer: { ar: 'درج النقد', en: 'Cash drawer' },
  scanner: { ar: 'الماسح', en: 'Scanner' },
  customerDisplay: { ar: 'شاشة العميل', en: 'Customer display' },
  cardTerminal: { ar: 'جهاز الدفع', en: 'Card terminal' },
  providers: { ar: 'STC Pay / nexo', en: 'STC Pay / nexo' },
};

const header = (settings: TillSettings, titleAr: string, titleEn: string): Block[] => [
  { kind: 'text', text: settings.shopNameAr, align: 'center', size: 'large', bold: true },
  { kind: 'text', text: settings.shopNameEn, align: 'center' },
  { kind: 'text', text: `${titleAr} — ${titleEn}`, align: 'center', size: 'normal', bold: true, invert: true },
  { kind: 'pair', label: 'نقطة البيع', labelEn: 'Till', value: `${settings.tillId} (${settings.tillName})` },
];

export function testPage(settings: TillSettings, at: string): Block[] {
  return [
    ...header(settings, 'صفحة اختبار الطابعة', 'Printer test page'),
    { kind: 'pair', label: 'الوقت', labelEn: 'Time', value: at },
    { kind: 'separator', style: 'dashed' },
    { kind: 'text', text: 'اختبار الطباعة العربية: أبجد هوز حطي كلمن ٠١٢٣٤٥٦٧٨٩', align: 'right' },
    { kind: 'text', text: 'Latin text and digits 0123456789', align: 'left' },
    { kind: 'pair', label: 'الإجمالي', labelEn: 'Total', value: '1.00', bold: true },
    { kind: 'separator', style: 'solid' },
    { kind: 'text', text: 'إذا ظهر رمز QR أدناه وقُصّت الورقة بعده فالطابعة جاهزة.', align: 'center', size: 'small' },
    { kind: 'text', text: 'If a QR code shows below and the paper is cut after it, the printer is ready.', align: 'center', size: 'small' },
    { kind: 'qr', data: `nuqta:commissioning:${settings.tillId}:${at}` },
    { kind: 'space', dots: 24 },
  ];
}

export function reportPage(settings: TillSettings, report: CommissioningReport, at: string): Block[] {
  const lines: Block[] = report.steps.map((s) => ({
    kind: 'pair',
    label: STEP_NAMES[s.step].ar,
    labelEn: STEP_NAMES[s.step].en,
    value: s.ok ? 'ناجح OK' : `فشل FAILED ${s.error?.code ?? ''}`.trim(),
  }));
  return [
    ...header(settings, 'تقرير تشغيل نقطة البيع', 'Commissioning report'),
    { kind: 'pair', label: 'الرقم الضريبي', labelEn: 'VAT', value: settings.vatNumber },
    { kind: 'pair', label: 'الوقت', labelEn: 'Time', value: at },
    { kind: 'separator', style: 'dashed' },
    ...lines,
    { kind: 'separator', style: 'double' },
    {
      kind: 'text',
      text: report.complete ? 'كل الاختبارات ناجحة — All self-tests passed' : 'لم تنجح كل الاختبارات — Not every self-test passed',
      align: 'center',
      bold: true,
    },
    { kind: 'space', dots: 24 },
  ];
}
