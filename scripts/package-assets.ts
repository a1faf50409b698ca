/**
 * The last step of `npm run build:package`: copies what tsc and vite do not emit into dist/ — the prebuilt
 * admin page (dist/page, the resource `privacy-panel build` copies into a host), the preview's client files,
 * and the type declarations of `privacy-panel/mount` and `privacy-panel/mount.css`. dist/mount/ is marked an
 * ES module folder (its own package.json), so Node's node16/nodenext resolution and bundlers agree that
 * index.js is ESM.
 */
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const DIST = join(ROOT, 'dist');

function copy(from: string, to: string): void {
  const source = join(ROOT, from);
  if (!existsSync(source)) throw new Error(`${from} is missing: run npm run build first`);
  rmSync(join(DIST, to), { recursive: true, force: true });
  mkdirSync(join(DIST, to), { recursive: true });
  cpSync(source, join(DIST, to), { recursive: true });
}

copy('static/admin/build', 'page');
copy('dev/preview/client', 'cli/dev/preview/client');
writeFileSync(
  join(DIST, 'mount', 'index.d.ts'),
  [
    '/** The part of a history (view.createHistory(), history v4 or v5) the panel reads. */',
    'export interface HistoryLike {',
    '  location: { pathname: string };',
    '  /** history v4 passes the location, v5 an update holding it. */',
    '  listen(listener: (update: { pathname: string } | { location: { pathname: string } }) => void): () => void;',
    '}',
    '/** Options of mountPrivacyPanel. */',
    'export interface MountOptions {',
    '  /** Call view.theme.enable() first; default true. Pass false when the host already enabled theming. */',
    '  theme?: boolean;',
    "  /** The host's history (view.createHistory()): the panel shows only while it is at `route`. */",
    '  history?: HistoryLike;',
    '  /** The sub-page route; with `history`, default `/privacy-panel`. */',
    '  route?: string;',
    '}',
    "/** Renders the panel into `element` (a route of the host's Custom UI); resolves to a function that unmounts it. */",
    'export declare function mountPrivacyPanel(element: Element, options?: MountOptions): Promise<() => void>;',
    '',
  ].join('\n'),
);
writeFileSync(join(DIST, 'mount', 'package.json'), `${JSON.stringify({ type: 'module' }, null, 2)}\n`);
// The page's scripts are ES modules too (publint checks what `privacy-panel/page/*` exports); `build` copies
// the page into a host without this marker.
writeFileSync(join(DIST, 'page', 'assets', 'package.json'), `${JSON.stringify({ type: 'module' }, null, 2)}\n`);
// `import 'privacy-panel/mount.css'` for TypeScript's noUncheckedSideEffectImports (the default from 6.0); outside
// dist/mount, so a CommonJS importer resolves it too.
mkdirSync(join(DIST, 'types'), { recursive: true });
writeFileSync(
  join(DIST, 'types', 'mount.css.d.ts'),
  '/** The stylesheet of mountPrivacyPanel: imported for its effect. */\nexport {};\n',
);
console.log('dist/: forge runtime, CLI, mount, page');
