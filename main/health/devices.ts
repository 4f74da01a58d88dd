// The card terminal, the receipt printer and STC Pay, as their own status objects say.
import type { PrinterStatus, TerminalStatus } from '../../preload/contract';
import { check, text, type HealthCheck } from './types';

export function terminalCheck(t: TerminalStatus): HealthCheck {
  const facts = { transport: t.transport, checkedAt: t.checkedAt, lastOkAt: t.lastOkAt, latencyMs: t.latencyMs };
  if (!t.configured) return check('terminal', 'off', text('No card terminal on this till', 'لا يوجد جهاز دفع بالبطاقة في هذه النقطة'));
  if (t.needsAttention.length > 0) {
    return check(
      'terminal',
      'warning',
      text(`${t.needsAttention.length} card payment(s) need a manager`, `${t.needsAttention.length} عملية دفع تحتاج إلى المدير`),
      text('Open the terminal panel and settle them with the terminal receipt.', 'افتح لوحة الجهاز وحسمها بإيصال الجهاز.'),
      facts,
    );
  }
  switch (t.health) {
    case 'connected':
    case 'busy':
      return check('terminal', 'ok', text('Card terminal answers', 'جهاز الدفع يستجيب'), null, facts);
    case 'disconnected':
      return check(
        'terminal',
        'problem',
        text(`Card terminal not reachable${t.detail ? `: ${t.detail}` : ''}`, 'جهاز الدفع لا يستجيب'),
        text('Check its cable or network and that it is switched on; take cash meanwhile.', 'تحقق من الكابل أو الشبكة وأن الجهاز يعمل؛ واقبل النقد مؤقتًا.'),
        facts,
      );
    default:
      return check('terminal', 'warning', text('Card terminal not checked yet', 'لم يُفحص جهاز الدفع بعد'), text('Press "check again".', 'اضغط "افحص مجددًا".'), facts);
  }
}

const PRINTER: Record<PrinterStatus['state'], [HealthCheck['state'], string, string, string | null, string | null]> = {
  ready: ['ok', 'Printer ready', 'الطابعة جاهزة', null, null],
  paper_near_end: ['warning', 'Paper roll nearly finished', 'ورق الطابعة قارب على النفاد', 'Have a new roll ready.', 'جهّز لفة ورق جديدة.'],
  paper_out: ['problem', 'Printer out of paper', 'نفد ورق الطابعة', 'Put in a new roll; queued receipts print then.', 'ضع لفة جديدة؛ تُطبع الإيصالات المنتظرة بعدها.'],
  cover_open: ['problem', 'Printer cover open', 'غطاء الطابعة مفتوح', 'Close the cover.', 'أغلق الغطاء.'],
  offline: ['problem', 'Printer offline', 'الطابعة غير متصلة', 'Check the printer is on and not in an error state.', 'تحقق أن الطابعة تعمل وليست في حالة خطأ.'],
  disconnected: ['problem', 'Printer not reachable', 'لا يمكن الوصول إلى الطابعة', 'Check its cable or network.', 'تحقق من الكابل أو الشبكة.'],
  unknown: ['ok', 'Printer link cannot report status', 'وصلة الطابعة لا تبلّغ عن حالتها', null, null],
  not_checked: ['warning', 'Printer not checked yet', 'لم تُفحص الطابعة بعد', 'Press "check again".', 'اضغط "افحص مجددًا".'],
};

export function printerCheck(p: PrinterStatus): HealthCheck {
  if (!p.configured) return check('printer', 'off', text('No receipt printer on this till', 'لا توجد طابعة إيصالات في هذه النقطة'));
  if (p.error) return check('printer', 'problem', text(p.error.message_en, p.error.message_ar), null, { transport: p.transport });
  const [state, en, ar, doEn, doAr] = PRINTER[p.state];
  return check('printer', state, text(en, ar), doEn && doAr ? text(doEn, doAr) : null, { transport: p.transport, profile: p.profile, checkedAt: p.checkedAt });
}

export function stcPayCheck(t: TerminalStatus): HealthCheck {
  const s = t.stcPay;
  if (!s) return check('stcpay', 'off', text('STC Pay not set up on this till', 'STC Pay غير مُعد في هذه النقطة'));
  const facts = { transport: s.transport, checkedAt: s.checkedAt, lastOkAt: s.lastOkAt, latencyMs: s.latencyMs };
  if (s.health === 'connected') return check('stcpay', 'ok', text('STC Pay answers', 'STC Pay يستجيب'), null, facts);
  if (s.health === 'disconnected') {
    return check(
      'stcpay',
      'problem',
      text(`STC Pay not reachable${s.detail ? `: ${s.detail}` : ''}`, 'لا يمكن الوصول إلى STC Pay'),
      text('Check the shop\'s internet connection; take cash or card meanwhile.', 'تحقق من اتصال المتجر بالإنترنت؛ واقبل النقد أو البطاقة مؤقتًا.'),
      facts,
    );
  }
  return check('stcpay', 'warning', text('STC Pay not checked yet', 'لم يُفحص STC Pay بعد'), text('Press "check again".', 'اضغط "افحص مجددًا".'), facts);
}
