import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/** `privacy-panel/mount`: the page as an ES module for a host's own Custom UI; @forge/bridge is the host's. */
export default defineConfig({
  root,
  plugins: [preact()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/mount', import.meta.url)),
    emptyOutDir: true,
    target: 'es2020',
    assetsInlineLimit: 0,
    sourcemap: false,
    reportCompressedSize: false,
    cssCodeSplit: false,
    lib: { entry: 'src/mount.tsx', formats: ['es'], fileName: () => 'index.js', cssFileName: 'mount' },
    rollupOptions: { external: ['@forge/bridge'] },
  },
});
