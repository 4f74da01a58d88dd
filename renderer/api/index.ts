// Picks the carrier: the Electron preload's bridge when it is there, else the browser host's WebSocket.
import { API_GLOBAL, type NuqtaApi } from '../../preload/contract/api';
import { alwaysConnected, type Carrier } from './carrier';
import { browserSocket, createHostClient, hostSocketUrl, readSecret } from './hostClient';

export type { Carrier, Connection, ConnectionState } from './carrier';

function bridgedApi(): NuqtaApi | null {
  const candidate: unknown = (window as unknown as Record<string, unknown>)[API_GLOBAL];
  if (typeof candidate !== 'object' || candidate === null) return null;
  const api = candidate as Partial<Record<keyof NuqtaApi, unknown>>;
  return typeof api.getSale === 'function' && typeof api.onSaleChanged === 'function' ? (candidate as NuqtaApi) : null;
}

export function pickCarrier(): Carrier {
  const bridged = bridgedApi();
  if (bridged) return { api: bridged, connection: alwaysConnected() };
  return createHostClient({
    url: hostSocketUrl(window.location),
    secret: readSecret(window.location.hash),
    createSocket: browserSocket,
  });
}
