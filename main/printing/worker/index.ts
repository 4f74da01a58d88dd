// Rendering and encoding print jobs off the till's event loop (worker_threads), with an in-process fallback.
export { createJobRenderer, createWorkerRenderer, printWorkerFile, useWorkerByDefault, withInProcessFallback, type RendererChoice, type WorkerRenderer, type WorkerRendererOptions } from './client';
export { inProcessRenderer, renderAndEncode, type JobRenderer, type RenderRequest } from './render-encode';
