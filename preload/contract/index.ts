export * from './schemas';
export * from './methods';
export * from './api';
export * from './wire';
