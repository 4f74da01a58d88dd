import { useSyncExternalStore } from 'react';
import type { Connection, ConnectionState } from './carrier';

export function useConnectionState(connection: Connection): ConnectionState {
  return useSyncExternalStore(connection.subscribe, connection.getState);
}
