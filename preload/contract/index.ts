export * from './schemas';
export * from './methods';
export * from './api';
export * from './wire';
export * from './customer-display';
export * from './admin';
export * from './health';
export { toLatinDigits } from './digits';
export { saudiMsisdn } from './saudi-mobile';
