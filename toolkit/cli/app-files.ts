/**
 * How the reader (forge-app.ts) finds a Forge app's files the way Forge builds it: the manifests (anywhere,
 * several in a monorepo), each function handler's module and everything it imports (through the app's own
 * tsconfig), each Custom UI resource's source (the project behind its build folder) and each UI Kit
 * resource (browser code), skipping build output, tests and tool configuration. toolkit/evidence stays pure.
 */
import { existsSync, readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { scanFile } from '../evidence/app-scan';
import type { ScannedFile } from '../evidence/app-evidence';
import type { AppEvidence, CodeSide } from '../../src/domain/evidence/types';
import { EXIT, ToolkitError } from '../errors';

/** A tsconfig's compiler options, with what it `extends`; undefined when it cannot be read. */
export function compilerOptionsOf(config: string): ts.CompilerOptions | undefined {
  const read = ts.readConfigFile(config, (file) => ts.sys.readFile(file));
  return read.error ? undefined : ts.parseJsonConfigFileContent(read.config, ts.sys, dirname(config)).options;
}

/** The app could not be read at all: `evidence` exits 2 with this. */
export class AppLoadError extends ToolkitError {
  readonly code = 'PP-APP-UNREADABLE';
  readonly exitCode = EXIT.unreadable;
  constructor(
    file: string,
    line: number,
    readonly reason: string,
  ) {
    super(`${file}${line > 0 ? `:${line}` : ''}: ${reason}`, { file, line });
  }
}

const CODE_EXT = ['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts'];
const SKIP_DIRS = new Set([
  'node_modules',
  '.git',
  'build',
  'dist',
  'out',
  'coverage',
  '.next',
  '.nx',
  '.turbo',
  '.cache',
  '__tests__',
  '__mocks__',
  'test',
  'tests',
  'e2e',
  'cypress',
  'playwright',
  '.storybook',
  'storybook-static',
  'public',
]);
const BUILD_SEGMENTS = new Set(['build', 'dist', 'out', 'public', 'www']);
const PROJECT_FILES = [
  'package.json',
  'project.json',
  'vite.config.ts',
  'vite.config.js',
  'vite.config.mjs',
  'webpack.config.js',
  'webpack.config.ts',
];

type Problem = AppEvidence['problems'][number];

function isCode(path: string): boolean {
  return CODE_EXT.some((e) => path.endsWith(e)) && !/\.d\.[cm]?ts$/.test(path);
}

/** Tests, stories and tool configuration are not what the app runs. */
export function isExcluded(path: string): boolean {
  const parts = path.split(/[\\/]/);
  if (parts.some((p) => SKIP_DIRS.has(p))) return true;
  const name = parts[parts.length - 1] ?? '';
  return (
    /\.(test|spec|stories|story|e2e|cy)\.[cm]?[jt]sx?$/.test(name) ||
    /^(vite|webpack|jest|vitest|babel|eslint|prettier|rollup|postcss|tailwind|craco|knip|playwright)\.config\./.test(
      name,
    ) ||
    name === 'setupTests.ts' ||
    name === 'setupTests.js'
  );
}

/**
 * Build output a project names: folders its `.gitignore` lists by name or path, and the `outDir` (Vite,
 * tsconfig) or `output.path` (webpack) of its configuration files.
 */
export function buildOutputs(project: string): { names: Set<string>; paths: Set<string> } {
  const names = new Set<string>();
  const paths = new Set<string>();
  const add = (entry: string): void => {
    const e = entry.trim().replace(/\/+$/, '');
    if (e === '' || e.startsWith('#') || e.startsWith('!') || /[*?[\]]/.test(e)) return;
    if (e.includes('/')) paths.add(resolve(project, e.replace(/^\//, '')));
    else names.add(e);
  };
  const read = (file: string): string => {
    try {
      return readFileSync(join(project, file), 'utf8');
    } catch {
      return '';
    }
  };
  read('.gitignore').split('\n').forEach(add);
  for (const file of entriesOf(project).map((e) => e.name))
    if (/^(vite|webpack|rollup)\.config\.[cm]?[jt]s$|^tsconfig(\.[a-z]+)?\.json$/.test(file))
      for (const m of read(file).matchAll(
        /\b(?:outDir|outdir|path)['"]?\s*:\s*(?:path\.(?:resolve|join)\(\s*__dirname\s*,\s*)?['"]([^'"]+)['"]/g,
      ))
        if (m[1] && !m[1].startsWith('/') && !/\.[a-z]+$/.test(m[1])) paths.add(resolve(project, m[1]));
  return { names, paths };
}

/** A bundler's output: a line of minified code in the file's first lines. */
function looksBuilt(abs: string): boolean {
  try {
    const head = readFileSync(abs, 'utf8').slice(0, 20000).split('\n', 8);
    return head.some((line) => line.length > 2000);
  } catch {
    return false;
  }
}

function walk(dir: string, out: string[], root: string, depth = 0, built = buildOutputs(root)): void {
  if (depth > 12 || !existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const abs = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (SKIP_DIRS.has(entry.name) || entry.name.startsWith('.')) continue;
      if (built.names.has(entry.name) || built.paths.has(abs)) continue;
      walk(abs, out, root, depth + 1, built);
    } else if (entry.isFile() && isCode(abs) && !isExcluded(relative(root, abs)) && !looksBuilt(abs)) out.push(abs);
  }
}

/** A folder's entries; none when it cannot be read. */
function entriesOf(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

/** Every manifest.yml under `root` (not in node_modules or build output), nearest first. */
export function findManifests(root: string): string[] {
  const direct = join(root, 'manifest.yml');
  if (existsSync(direct)) return [direct];
  const found: string[] = [];
  const visit = (dir: string, depth: number): void => {
    if (depth > 5) return;
    const entries = entriesOf(dir);
    for (const e of entries) {
      if (e.isFile() && e.name === 'manifest.yml') found.push(join(dir, e.name));
      else if (e.isDirectory() && !SKIP_DIRS.has(e.name) && !e.name.startsWith('.'))
        visit(join(dir, e.name), depth + 1);
    }
  };
  visit(root, 0);
  if (found.length === 0 && existsSync(join(root, 'manifest.template.yml')))
    return [join(root, 'manifest.template.yml')];
  return found.sort((a, b) => a.split(sep).length - b.split(sep).length || a.localeCompare(b));
}

interface Resolver {
  options: ts.CompilerOptions;
  cache: ts.ModuleResolutionCache;
}

/** Module resolution as the app's own tsconfig (nearest to the file) sets it, with JS allowed. */
class Resolution {
  private readonly byConfig = new Map<string, Resolver>();
  private readonly configOf = new Map<string, string | null>();

  constructor(private readonly stop: string) {}

  private nearestConfig(dir: string): string | null {
    const hit = this.configOf.get(dir);
    if (hit !== undefined) return hit;
    let found: string | null = null;
    for (const name of ['tsconfig.json', 'jsconfig.json', 'tsconfig.app.json']) {
      if (existsSync(join(dir, name))) {
        found = join(dir, name);
        break;
      }
    }
    if (found === null) {
      const parent = dirname(dir);
      found = parent !== dir && dir.startsWith(this.stop) && dir !== this.stop ? this.nearestConfig(parent) : null;
    }
    this.configOf.set(dir, found);
    return found;
  }

  private resolver(file: string): Resolver {
    const config = this.nearestConfig(dirname(file)) ?? '';
    let r = this.byConfig.get(config);
    if (!r) {
      const own = config === '' ? {} : (compilerOptionsOf(config) ?? {});
      const options: ts.CompilerOptions = {
        ...own,
        allowJs: true,
        moduleResolution:
          own.moduleResolution === ts.ModuleResolutionKind.Bundler
            ? ts.ModuleResolutionKind.Bundler
            : ts.ModuleResolutionKind.Node10,
      };
      if (options.moduleResolution === ts.ModuleResolutionKind.Bundler) options.module = ts.ModuleKind.ESNext;
      r = { options, cache: ts.createModuleResolutionCache(dirname(config || file), (s) => s, options) };
      this.byConfig.set(config, r);
    }
    return r;
  }

  resolve(spec: string, from: string): string | null {
    const r = this.resolver(from);
    const res = ts.resolveModuleName(spec, from, r.options, ts.sys, r.cache).resolvedModule;
    if (!res) return null;
    const file = res.resolvedFileName;
    if (file.includes(`${sep}node_modules${sep}`) || !isCode(file)) return null;
    return file;
  }
}

/** The files a function handler (`index.run`, `sub/file.fn`) points at, under src/. */
function handlerFile(appRoot: string, handler: string): string | null {
  const module = handler.slice(0, handler.lastIndexOf('.'));
  for (const base of [join(appRoot, 'src', module), join(appRoot, module)])
    for (const ext of CODE_EXT) if (existsSync(base + ext)) return base + ext;
  return null;
}

function hasProjectFile(dir: string): boolean {
  return PROJECT_FILES.some((f) => existsSync(join(dir, f)));
}

function findDirNamed(root: string, name: string): string | null {
  let best: string | null = null;
  const visit = (dir: string, depth: number): void => {
    if (depth > 4 || best !== null) return;
    const entries = entriesOf(dir);
    for (const e of entries) {
      if (!e.isDirectory() || SKIP_DIRS.has(e.name) || e.name.startsWith('.')) continue;
      const abs = join(dir, e.name);
      if (e.name === name && hasProjectFile(abs)) {
        best = abs;
        return;
      }
      visit(abs, depth + 1);
    }
  };
  visit(root, 0);
  return best;
}

/**
 * The source folder behind a Custom UI resource's build folder: the nearest project (package.json,
 * project.json, Vite or webpack config) above the build path, or, when that is the app itself, the folder
 * the build sits in; failing both, a project folder of the same name elsewhere in the repository.
 */
export function customUiSource(appRoot: string, repoRoot: string, resourcePath: string): string | null {
  const segments = resourcePath.split('/').filter((s) => s !== '' && s !== '.');
  const stemSegments = [...segments];
  while (stemSegments.length > 0 && BUILD_SEGMENTS.has(stemSegments[stemSegments.length - 1] ?? '')) stemSegments.pop();
  const stem = join(appRoot, ...stemSegments);
  for (let dir = join(appRoot, ...segments); dir.startsWith(appRoot) && dir !== appRoot; dir = dirname(dir)) {
    if (existsSync(dir) && hasProjectFile(dir)) return dir;
  }
  if (stemSegments.length > 0 && existsSync(stem) && statSync(stem).isDirectory() && stem !== appRoot) return stem;
  const named = [...segments].reverse().find((s) => !BUILD_SEGMENTS.has(s) && s !== 'static');
  return named ? findDirNamed(repoRoot, named) : null;
}

const list = (v: unknown): Record<string, unknown>[] =>
  Array.isArray(v) ? v.filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null) : [];

/** What the scan of an app's code starts from: its parsed manifest and where its folders are. */
export interface CodeRoots {
  /** The folder holding the manifest. */
  appRoot: string;
  repoRoot: string;
  /** Paths are shown relative to this folder. */
  shownRoot: string;
  manifestPath: string;
  manifest: Record<string, unknown>;
  /** Folders whose files are the panel's own (not the app's code): never scanned, never followed into. */
  skipDirs: readonly string[];
  /** Resource keys whose files are the panel's own page. */
  skipResources: readonly string[];
}

type Entry = { abs: string; side: CodeSide };

/** What the scan keeps while it runs: the roots, the problems so far, and two helpers on paths. */
interface CodeScan {
  roots: CodeRoots;
  problems: Problem[];
  /** Inside one of the panel's own folders. */
  skipped: (abs: string) => boolean;
  /** The path as shown. */
  rel: (abs: string) => string;
}

/** Each function's handler module, as a backend entry. */
function handlerEntries(c: CodeScan, modules: Record<string, unknown>): Entry[] {
  const entries: Entry[] = [];
  for (const fn of list(modules.function)) {
    const handler = typeof fn.handler === 'string' ? fn.handler : null;
    if (handler === null) continue;
    const file = handlerFile(c.roots.appRoot, handler);
    if (file && c.skipped(file)) continue;
    if (file) entries.push({ abs: file, side: 'backend' });
    else
      c.problems.push({
        file: c.roots.manifestPath,
        line: 0,
        rule: 'handler-not-found',
        severity: 'warning',
        message: `function ${String(fn.key)}: no source file for handler ${handler} under src/`,
      });
  }
  return entries;
}

/** Each resource's source files (its own file, its native folder, or its Custom UI project), as browser entries. */
function resourceEntries(c: CodeScan, modules: Record<string, unknown>): Entry[] {
  const { appRoot, repoRoot, manifestPath } = c.roots;
  const entries: Entry[] = [];
  const native = new Set<string>();
  for (const items of Object.values(modules))
    for (const m of list(items)) if (m.render === 'native' && typeof m.resource === 'string') native.add(m.resource);
  for (const res of list(c.roots.manifest.resources)) {
    const key = typeof res.key === 'string' ? res.key : '?';
    const path = typeof res.path === 'string' ? res.path : null;
    if (path === null || c.roots.skipResources.includes(key)) continue;
    const abs = resolve(appRoot, path);
    if (isCode(abs) && existsSync(abs)) {
      entries.push({ abs, side: 'browser' });
      continue;
    }
    const source =
      native.has(key) && existsSync(abs) && statSync(abs).isDirectory() ? abs : customUiSource(appRoot, repoRoot, path);
    if (source === null) {
      c.problems.push({
        file: manifestPath,
        line: 0,
        rule: 'resource-source-not-found',
        severity: 'warning',
        message: `resource ${key} (${path}): no source folder found behind it`,
      });
      continue;
    }
    const files: string[] = [];
    walk(source, files, source);
    if (files.length === 0 && !native.has(key)) continue; // static HTML, icons
    files.forEach((f) => entries.push({ abs: f, side: 'browser' }));
  }
  return entries;
}

/** Scans the entries and every file they import (Forge's packages aside), each once per side. */
function scanFrom(c: CodeScan, entries: Entry[]): ScannedFile[] {
  const { repoRoot } = c.roots;
  const resolution = new Resolution(repoRoot);
  const seen = new Map<string, ScannedFile>();
  const queue = [...entries];
  while (queue.length > 0) {
    const next = queue.shift();
    if (!next) break;
    const id = `${next.side} ${next.abs}`;
    if (seen.has(id) || c.skipped(next.abs)) continue;
    let text: string;
    try {
      text = readFileSync(next.abs, 'utf8');
    } catch {
      c.problems.push({
        file: c.rel(next.abs),
        line: 0,
        rule: 'unreadable-file',
        severity: 'warning',
        message: 'could not read the file',
      });
      continue;
    }
    const path = c.rel(next.abs);
    const scan = scanFile({ path, text, side: next.side });
    seen.set(id, { path, side: next.side, lines: text.split('\n').length, scan });
    for (const spec of scan.imports) {
      if (!spec.startsWith('.') && !spec.startsWith('/') && spec.startsWith('@forge/')) continue;
      const target = resolution.resolve(spec, next.abs);
      if (target && !isExcluded(relative(repoRoot, target))) queue.push({ abs: target, side: next.side });
    }
  }
  return [...seen.values()];
}

/** Every file Forge would build for the app, scanned: each handler's module and each resource's source, with what they import. */
export function scanAppCode(roots: CodeRoots): { files: ScannedFile[]; problems: Problem[] } {
  const doc = roots.manifest;
  const c: CodeScan = {
    roots,
    problems: [],
    skipped: (abs) => roots.skipDirs.some((d) => abs === d || abs.startsWith(d + sep)),
    rel: (abs) => relative(roots.shownRoot, abs).split(sep).join('/'),
  };
  const modules = (typeof doc.modules === 'object' && doc.modules !== null ? doc.modules : {}) as Record<
    string,
    unknown
  >;
  const entries = [...handlerEntries(c, modules), ...resourceEntries(c, modules)];
  const files = scanFrom(c, entries);
  return { files, problems: c.problems };
}

/** Files that mark a repository's or workspace's root. */
const ROOT_MARKERS = ['.git', 'pnpm-workspace.yaml', 'nx.json', 'lerna.json', 'turbo.json', 'rush.json'];

function isWorkspaceRoot(dir: string): boolean {
  if (ROOT_MARKERS.some((m) => existsSync(join(dir, m)))) return true;
  try {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { workspaces?: unknown };
    return pkg.workspaces !== undefined;
  } catch {
    return false;
  }
}

/**
 * The repository the folder belongs to: the folder itself or the nearest one up to three levels above it
 * that holds `.git` or a workspace file (pnpm, nx, lerna, turbo, rush, package.json workspaces); else the folder.
 */
export function repositoryRoot(dir: string): string {
  let at = resolve(dir);
  for (let level = 0; level <= 3; level++) {
    if (isWorkspaceRoot(at)) return at;
    const parent = dirname(at);
    if (parent === at) break;
    at = parent;
  }
  return resolve(dir);
}
