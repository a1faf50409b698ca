/**
 * The one reader of a Forge app, for every command (`add`, `build`, `preview`, `check`, `evidence`,
 * `marketplace`): it finds the manifest(s) (`manifest.yml`, else `manifest.template.yml`; several in a
 * monorepo) and the repository root, parses each manifest once, reads the package file, and scans the code
 * Forge would build once (app-files.ts: handlers, resources and what they import, through the app's own
 * tsconfig, build output skipped). When the panel was added, it knows the panel's own files (the handler
 * folder and the page resource `add` wrote): they are not the app's code, and the panel's calls are
 * credited to the panel (panel-needs.ts). A command reads the app once and passes the result down.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import YAML, { LineCounter, type Document } from 'yaml';
import type { AppInputs, ScannedFile } from '../evidence/app-evidence';
import { InvalidManifestError, readManifestFacts } from '../evidence/manifest-facts';
import type { AppEvidence, CodeSide } from '../../src/domain/evidence/types';
import { DEFAULT_KEY_PREFIX } from '../../src/domain/storage/key-prefix';
import { AppLoadError, findManifests, repositoryRoot, scanAppCode } from './app-files';
import { hasMarkers } from './host/manifest-edit';
import { PANEL } from './host/panel-names';
import { panelFindings, productsIn } from './host/panel-needs';
import { isRecord } from '../../src/domain/is-record';

type Problem = AppEvidence['problems'][number];

/** How often the reader parsed a manifest and scanned an app's code (since `resetReads`): "once" is measured here. */
export const READS = { manifestParses: 0, codeScans: 0 };

export function resetReads(): void {
  READS.manifestParses = 0;
  READS.codeScans = 0;
}

/** What the panel put into the app, when `add` put it there. */
export interface PanelFiles {
  /** The manifest holds the panel's marked blocks. */
  added: boolean;
  /** The panel's own folders (absolute): its handler folder and its page resource; empty when not added. */
  dirs: string[];
  /** The prefix of the panel's keys in this app's KVS (the handler file's `keyPrefix`, else `pp:`). */
  keyPrefix: string;
}

export interface ForgeApp {
  /** The folder holding the manifest. */
  dir: string;
  /** The repository (or workspace) the app belongs to. */
  repoRoot: string;
  /** Shown paths start here: the repository root (evidence, check) or the app's folder (host commands). */
  shownRoot: string;
  manifestFile: string;
  /** The manifest's path as shown. */
  manifestPath: string;
  manifestText: string;
  /** The parsed manifest, with source positions (for edits). */
  doc: Document;
  /** The manifest as plain data, `${VAR}`s that are set in the environment filled in. */
  manifest: Record<string, unknown>;
  packageText: string | undefined;
  packageJson: Record<string, unknown> | undefined;
  /** Why package.json could not be read as a JSON object, when it could not. */
  packageError: string | undefined;
  typescript: boolean;
  panel: PanelFiles;
  /** The text of the app's source folders (read on the first call, then kept): what `add` reads beyond the scan. */
  sources(): readonly SourceText[];
  /** The app's code as the evidence engine reads it: scanned on the first call, then kept. */
  code(): AppInputs;
  /** The same app under a manifest `add` produced: the code is not scanned again, and `doc` stays the one read. */
  withManifest(text: string, manifest: Record<string, unknown>): ForgeApp;
}

/** A source file under the app's `src/` (the function's side) or `static/` (the browser's). */
export interface SourceText {
  /** Relative to the app's folder, posix separators. */
  path: string;
  side: CodeSide;
  text: string;
}

const SOURCE = /\.(tsx?|jsx?|cjs|mjs)$/;
const NOT_SOURCE = new Set(['node_modules', 'build', 'dist', 'out', '.git']);

/**
 * Every source file under `src/` and `static/`, sorted, without build output, node_modules and the panel's
 * own folders: wider than the scan (which follows what Forge bundles) on purpose, for the key spellings
 * and the UI Kit 1 imports `add` must not miss.
 */
function readSources(dir: string, skipDirs: readonly string[]): SourceText[] {
  const out: SourceText[] = [];
  const walk = (rel: string, side: CodeSide): void => {
    const abs = join(dir, rel);
    if (!existsSync(abs) || skipDirs.includes(abs)) return;
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      if (NOT_SOURCE.has(entry.name)) continue;
      const child = `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(child, side);
      else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts'))
        out.push({ path: child, side, text: readFileSync(join(dir, child), 'utf8') });
    }
  };
  walk('src', 'backend');
  walk('static', 'browser');
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export interface ReadOptions {
  /** A manifest file to read instead of finding them. */
  manifest?: string;
  /** Where shown paths start; default the repository root. */
  shownFrom?: 'repository' | 'app';
  /** The repository root, when the caller knows it; default the nearest folder with `.git` or a workspace file. */
  repoRoot?: string;
}

const VARIABLE = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** `${VAR}` placeholders (forge deploy substitutes environment variables): each unset one is reported. */
function unsetVariables(text: string, file: string): Problem[] {
  return text.split('\n').flatMap((line, i) =>
    [...line.matchAll(VARIABLE)]
      .filter((m) => process.env[m[1] ?? ''] === undefined)
      .map((m): Problem => ({
        file,
        line: i + 1,
        rule: 'manifest-variable',
        severity: 'warning',
        message: `\${${m[1] ?? ''}} is not set in the environment; read as written`,
      })),
  );
}

/** Every string of `value` with the set variables filled in. */
function substituted(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(VARIABLE, (whole, name: string) => process.env[name] ?? whole);
  if (Array.isArray(value)) return value.map(substituted);
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substituted(v)]));
  return value;
}

interface ParsedManifest {
  text: string;
  doc: Document;
  manifest: Record<string, unknown>;
  problems: Problem[];
}

function parseManifestFile(abs: string, shown: string): ParsedManifest {
  if (!existsSync(abs)) throw new AppLoadError(shown, 0, 'no such file');
  const text = readFileSync(abs, 'utf8');
  READS.manifestParses++;
  const problems: Problem[] = [];
  if (basename(abs) === 'manifest.template.yml')
    problems.push({
      file: shown,
      line: 0,
      rule: 'manifest-template',
      severity: 'warning',
      message:
        'read manifest.template.yml: the manifest is generated from it before deploy, so what is deployed may differ',
    });
  problems.push(...unsetVariables(text, shown));
  const lineCounter = new LineCounter();
  const doc = YAML.parseDocument(text, { merge: true, lineCounter, prettyErrors: false, uniqueKeys: false });
  const [error] = doc.errors;
  if (error) {
    const line = lineCounter.linePos(error.pos[0]).line;
    throw new AppLoadError(shown, line, `not valid YAML: ${error.message.split('\n')[0] ?? ''}`);
  }
  const value: unknown = doc.toJS({ maxAliasCount: 1000 });
  if (!isRecord(value)) throw new AppLoadError(shown, 1, 'the manifest must be a YAML mapping');
  return { text, doc, manifest: substituted(value) as Record<string, unknown>, problems };
}

/** A manifest file parsed as the reader parses it (tests of the evidence engine). */
export function readManifestFile(abs: string, shown: string): { doc: Record<string, unknown>; problems: Problem[] } {
  const parsed = parseManifestFile(abs, shown);
  return { doc: parsed.manifest, problems: parsed.problems };
}

function readPackage(dir: string): Pick<ForgeApp, 'packageText' | 'packageJson' | 'packageError'> {
  const file = join(dir, 'package.json');
  if (!existsSync(file)) return { packageText: undefined, packageJson: undefined, packageError: undefined };
  const packageText = readFileSync(file, 'utf8');
  try {
    const value: unknown = JSON.parse(packageText);
    return isRecord(value)
      ? { packageText, packageJson: value, packageError: undefined }
      : { packageText, packageJson: undefined, packageError: 'must be a JSON object' };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { packageText, packageJson: undefined, packageError: `is not valid JSON (${why})` };
  }
}

/** The panel's files in the app at `dir`, known from the manifest's marked blocks and the handler file. */
function panelFiles(dir: string, manifestText: string): PanelFiles {
  if (!hasMarkers(manifestText)) return { added: false, dirs: [], keyPrefix: DEFAULT_KEY_PREFIX };
  const handler = ['index.ts', 'index.js']
    .map((name) => join(dir, PANEL.handlerDir, name))
    .find((file) => existsSync(file));
  const spelled = handler ? /\bkeyPrefix:\s*'([^'\n]+)'/.exec(readFileSync(handler, 'utf8'))?.[1] : undefined;
  return {
    added: true,
    dirs: [join(dir, ...PANEL.handlerDir.split('/')), join(dir, ...PANEL.resourcePath.split('/'))],
    keyPrefix: spelled ?? DEFAULT_KEY_PREFIX,
  };
}

const shownPath = (from: string, abs: string): string => relative(from, abs).split(sep).join('/');

function modulesOf(manifest: Record<string, unknown>): Record<string, unknown> {
  return isRecord(manifest['modules']) ? manifest['modules'] : {};
}

/** The panel's own code in the app, as one file of findings: what it calls, credited to the scopes declared. */
function panelFile(app: ForgeApp, declared: readonly string[]): ScannedFile[] {
  if (!app.panel.added) return [];
  const path = shownPath(app.shownRoot, join(app.dir, ...PANEL.handlerDir.split('/')));
  const findings = panelFindings(declared, productsIn(modulesOf(app.manifest)), path);
  return [{ path, side: 'backend', lines: 0, scan: { findings, imports: [] } }];
}

interface Readers {
  scanned: () => { files: ScannedFile[]; problems: Problem[] };
  sources: () => readonly SourceText[];
  manifestProblems: readonly Problem[];
}

function assemble(parts: Omit<ForgeApp, 'code' | 'withManifest' | 'sources'>, readers: Readers): ForgeApp {
  const { scanned, manifestProblems } = readers;
  let inputs: AppInputs | undefined;
  const app: ForgeApp = {
    ...parts,
    sources: readers.sources,
    code() {
      if (inputs) return inputs;
      let facts;
      try {
        facts = readManifestFacts(app.manifest);
      } catch (error) {
        if (error instanceof InvalidManifestError) throw new AppLoadError(app.manifestPath, 0, error.message);
        throw error;
      }
      const code = scanned();
      inputs = {
        manifestPath: app.manifestPath,
        manifest: app.manifest,
        facts,
        files: [...code.files, ...panelFile(app, facts.scopes)],
        problems: [...manifestProblems, ...code.problems],
      };
      return inputs;
    },
    withManifest(text, manifest) {
      return assemble({ ...parts, manifestText: text, manifest, panel: panelFiles(parts.dir, text) }, readers);
    },
  };
  return app;
}

/** Reads the app whose manifest is `manifestFile`. */
function readOne(manifestFile: string, repoRoot: string, shownFrom: ReadOptions['shownFrom']): ForgeApp {
  const dir = dirname(manifestFile);
  const shownRoot = shownFrom === 'app' ? dir : repoRoot;
  const manifestPath = shownPath(shownRoot, manifestFile) || basename(manifestFile);
  const parsed = parseManifestFile(manifestFile, manifestPath);
  const panel = panelFiles(dir, parsed.text);
  let scan: { files: ScannedFile[]; problems: Problem[] } | undefined;
  const scanned = () => {
    if (scan) return scan;
    READS.codeScans++;
    scan = scanAppCode({
      appRoot: dir,
      repoRoot,
      shownRoot,
      manifestPath,
      // The code Forge builds is fixed by the host's own entries: those `add` writes are the panel's.
      manifest: parsed.manifest,
      skipDirs: panel.dirs,
      skipResources: panel.added ? [PANEL.resource] : [],
    });
    return scan;
  };
  let texts: SourceText[] | undefined;
  const sources = () => (texts ??= readSources(dir, panel.dirs));
  return assemble(
    {
      dir,
      repoRoot,
      shownRoot,
      manifestFile,
      manifestPath,
      manifestText: parsed.text,
      doc: parsed.doc,
      manifest: parsed.manifest,
      ...readPackage(dir),
      typescript: existsSync(join(dir, 'tsconfig.json')),
      panel,
    },
    { scanned, sources, manifestProblems: parsed.problems },
  );
}

/**
 * The apps at `root` (or the one `manifest` names), read from their repository's root: sources outside the
 * folder given are found, and by default every path is shown from that root, so any folder of the
 * repository gives the same evidence for an app.
 */
export function readForgeApps(root: string, options: ReadOptions = {}): ForgeApp[] {
  const given = resolve(root);
  if (!existsSync(given)) throw new AppLoadError(root, 0, 'no such folder');
  const repoRoot = options.repoRoot ?? repositoryRoot(given);
  const found = options.manifest !== undefined ? [resolve(options.manifest)] : findManifests(given);
  // A folder with no manifest under it (a Custom UI project beside the app): the repository's apps.
  const manifests = found.length > 0 || repoRoot === given ? found : findManifests(repoRoot);
  if (manifests.length === 0) throw new AppLoadError(root, 0, 'no manifest.yml found (pass --manifest FILE)');
  return manifests.map((m) => readOne(m, repoRoot, options.shownFrom));
}

/** The first app at `root`: what `check`, `marketplace` and the host commands work on. */
export function readForgeApp(root: string, options: ReadOptions = {}): ForgeApp {
  const [first] = readForgeApps(root, options);
  if (!first) throw new AppLoadError(root, 0, 'no app found');
  return first;
}

/** Each app's code at `root`, as the evidence engine takes it. */
export function loadApps(root: string, manifest?: string): AppInputs[] {
  return readForgeApps(root, manifest === undefined ? {} : { manifest }).map((app) => app.code());
}
