// The health page's word on people: a live till must have someone who can run it. There is no shared default
// PIN on a live till, so without an active admin or manager nobody can sign in to approve anything.
import type { HealthCheck } from '../../preload/contract';
import type { Users } from './users';

export function peopleHealth(users: Pick<Users, 'hasActiveManager' | 'list'>, demo: boolean): HealthCheck {
  const active = users.list().filter((u) => u.active).length;
  const facts = { activeUsers: active };
  if (demo) {
    return { id: 'people', state: 'ok', summary: { en: 'Demo staff (demo PINs)', ar: 'موظفو العرض (رموز العرض)' }, action: null, facts };
  }
  if (active === 0) {
    return {
      id: 'people',
      state: 'warning',
      summary: { en: 'No active users: this live till sells without anyone signed in', ar: 'لا يوجد مستخدمون مفعّلون: نقطة البيع هذه تبيع دون تسجيل دخول أحد' },
      action: {
        en: 'Add the first admin: open Admin (it asks for them first), or name firstAdmin in the provisioning file, or nuqta user add --name-ar … --name-en … --role admin (the PIN on standard input).',
        ar: 'أضف أول مسؤول: افتح الإدارة (تطلبه أولًا)، أو اذكره في firstAdmin بملف الإعداد المسبق، أو بالأمر nuqta user add --name-ar … --name-en … --role admin (والرمز من الإدخال القياسي).',
      },
      facts,
    };
  }
  if (users.hasActiveManager()) {
    return { id: 'people', state: 'ok', summary: { en: `${active} active user(s)`, ar: `المستخدمون المفعّلون: ${active}` }, action: null, facts };
  }
  return {
    id: 'people',
    state: 'warning',
    summary: { en: 'No active admin or manager user on this live till', ar: 'لا يوجد مسؤول أو مدير مفعّل على نقطة البيع هذه' },
    action: {
      en: 'Add one: nuqta user add --name-ar … --name-en … --role admin (the PIN on standard input).',
      ar: 'أضف واحدًا بالأمر nuqta user add --name-ar … --name-en … --role admin (والرمز من الإدخال القياسي).',
    },
    facts,
  };
}
