export { createUsers, type Users, type NewUser, type UserSummary } from './users';
export { createSignInGuard, pauseMs, FAILURES_BEFORE_PAUSE, TILL_SUBJECT, type SignInGuard, type GuardAnswers } from './guard';
export { createSession, userSubject, type TillSessionDesk, type SessionDeps } from './session';
export { peopleProjection } from './projection';
export { seedDemoUsers, retireDemoUsers, hasOwnActiveUser, DEMO_CASHIER, DEMO_MANAGER } from './demo';
export { peopleHealth } from './health';
export { createApproverBadgeDesk, BADGE_HOLD_MS, type ApproverBadgeDesk } from './approver-badge';
export { hashSecret, matches, isPin, type SaltedHash } from './hash';
export {
  DEFAULT_ROLE_LIMITS,
  FULL_DISCOUNT_BP,
  limitsFor,
  limitsFrom,
  roleLimitTable,
  mayDiscountLine,
  mayDiscountSale,
  mayRefundAlone,
  type RoleLimits,
  type ShopRoleLimits,
} from './limits';
export {
  createTwoFactor,
  acceptedStep,
  stepAt,
  totpSecretName,
  TOTP_PARAMS,
  TOTP_WINDOW,
  RECOVERY_CODE_COUNT,
  type TwoFactor,
  type TwoFactorDeps,
} from './totp';
export { totpProjection } from './totp-projection';
export { adoptTotpEnrolments, readTotpEnrolments, type TotpEnrolmentCopy } from './totp-copy';
export { pinLookupKey, PIN_LOOKUP_KEY } from './pin-index';
