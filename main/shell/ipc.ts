// Binds the contract to ipcMain: exactly one handler per contract method, on its fixed channel, and nothing
// else. Each handler checks the sender first (which window, and may that window call this method); only
// then does the call reach the till's dispatcher, which validates the input against the method's schema and
// always answers with a Result.
import { methodChannel, methodNames, type Result } from '../../preload/contract';
import type { Dispatch } from '../ipc';
import { errorData } from '../errors';
import type { InvokeEventLike, IpcMainLike } from './electron-types';
import { mayCall, senderRole, type AppSenders } from './sender';

export interface IpcLog {
  warn(message: string, detail?: unknown): void;
}

/**
 * Registers the handlers; returns a function that removes them. `senders` is read at call time because
 * the handlers are registered before the windows exist (and they may be closed or recreated).
 */
export function registerIpcHandlers(
  ipcMain: IpcMainLike,
  dispatch: Dispatch,
  senders: () => AppSenders,
  log: IpcLog,
): () => void {
  const channels: string[] = [];
  for (const name of methodNames) {
    const channel = methodChannel(name);
    ipcMain.handle(channel, async (event: InvokeEventLike, ...args: unknown[]): Promise<Result<unknown>> => {
      const role = senderRole(event, senders());
      if (role === null) {
        log.warn(`refused ${name} from an untrusted sender`, safeUrl(event));
        return { ok: false, error: errorData('FORBIDDEN_SENDER') };
      }
      if (!mayCall(role, name)) {
        log.warn(`refused ${name} from the ${role} window`, safeUrl(event));
        return { ok: false, error: errorData('FORBIDDEN_SENDER') };
      }
      // The preload sends exactly one argument, the input; anything extra is ignored.
      return dispatch(name, args[0]);
    });
    channels.push(channel);
  }
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}

const safeUrl = (event: InvokeEventLike): string => {
  try {
    return event.senderFrame?.url ?? '(no frame)';
  } catch {
    return '(disposed frame)';
  }
};
