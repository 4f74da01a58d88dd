// Frames of the browser host's WebSocket. The host carries exactly the same methods and events as Electron
// IPC; only the transport differs. The per-launch secret is offered as the WebSocket subprotocol
// `nuqta.<secret>` so it never appears in a URL the server logs.
import { z } from 'zod';
import { ErrorData } from './schemas';

export const WS_PATH = '/rpc';
export const SECRET_PROTOCOL_PREFIX = 'nuqta.';

export const CallFrame = z.strictObject({
  kind: z.literal('call'),
  id: z.number().int().nonnegative(),
  method: z.string().max(64),
  input: z.unknown(),
});
export type CallFrame = z.infer<typeof CallFrame>;

export const ReplyFrame = z.object({
  kind: z.literal('reply'),
  id: z.number().int().nonnegative(),
  result: z.union([
    z.object({ ok: z.literal(true), value: z.unknown() }),
    z.object({ ok: z.literal(false), error: ErrorData }),
  ]),
});
export type ReplyFrame = z.infer<typeof ReplyFrame>;

export const EventFrame = z.object({
  kind: z.literal('event'),
  event: z.string(),
  payload: z.unknown(),
});
export type EventFrame = z.infer<typeof EventFrame>;

export const ServerFrame = z.union([ReplyFrame, EventFrame]);
export type ServerFrame = z.infer<typeof ServerFrame>;
