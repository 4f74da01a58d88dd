// What the person at the till is told when main keeps crashing and is not restarted again.
import { defineErrors } from '../errors';

export const shellErrorCatalog = defineErrors({
  TILL_CRASH_LOOP: {
    ar: 'توقفت نقطة البيع بعد أعطال متكررة ولن تُعاد تشغيلها تلقائيًا. البيع المفتوح محفوظ. شغّلها مرة أخرى، وإن توقفت ثانية فاتصل بالدعم وأرسل لهم السجل:',
    en: 'The till stopped after repeated failures and will not restart by itself. The open sale is saved. Start it again; if it stops again, call support and send them the log:',
  },
});

export type ShellErrorCode = keyof typeof shellErrorCatalog.text;
