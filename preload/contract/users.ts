// The admin screen's Users tab (issue 14, docs/people.md): the till's users as an admin sees them — names, role,
// active, whether a badge is set, whether the wrong-PIN back-off has paused them — never a PIN, a salt or a hash.
// Every change carries the approver's PIN (approve:manager) and is journaled by main/people.
import { z } from 'zod';
import { BadgeCode, SecondFactorCode, UserPin, UserRole } from './people';

const ManagerPin = z.string().regex(/^\d{4,8}$/);
const UserName = z.string().trim().min(1).max(60);
const UserId = z.string().min(1).max(64);

export const ManagedUser = z.object({
  id: z.string(),
  nameAr: z.string(),
  nameEn: z.string(),
  role: UserRole,
  active: z.boolean(),
  hasBadge: z.boolean(),
  /** When the wrong-PIN back-off's pause of this user's badge sign-in ends (ISO); null: not paused. */
  pausedUntil: z.string().nullable(),
});
export type ManagedUser = z.infer<typeof ManagedUser>;

export const UsersList = z.object({
  users: z.array(ManagedUser),
  /** The pause of PIN-alone sign-in at this till (a PIN alone names nobody, so its failures count for the till). */
  tillPausedUntil: z.string().nullable(),
});
export type UsersList = z.infer<typeof UsersList>;

export const AddUserInput = z.strictObject({
  managerPin: ManagerPin,
  /** An admin approving gives their authenticator code (an admin action). */
  secondFactor: SecondFactorCode.optional(),
  nameAr: UserName,
  nameEn: UserName,
  role: UserRole,
  pin: UserPin,
  badge: BadgeCode.optional(),
});

/**
 * The first admin of a till that has no user yet (docs/people.md, first admin): names, their PIN and an optional
 * badge. `tillPin` is the till's shared PIN when the shop set one of its own (provisioning, an upgrade from before
 * users); with the demo's well-known PIN still in place nothing more is asked, since anyone could give it.
 */
export const FirstAdminInput = z.strictObject({
  nameAr: UserName,
  nameEn: UserName,
  pin: UserPin,
  badge: BadgeCode.optional(),
  tillPin: ManagerPin.optional(),
});
export type FirstAdminInput = z.infer<typeof FirstAdminInput>;

/** One change to one user. Reactivating takes a new PIN (and drops the badge): the old ones cannot be checked unique. */
export const UserChange = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('pin'), pin: UserPin }),
  z.strictObject({ kind: z.literal('badge'), badge: BadgeCode.nullable() }),
  z.strictObject({ kind: z.literal('deactivate') }),
  z.strictObject({ kind: z.literal('reactivate'), pin: UserPin }),
  z.strictObject({ kind: z.literal('unlock') }),
]);
export type UserChange = z.infer<typeof UserChange>;

export const ChangeUserInput = z.strictObject({
  managerPin: ManagerPin,
  secondFactor: SecondFactorCode.optional(),
  /** A user's id, or 'till' with `unlock` for the pause of PIN-alone sign-in. */
  userId: UserId,
  change: UserChange,
});

/** Approval by a badge scan: the approver's names, to say whose PIN is asked next. */
export const ApproverBadgeRead = z.object({ nameAr: z.string(), nameEn: z.string() });
