export { createManagerAuth, hashPin, type ManagerAuth, type PinHash } from './manager-pin';
