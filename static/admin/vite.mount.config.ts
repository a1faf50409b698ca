import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The class mountPrivacyPanel puts on the host's element (src/mount.tsx); every rule of mount.css sits under it. */
const SCOPE = '.privacy-panel-mount';

/**
 * The page's stylesheet is written for a document of its own (`:root`, `body`, `h1`, `.button`…). Inside a
 * host's page those rules would restyle the host, so each selector is put under the mount element: the
 * document-level ones (`:root`, `html`, `body`) become the element itself, the rest its descendants.
 */
function scopeSelector(selector: string): string {
  const s = selector.trim();
  if (s === ':root' || s === 'html' || s === 'body') return SCOPE;
  const html = /^html(\[[^\]]*\])+/.exec(s);
  if (html) return `${html[0]} ${SCOPE}${s.slice(html[0].length)}`;
  return `${SCOPE} ${s}`;
}

const scopeToMount = {
  postcssPlugin: 'privacy-panel-scope-to-mount',
  Rule(rule: { selectors: string[]; parent?: { type: string; name?: string } }) {
    if (rule.parent?.type === 'atrule' && /keyframes$/.test(rule.parent.name ?? '')) return;
    if (rule.selectors.every((s) => s.includes(SCOPE))) return;
    rule.selectors = rule.selectors.map(scopeSelector);
  },
};

/** `privacy-panel/mount`: the page as an ES module for a host's own Custom UI; @forge/bridge is the host's. */
export default defineConfig({
  root,
  plugins: [preact()],
  css: { postcss: { plugins: [scopeToMount] } },
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
