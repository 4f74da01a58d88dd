// Update failures and the reasons an update waits, as data: a stable code and a sentence in each language for
// the admin screen, the health page and `nuqta update`. Every failure says what happened to the till (nothing:
// an update is never half-applied here) and what to do.
import { defineErrors } from '../errors';

export const updateErrorCatalog = defineErrors({
  UPDATE_NO_FEED: {
    ar: 'لا يوجد عنوان لخادم التحديثات. حدّده في الإعدادات (nuqta config set updates.feedUrl https://…) أو استخدم ملف تحديث على قرص USB.',
    en: 'No update feed is set. Set one in the settings (nuqta config set updates.feedUrl https://…) or use an update file on a USB drive.',
  },
  UPDATE_NOT_HTTPS: {
    ar: 'عنوان التحديث ليس https، فلم يُستخدم. لم يتغير شيء.',
    en: 'The update address is not https, so it was not used. Nothing was changed.',
  },
  UPDATE_FEED_UNREACHABLE: {
    ar: 'تعذر الوصول إلى خادم التحديثات (الشبكة أو الخادم). لم يتغير شيء؛ نقطة البيع تعمل كما هي. أعد المحاولة لاحقًا.',
    en: 'The update feed cannot be reached (network or server). Nothing was changed; the till works as before. Try again later.',
  },
  UPDATE_TOO_LARGE: {
    ar: 'ما أرسله خادم التحديثات أكبر من الحد المسموح، فرُفض. لم يتغير شيء.',
    en: 'The update feed sent more than is allowed, so it was refused. Nothing was changed.',
  },
  UPDATE_SIGNATURE_MISSING: {
    ar: 'التحديث بلا توقيع (latest.json.sig مفقود)، فرُفض. لم يتغير شيء. اتصل بالدعم.',
    en: 'The update has no signature (latest.json.sig is missing), so it was refused. Nothing was changed. Call support.',
  },
  UPDATE_SIGNATURE_INVALID: {
    ar: 'توقيع التحديث غير صحيح أو بمفتاح غير موثوق، فرُفض. لم يتغير شيء. لا تثبّت هذا التحديث؛ اتصل بالدعم.',
    en: 'The update\'s signature is wrong or made with a key this till does not trust, so it was refused. Nothing was changed. Do not install this update; call support.',
  },
  UPDATE_NO_TRUSTED_KEY: {
    ar: 'هذا الإصدار من نقطة البيع لا يحمل مفتاح توقيع للتحديثات، فلا يقبل أي تحديث. ثبّت الإصدار التالي من مثبّت موقّع.',
    en: 'This build of the till carries no update signing key, so it accepts no update. Install the next version from a signed installer.',
  },
  UPDATE_MANIFEST_INVALID: {
    ar: 'وصف التحديث (latest.json) غير صالح، فرُفض. لم يتغير شيء. اتصل بالدعم.',
    en: 'The update description (latest.json) is not valid, so it was refused. Nothing was changed. Call support.',
  },
  UPDATE_WRONG_CHANNEL: {
    ar: 'التحديث لقناة إصدارات أخرى، فرُفض. لم يتغير شيء. تحقق من عنوان خادم التحديثات.',
    en: 'The update is for another release channel, so it was refused. Nothing was changed. Check the update feed address.',
  },
  UPDATE_NOT_NEWER: {
    ar: 'التحديث ليس أحدث من الإصدار العامل، فرُفض (لا رجوع إلى إصدار أقدم). لم يتغير شيء.',
    en: 'The update is not newer than the version running, so it was refused (no downgrades). Nothing was changed.',
  },
  UPDATE_NO_FILE_FOR_PLATFORM: {
    ar: 'لا يحتوي التحديث على ملف تثبيت لهذا النوع من الأجهزة. لم يتغير شيء.',
    en: 'The update has no installer for this kind of till. Nothing was changed.',
  },
  UPDATE_FILE_MISSING: {
    ar: 'ملف التثبيت غير موجود بجانب latest.json في مجلد التحديث. انسخ المجلد كاملًا ثم أعد المحاولة.',
    en: 'The installer is not beside latest.json in the update folder. Copy the whole folder and try again.',
  },
  UPDATE_FILE_MISMATCH: {
    ar: 'ملف التثبيت لا يطابق ما وقّعه المورّد (الحجم أو البصمة)، فحُذف ولم يُعتمد. لم يتغير شيء. أعد التنزيل أو انسخ الملف من جديد.',
    en: 'The installer does not match what the vendor signed (size or checksum), so it was deleted and not kept. Nothing was changed. Download or copy it again.',
  },
  UPDATE_OFFLINE_MISMATCH: {
    ar: 'ملف التثبيت في مجلد التحديث لا يطابق ما وقّعه المورّد (الحجم أو البصمة)، فلم يُستخدم. لم يتغير شيء. انسخ مجلد التحديث من جديد من مصدر سليم.',
    en: 'The installer in the update folder does not match what the vendor signed (size or checksum), so it was not used. Nothing was changed. Copy the update folder again from a good source.',
  },
  UPDATE_DISK: {
    ar: 'تعذر حفظ ملف التحديث على القرص (المساحة أو الصلاحيات). لم يتغير شيء في نقطة البيع.',
    en: 'The update file could not be saved to disk (space or permissions). Nothing of the till was changed.',
  },
  UPDATE_NOTHING_STAGED: {
    ar: 'لا يوجد تحديث جاهز للتثبيت. نزّله أولًا أو استورد مجلد تحديث.',
    en: 'No update is ready to install. Download one first or import an update folder.',
  },
  UPDATE_NOT_NOW: {
    ar: 'لا يمكن تثبيت التحديث الآن (السبب معروض بجانبه). لم يتغير شيء.',
    en: 'The update cannot be installed now (the reason is shown beside it). Nothing was changed.',
  },
  UPDATE_INSTALLER_UNSIGNED: {
    ar: 'ملف التثبيت غير موقّع بشهادة توقيع الشيفرة الخاصة بالمورّد (Authenticode)، فلم يُشغَّل. لم يتغير شيء. اتصل بالدعم.',
    en: 'The installer is not signed with the vendor\'s code-signing certificate (Authenticode), so it was not run. Nothing was changed. Call support.',
  },
  UPDATE_INSTALL_UNAVAILABLE: {
    ar: 'هذه النسخة من نقطة البيع (المضيف في المتصفح) لا تثبّت التحديثات. ثبّته من تطبيق نقطة البيع على جهاز الكاشير.',
    en: 'This way of running the till (the browser host) does not install updates. Install it from the till app on the till PC.',
  },
  UPDATE_INSTALL_BY_ADMIN: {
    ar: 'على هذا الجهاز (حزمة deb) يثبّت مدير النظام التحديث بمدير الحزم: sudo apt install <ملف التحديث المعروض>. التحديث محقَّق وجاهز.',
    en: 'On this till (a deb package) the system administrator installs the update with the package manager: sudo apt install <the update file shown>. The update is verified and ready.',
  },
  UPDATE_DEB_NO_SERVICE: {
    ar: 'لا توجد على هذا الجهاز خدمة التحديث لحزمة deb (ثُبّتت الحزمة قبل وجودها، أو هذا تشغيل تطويري). ثبّت هذا التحديث مرة واحدة يدويًا: sudo apt install <ملف التحديث المعروض>، وبعدها تُثبَّت التحديثات تلقائيًا. لم يتغير شيء.',
    en: 'This till has no update service for its deb package (installed before it existed, or a development run). Install this update once by hand: sudo apt install <the update file shown>; later updates install themselves. Nothing was changed.',
  },
  UPDATE_DEB_NOT_IN_GROUP: {
    ar: 'مستخدم نقطة البيع لا يملك صلاحية تسليم التحديث لخدمة التحديث. مرة واحدة: sudo usermod -aG nuqta-pos <مستخدم نقطة البيع>، ثم سجّل الخروج والدخول وحمّل التحديث من جديد. لم يتغير شيء.',
    en: 'The till\'s user may not hand updates to the update service. Once: sudo usermod -aG nuqta-pos <the till\'s user>, then sign out and in and download the update again. Nothing was changed.',
  },
  UPDATE_DEB_TIMEOUT: {
    ar: 'لم تُجب خدمة التحديث في الوقت المحدد. نقطة البيع تعمل بالإصدار الذي كانت عليه. التفاصيل في سجل النظام: journalctl -u nuqta-pos-update.',
    en: 'The update service did not answer in time. The till runs on the version it had. The details are in the system log: journalctl -u nuqta-pos-update.',
  },
  UPDATE_DEB_FAILED: {
    ar: 'لم يستطع مدير الحزم تثبيت التحديث؛ نقطة البيع تعمل كما هي. التفاصيل في سجل النظام (journalctl -u nuqta-pos-update)؛ أبلغ مدير النظام.',
    en: 'The package manager could not install the update; the till keeps running as it was. The details are in the system log (journalctl -u nuqta-pos-update); tell the system administrator.',
  },
  UPDATE_INSTALL_FAILED: {
    ar: 'تعذر بدء تثبيت التحديث. لم يتغير شيء؛ نقطة البيع تعمل كما هي. تفاصيل الخطأ في السجل.',
    en: 'The update could not be started. Nothing was changed; the till works as before. The details are in the log.',
  },
});

export type UpdateErrorCode = keyof typeof updateErrorCatalog.text;

export class UpdateError extends updateErrorCatalog.errorClass('UpdateError') {}

export const isUpdateError = (e: unknown): e is UpdateError => e instanceof UpdateError;

/** Why a verified update is not applied now: shown to the admin beside the update, never an error. */
export const waitReasonCatalog = defineErrors({
  UPDATE_WAIT_SALE: {
    ar: 'بيع جارٍ: يُطبَّق التحديث بعد انتهائه.',
    en: 'A sale is in progress: the update waits until it is finished.',
  },
  UPDATE_WAIT_PAYMENT: {
    ar: 'دفعة لم تُحسم بعد: يُطبَّق التحديث بعد حسمها (من الجهاز أو المدير).',
    en: 'A payment is in doubt: the update waits until it is resolved (by the terminal or a manager).',
  },
  UPDATE_WAIT_INVOICES: {
    ar: 'فواتير لم تُبلَّغ بعد إلى هيئة الزكاة والضريبة والجمارك: يُطبَّق التحديث بعد إبلاغها.',
    en: 'Invoices are not yet reported to ZATCA: the update waits until they are.',
  },
  UPDATE_WAIT_OPEN: {
    ar: 'المتجر مفتوح حسب ساعات العمل: يُطبَّق التحديث التلقائي بعد الإغلاق.',
    en: 'The shop is open by its opening hours: an automatic update waits until closing time.',
  },
  UPDATE_WAIT_ALWAYS_OPEN: {
    ar: 'وقت الفتح يساوي وقت الإغلاق، أي أن المتجر مفتوح طوال اليوم، فلا يُطبَّق تحديث تلقائيًا. طبّقه يدويًا أو صحّح ساعات العمل.',
    en: 'Opening and closing times are equal, so the shop is open around the clock and no update is applied automatically. Apply it by hand or correct the hours.',
  },
});

export type WaitReasonCode = keyof typeof waitReasonCatalog.text;
