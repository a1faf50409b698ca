/**
 * What `add` reads from a host's code (never its manifest), from the sources the one reader read
 * (forge-app.ts): whether any imports
 * UI Kit 1 (`@forge/ui`), where the resolver of a function is created and what its variable is called, and
 * the UI package of a Custom UI resource (its own package.json, its router and version, its entry file).
 */
import { existsSync, readFileSync } from 'node:fs';
import type { SourceText } from '../forge-app';
import { dirname, join, posix, relative, sep } from 'node:path';
import { isRecord } from '../../../src/domain/is-record';

const read = (dir: string, rel: string): string => readFileSync(join(dir, rel), 'utf8');

/** Files under src/ and static/ that import or require `@forge/ui`. */
export function uiKit1Imports(sources: readonly SourceText[]): string[] {
  const uses = /(?:from\s*|import\s*|require\s*\(\s*)['"]@forge\/ui(?:\/[^'"]*)?['"]/;
  return sources.filter((f) => uses.test(f.text)).map((f) => f.path);
}

/** The source file of a function module (`handler: <module>.<export>` → src/<module>.<ext>), if it exists. */
export function moduleFile(dir: string, module: string): string | null {
  if (!module) return null;
  for (const ext of ['.ts', '.tsx', '.js', '.jsx', '.cjs', '.mjs']) {
    const rel = `src/${module}${ext}`;
    if (existsSync(join(dir, rel))) return rel;
  }
  return null;
}

export interface ResolverSite {
  /** The file that creates the resolver (`new Resolver()`). */
  file: string;
  /** Its variable: `resolver`, `adminResolver`… */
  variable: string;
}

const NEW_RESOLVER =
  /\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::\s*[\w.<>]+\s*)?=\s*new\s+([A-Za-z_$][\w$]*)\s*\(/g;

/** The name `@forge/resolver`'s default export is imported as in `code` (`Resolver` usually). */
function resolverClassNames(code: string): string[] {
  const names = [
    ...code.matchAll(/import\s+([A-Za-z_$][\w$]*)\s*(?:,\s*\{[^}]*\}\s*)?from\s*['"]@forge\/resolver['"]/g),
    ...code.matchAll(
      /\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*require\(\s*['"]@forge\/resolver['"]\s*\)(?:\.default)?/g,
    ),
  ].map((m) => m[1] ?? '');
  return names.filter(Boolean);
}

function resolverIn(code: string): string | null {
  const classes = resolverClassNames(code);
  for (const m of code.matchAll(NEW_RESOLVER)) if (classes.includes(m[2] ?? '')) return m[1] ?? null;
  return null;
}

/** Relative specifiers `code` imports (`./resolvers`, `../x`), resolved against `from`'s folder. */
function localImports(dir: string, from: string, code: string): string[] {
  const specs = [...code.matchAll(/(?:from\s*|require\s*\(\s*|import\s*\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g)].map(
    (m) => m[1] ?? '',
  );
  const out: string[] = [];
  for (const spec of specs) {
    const base = posix.normalize(posix.join(posix.dirname(from), spec)).replace(/\.(c|m)?js$/, '');
    for (const ext of ['.ts', '.tsx', '.js', '.jsx', '.cjs', '.mjs', '/index.ts', '/index.js']) {
      if (existsSync(join(dir, base + ext))) {
        out.push(base + ext);
        break;
      }
    }
  }
  return out;
}

/**
 * Where the resolver behind a function's entry file is created: the entry itself, else a file it imports
 * (breadth first, two levels), else any file under src/ that creates one. Null when none does.
 */
export function findResolver(dir: string, entry: string | null, sources: readonly SourceText[]): ResolverSite | null {
  const texts = new Map(sources.map((f) => [f.path, f.text]));
  const read = (dir: string, file: string): string => texts.get(file) ?? readFileSync(join(dir, file), 'utf8');
  const seen = new Set<string>();
  let level = entry ? [entry] : [];
  for (let depth = 0; depth < 3 && level.length > 0; depth++) {
    const next: string[] = [];
    for (const file of level) {
      if (seen.has(file)) continue;
      seen.add(file);
      const code = read(dir, file);
      const variable = resolverIn(code);
      if (variable) return { file, variable };
      next.push(...localImports(dir, file, code));
    }
    level = next;
  }
  for (const file of sources) {
    if (file.side !== 'backend' || seen.has(file.path)) continue;
    const variable = resolverIn(file.text);
    if (variable) return { file: file.path, variable };
  }
  return null;
}

/** The specifier that imports `target` (a path under dir, no extension) from `from`, in the host's style. */
export function importPath(from: string, target: string, esm: boolean): string {
  const rel = posix.relative(posix.dirname(from), target);
  const spec = rel.startsWith('.') ? rel : `./${rel}`;
  // A folder's index resolves without its name everywhere but in ES modules, which name the file.
  return esm ? `${spec}.js` : spec.replace(/\/index$/, '');
}

export type Router =
  { kind: 'react-router'; major: number; from: 'react-router-dom' | 'react-router' } | { kind: 'history' };

export interface UiPackage {
  /** The UI package's folder (relative to the app), e.g. static/settings. */
  dir: string;
  packageJson: Record<string, unknown> | undefined;
  router: Router;
  /** Built with Vite (vite in its dependencies or a vite.config.*). */
  vite: boolean;
  /** Its entry source file (relative to the app), when found: index.html's module script, else src/index.*. */
  entry: string | null;
  typescript: boolean;
  /** The entry file already imports `view` from @forge/bridge. */
  importsView: boolean;
}

function majorOf(range: unknown): number | null {
  const m = typeof range === 'string' ? /(\d+)/.exec(range.replace(/^[^\d]*/, '')) : null;
  return m ? Number(m[1]) : null;
}

function deps(pkg: Record<string, unknown> | undefined): Record<string, unknown> {
  return {
    ...(isRecord(pkg?.['devDependencies']) ? pkg['devDependencies'] : {}),
    ...(isRecord(pkg?.['dependencies']) ? pkg['dependencies'] : {}),
  };
}

function uiEntry(dir: string, uiDir: string, vite: boolean): string | null {
  const html = [join(uiDir, 'index.html'), join(uiDir, 'public/index.html')].find((f) => existsSync(join(dir, f)));
  if (vite && html) {
    const src = /<script[^>]*type=["']module["'][^>]*src=["']\/?([^"']+)["']/.exec(read(dir, html))?.[1];
    if (src && existsSync(join(dir, uiDir, src))) return posix.join(uiDir.split(sep).join('/'), src);
  }
  for (const name of [
    'src/index.tsx',
    'src/index.ts',
    'src/main.tsx',
    'src/main.ts',
    'src/index.jsx',
    'src/index.js',
    'src/main.jsx',
    'src/main.js',
  ]) {
    if (existsSync(join(dir, uiDir, name))) return posix.join(uiDir.split(sep).join('/'), name);
  }
  return null;
}

/**
 * The UI package behind a resource path (`static/settings/build`): the nearest folder at or above it, inside
 * the app, with a package.json of its own; the app's root package.json when the resource has none.
 */
export function readUiPackage(
  dir: string,
  resourcePath: string,
  rootPackage: Record<string, unknown> | undefined,
): UiPackage {
  let rel = resourcePath.replace(/\/+$/, '');
  let found: string | null = null;
  while (rel && rel !== '.') {
    if (existsSync(join(dir, rel, 'package.json'))) {
      found = rel;
      break;
    }
    rel = dirname(rel);
  }
  const uiDir = found ?? dirname(resourcePath.replace(/\/+$/, ''));
  let pkg = rootPackage;
  if (found) {
    try {
      const parsed: unknown = JSON.parse(read(dir, join(found, 'package.json')));
      pkg = isRecord(parsed) ? parsed : undefined;
    } catch {
      pkg = undefined;
    }
  }
  const all = deps(pkg);
  const from = 'react-router-dom' in all ? 'react-router-dom' : 'react-router' in all ? 'react-router' : null;
  const major = from ? majorOf(all[from]) : null;
  const router: Router = from && major !== null ? { kind: 'react-router', major, from } : { kind: 'history' };
  const vite =
    'vite' in all ||
    ['vite.config.ts', 'vite.config.js', 'vite.config.mjs'].some((f) => existsSync(join(dir, uiDir, f)));
  const entry = uiEntry(dir, uiDir, vite);
  const importsView =
    entry !== null && /import\s*\{[^}]*\bview\b[^}]*\}\s*from\s*['"]@forge\/bridge['"]/.test(read(dir, entry));
  return {
    importsView,
    dir: relative(dir, join(dir, uiDir)).split(sep).join('/') || '.',
    packageJson: pkg,
    router,
    vite,
    entry,
    typescript:
      existsSync(join(dir, uiDir, 'tsconfig.json')) ||
      (entry?.endsWith('.ts') ?? false) ||
      (entry?.endsWith('.tsx') ?? false),
  };
}

/** A key family the host's code spells out: the static start of a key, and where. */
export interface SpelledKeyFamily {
  family: string;
  at: string;
}

/**
 * Key starts the host's code spells in ways a call-site scan misses: `key: 'x:'` entries (kvs.batchSet and
 * transactions), a literal a key is built from (`'x:' + id`, `` `x:${id}` `` in a helper), and a joined
 * list (`['x', id].join(':')`). Over-inclusive on purpose: a string that is no key only moves the panel to
 * a fallback prefix, while a missed key family would share the panel's.
 */
export function spelledKeyFamilies(sources: readonly SourceText[]): SpelledKeyFamily[] {
  const patterns = [
    /\bkey\s*:\s*['"`]([^'"`$\n]+)/g,
    /['"]([^'"\n]+)['"]\s*\+/g,
    /`([^`$\n]+)\$\{/g,
    /\[\s*['"]([^'"\n]+)['"]\s*,[^\]\n]*\]\s*\.join\(\s*['"]([^'"\n]*)['"]\s*\)/g,
  ];
  const out: SpelledKeyFamily[] = [];
  for (const { path: file, side, text: code } of sources) {
    if (side !== 'backend') continue;
    for (const re of patterns) {
      for (const m of code.matchAll(re)) {
        const family = `${m[1] ?? ''}${m[2] ?? ''}`;
        // Only what could be a key family: no spaces, and ending in a separator or long enough to name one.
        if (family.length < 2 || /\s/.test(family) || !/[:/._-]$|\w{3,}/.test(family)) continue;
        out.push({ family, at: `${file}:${code.slice(0, m.index).split('\n').length}` });
      }
    }
  }
  return out;
}
