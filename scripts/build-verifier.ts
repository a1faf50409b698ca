/**
 * Builds the offline verifier (static/admin/build/privacy-panel-verifier.html, run by `npm run build:ui`
 * after vite): the verifier's TypeScript (toolkit/export) and its page bundled by esbuild into ONE HTML
 * file, `node:crypto` swapped for @noble/hashes' SHA-256. Its CSP allows nothing but its own script and
 * style, each by its SHA-256: it can load nothing and send nothing. The admin page offers it for download.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { buildSync } from 'esbuild';

const ROOT = resolve(__dirname, '..');
const SOURCE = join(ROOT, 'static/admin/src/verifier');
export const VERIFIER_FILE = join(ROOT, 'static/admin/build/privacy-panel-verifier.html');

const STYLE = [
  'body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#172b4d;background:#fff}',
  'main{max-width:56rem;margin:0 auto;padding:1.5rem}',
  'form{display:grid;grid-template-columns:minmax(12rem,20rem) 1fr;gap:.5rem 1rem;align-items:center}',
  'button{grid-column:2;justify-self:start;padding:.4rem 1.2rem;font:inherit}',
  'input[type=text]{font:14px ui-monospace,monospace;padding:.3rem}',
  '#verdict{font-weight:700;font-size:1.2rem}',
  '#verdict[data-code="0"]{color:#216e4e}#verdict[data-code="1"],#verdict[data-code="2"]{color:#ae2e24}',
  'pre{white-space:pre-wrap;word-break:break-all;background:#f7f8f9;padding:1rem;font-size:13px}',
].join('');

const digest = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

export function buildVerifier(): { file: string; bytes: number } {
  const bundle = buildSync({
    entryPoints: [join(SOURCE, 'main.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    alias: { 'node:crypto': join(SOURCE, 'node-crypto.ts') },
    logLevel: 'warning',
  });
  const [output] = bundle.outputFiles;
  if (!output) throw new Error('esbuild wrote no script');
  const script = output.text.trim();
  if (/<\/script|<!--/i.test(script)) throw new Error('the bundled script would end the <script> element early');
  const csp = [
    "default-src 'none'",
    `script-src ${digest(script)}`,
    `style-src ${digest(STYLE)}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const html = readFileSync(join(SOURCE, 'page.html'), 'utf8')
    .replace('%CSP%', () => csp)
    // Exactly the hashed text between the tags: whitespace around it would change the hash.
    .replace(/<style>\s*%STYLE%\s*<\/style>/, () => `<style>${STYLE}</style>`)
    .replace(/<script>\s*%SCRIPT%\s*<\/script>/, () => `<script>${script}</script>`);
  if (/%(CSP|STYLE|SCRIPT)%/.test(html)) throw new Error('page.html lost a placeholder');
  mkdirSync(dirname(VERIFIER_FILE), { recursive: true });
  writeFileSync(VERIFIER_FILE, html);
  return { file: VERIFIER_FILE, bytes: Buffer.byteLength(html) };
}

if (require.main === module) {
  const { file, bytes } = buildVerifier();
  console.log(`offline verifier: ${file.slice(ROOT.length + 1)} (${Math.round(bytes / 1024)} KB)`);
}
