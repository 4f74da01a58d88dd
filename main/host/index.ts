export { startHost, type HostOptions, type RunningHost } from './server';
export { contentSecurityPolicy } from './static';
