export { CLOSE_GRACE_MS, MAX_FRAME_BYTES, MAX_UNREAD_BYTES, startHost, type ClientRole, type HostOptions, type RunningHost } from './server';
export { REPEAT_WINDOW_MS, throttledLog, type HostLog } from './client-log';
export { contentSecurityPolicy } from './static';
