/**
 * The last step of `npm run build:package`: copies what tsc and vite do not emit into dist/ — the prebuilt
 * admin page (dist/page, the resource `privacy-panel build` copies into a host), the preview's client files,
 * and the type declarations of `privacy-panel/mount`.
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
console.log('dist/: forge runtime, CLI, mount, page');
