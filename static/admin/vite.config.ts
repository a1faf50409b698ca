import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The admin page: a Custom UI resource. Relative asset paths, no inline script or style in the output. */
export default defineConfig({
  root,
  base: './',
  plugins: [preact()],
  build: {
    outDir: 'build',
    emptyOutDir: true,
    target: 'es2020',
    // Anything small enough to be inlined as a data: URL would need a wider CSP; keep every asset a file.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
    reportCompressedSize: false,
  },
});
