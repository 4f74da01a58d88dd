// The print worker thread (bundled as dist/main/print-worker.cjs): renders and encodes print jobs, and
// renders receipt previews, off the till's event loop. It registers the bundled receipt fonts itself; the
// host only sends plain data.
import { parentPort, workerData } from 'node:worker_threads';
import { ensureFonts } from '../render/fonts';
import { renderPreview } from './preview';
import { packJob, serializeError, type RenderMessage, type ResultMessage, type WorkerInit } from './protocol';
import { renderAndEncode } from './render-encode';

const init = (workerData ?? {}) as WorkerInit;
const proc = process as { resourcesPath?: string };
if (init.resourcesPath && !proc.resourcesPath) proc.resourcesPath = init.resourcesPath;

try {
  ensureFonts();
} catch {
  // Reported with the first job (renderBlocks calls ensureFonts again and fails there, as PRINT_RENDER_FAILED).
}

const port = parentPort;
if (!port) throw new Error('print-worker must run as a worker thread');
port.on('message', (msg: RenderMessage) => {
  const { id } = msg;
  let reply: ResultMessage;
  let transfer: ArrayBuffer[] = [];
  try {
    if (msg.kind === 'preview') {
      // A string: cloned, and small next to the bitmap it came from.
      reply = { id, ok: true, kind: 'preview', image: renderPreview(msg.request) };
    } else {
      const { bytes, lengths } = packJob(renderAndEncode(msg.request));
      reply = { id, ok: true, kind: 'job', bytes, lengths };
      transfer = [bytes];
    }
  } catch (e) {
    reply = { id, ok: false, error: serializeError(e) };
  }
  port.postMessage(reply, transfer);
});
