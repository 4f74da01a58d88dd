import { defineConfig } from 'vite';

// The renderer is a plain static bundle: loaded by Electron from the privileged app:// scheme and
// by the browser host from 127.0.0.1. Relative asset paths make the same build work in both.
export default defineConfig({
  root: 'renderer',
  base: './',
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
  },
});
