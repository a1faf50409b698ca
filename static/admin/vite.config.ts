import { fileURLToPath } from 'node:url';
import { defineConfig, type HtmlTagDescriptor, type Plugin } from 'vite';
import preact from '@preact/preset-vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The page's components are a chunk of their own that start.tsx imports once the first requests are out.
 * Named in index.html as a module preload, the browser fetches and compiles that chunk (and the chunks it
 * imports) beside the entry instead of after it.
 */
function preloadChunks(names: readonly string[]): Plugin {
  return {
    name: 'privacy-panel-preload-chunks',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context): HtmlTagDescriptor[] {
        const chunks = Object.values(context.bundle ?? {}).filter((file) => file.type === 'chunk');
        const wanted = new Set<string>();
        const add = (fileName: string): void => {
          const chunk = chunks.find((c) => c.fileName === fileName);
          if (!chunk || wanted.has(fileName) || chunk.isEntry) return;
          wanted.add(fileName);
          chunk.imports.forEach(add);
        };
        for (const chunk of chunks) if (names.includes(chunk.name)) add(chunk.fileName);
        if (names.some((name) => !chunks.some((c) => c.name === name)))
          throw new Error(`preloadChunks: no chunk named ${names.join(' or ')}`);
        return [...wanted].map((fileName) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `./${fileName}` },
          injectTo: 'head',
        }));
      },
    },
  };
}

/** The admin page: a Custom UI resource. Relative asset paths, no inline script or style in the output. */
export default defineConfig({
  root,
  base: './',
  plugins: [preact(), preloadChunks(['render-panel'])],
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
