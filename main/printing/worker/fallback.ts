// A worker that cannot even start (say, a packaged app that cannot load it from its archive) must not leave
// the till unable to print, or to show a receipt: until the worker has answered once (a job or a preview),
// a lost worker means "do this one here instead", and from then on everything renders in-process. Once the
// worker has proved it works, a crash fails only the request it had, as the worker renderer does on its own
// (re-running it here could take the main thread down with whatever killed the worker).
import type { EncodedJob } from '../escpos/job';
import { PrintServiceError } from '../service/errors';
import { renderPreview, type PreviewRequest, type ReceiptImage } from './preview';
import { inProcessRenderer, renderAndEncode, type JobRenderer, type RenderRequest } from './render-encode';

export function withInProcessFallback(worker: JobRenderer, log: { warn(message: string, detail?: unknown): void } = console): JobRenderer {
  let proven = false;
  let gaveUp = false;

  async function run<T>(remote: () => T | Promise<T>, local: () => T): Promise<T> {
    if (gaveUp) return local();
    try {
      const result = await remote();
      proven = true;
      return result;
    } catch (e) {
      const lost = e instanceof PrintServiceError && /print worker/.test(e.message);
      if (proven || !lost) throw e;
      if (!gaveUp) {
        // Two requests may fail together (a preview and a job): one warning, one close.
        gaveUp = true;
        log.warn('the print worker could not start; rendering receipts on the main thread from now on', e);
        void worker.close();
      }
      return local();
    }
  }

  return {
    get mode() {
      return gaveUp ? inProcessRenderer.mode : worker.mode;
    },
    render: (request: RenderRequest): Promise<EncodedJob> => run(() => worker.render(request), () => renderAndEncode(request)),
    preview: (request: PreviewRequest): Promise<ReceiptImage> => run(() => worker.preview(request), () => renderPreview(request)),
    close: () => worker.close(),
  };
}
