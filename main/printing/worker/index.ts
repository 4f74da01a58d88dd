// Rendering and encoding print jobs, and rendering receipt previews, off the till's event loop (worker_threads), with an in-process fallback.
export { createJobRenderer, createWorkerRenderer, printWorkerFile, useWorkerByDefault, type RendererChoice, type WorkerRenderer, type WorkerRendererOptions } from './client';
export { withInProcessFallback } from './fallback';
export { renderPreview, type PreviewRequest, type ReceiptImage } from './preview';
export { inProcessRenderer, renderAndEncode, type JobRenderer, type RenderRequest } from './render-encode';
