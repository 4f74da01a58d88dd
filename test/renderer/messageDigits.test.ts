import { describe, expect, it } from 'vitest';
import { messageDigits } from '../../renderer/format/digits';
import { messageFor } from '../../renderer/i18n/messages';
import { errorCatalog } from '../../main/errors';

describe('messageDigits', () => {
  it("writes a message's numbers in the chosen style, whichever digits the message was written with", () => {
    expect(messageDigits('الرقم السري للمدير من ٤ إلى ٨ أرقام.', 'latin')).toBe('الرقم السري للمدير من 4 إلى 8 أرقام.');
    expect(messageDigits('A PIN is 4 to 8 digits.', 'arabic')).toBe('A PIN is ٤ to ٨ digits.');
    expect(messageDigits('لا يتسع السطر لأكثر من ٩٬٩٩٩ من الصنف.', 'latin')).toBe('لا يتسع السطر لأكثر من 9,999 من الصنف.');
    expect(messageDigits('at most 9,999 of an item, 12.50 riyals', 'arabic')).toBe('at most ٩٬٩٩٩ of an item, ١٢٫٥٠ riyals');
  });

  it('leaves key names, receipt numbers and rule codes as they are known', () => {
    const text = 'Press F2 for receipt T01-000123 (BR-KSA-56), 3 left';
    expect(messageDigits(text, 'arabic')).toBe('Press F2 for receipt T01-000123 (BR-KSA-56), ٣ left');
    expect(messageDigits('اضغط F2 للإيصال T01-000123', 'arabic')).toBe('اضغط F2 للإيصال T01-000123');
  });

  it('ends a number before a full stop that closes the sentence', () => {
    expect(messageDigits('من ١ إلى ٩٩٩٩.', 'latin')).toBe('من 1 إلى 9999.');
  });
});

describe('messageFor', () => {
  it("follows the digit style when given one, and changes nothing without it (main's catalog, both languages)", () => {
    const data = errorCatalog.data('LINE_QUANTITY_LIMIT');
    expect(messageFor(data, 'ar')).toBe(data.message_ar);
    expect(messageFor(data, 'ar', 'latin')).toContain('9,999');
    expect(messageFor(data, 'en', 'arabic')).toContain('٩٬٩٩٩');
  });
});
