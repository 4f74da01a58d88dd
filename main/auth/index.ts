export {
  createDemoPinCheck,
  createManagerAuth,
  hashPin,
  lockDurationMs,
  resaltSharedDemoPin,
  unlockManagerPin,
  FAILURES_BEFORE_LOCK,
  SHARED_DEMO_SALT,
  SHARED_DEMO_HASH,
  type Approvers,
  type ManagerAuth,
  type ManagerAuthDeps,
  type ApprovalOptions,
  type SecondFactorCheck,
  type PinHash,
} from './manager-pin';
export { pinGuardProjection } from './projection';
