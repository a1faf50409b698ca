/**
 * `privacy-panel add [DIR] [--yes] [--dry-run]` and `privacy-panel remove [DIR]`: the panel into a host
 * Forge app and back out. Refusals (HostAppError) write nothing; `add` twice changes nothing the second time;
 * `remove` restores manifest.yml and package.json byte for byte and deletes the files `add` created, keeping policy/.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildHost } from './build';
import { gitignoreAfter, gitignoreBefore } from './gitignore';
import { HostAppError, RANK, readHostApp, validateHost, type HostApp, type Refusal } from './host-app';
import { PANEL } from './panel-names';
import { applySplices, editedManifest, hasMarkers, removeBlocks } from './manifest-edit';
import { removeScript } from './package-json';
import { describePlacement, planAdd, type Plan } from './plan';
import { unifiedDiff } from './unified-diff';

export interface AddOptions {
  dryRun?: boolean;
  /** Apply without asking (the CLI asks on a terminal otherwise). */
  yes?: boolean;
  /** The panel's KVS key prefix (--key-prefix); default `pp:`, or a fallback when the host's keys overlap it. */
  keyPrefix?: string;
  /** YYYY-MM-DD for the starter statement; default today. */
  today?: string;
}

export interface AddResult {
  plan: Plan;
  /** What was (or, in a dry run, would be) printed. */
  output: string[];
  written: boolean;
  manifestAfter: string;
}

/** The texts `add` changes, before and after: manifest.yml, package.json, .gitignore (undefined: no such file). */
interface Edits {
  manifest: { before: string; after: string };
  packageJson: { before: string; after: string } | null;
  gitignore: { before: string | undefined; after: string } | null;
}

function editsOf(plan: Plan, app: { dir: string; manifestText: string; packageText: string | undefined }): Edits {
  const file = join(app.dir, '.gitignore');
  const before = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  const gitignore = gitignoreAfter(before);
  return {
    manifest: { before: app.manifestText, after: applySplices(app.manifestText, plan.manifestSplices) },
    packageJson:
      plan.packageSplice && app.packageText !== undefined
        ? { before: app.packageText, after: applySplices(app.packageText, [{ ...plan.packageSplice, kind: 'items' }]) }
        : null,
    gitignore: gitignore === null ? null : { before, after: gitignore },
  };
}

/** The changes to existing files as one patch `git apply` takes (new files are listed, not diffed). */
function patch(edits: Edits): string[] {
  const out = unifiedDiff('manifest.yml', edits.manifest.before, edits.manifest.after);
  if (edits.packageJson) out.push(...unifiedDiff('package.json', edits.packageJson.before, edits.packageJson.after));
  if (edits.gitignore?.before !== undefined)
    out.push(...unifiedDiff('.gitignore', edits.gitignore.before, edits.gitignore.after));
  return out;
}

function describe(plan: Plan, edits: Edits): string[] {
  const out = ['Privacy Panel will be added:', ...plan.placements.map((p) => `  • ${describePlacement(p)}`)];
  const own = plan.placements.some((p) => p.kind !== 'sub-page');
  out.push(`  • functions: ${own ? 'its resolver, ' : ''}the daily personal data report, install and upgrade receipts`);
  out.push(
    ...plan.scopes.map(
      (s) => `  • scope ${s.scope} for ${s.why}${s.reused ? ' (already declared: reused)' : ' (new)'}`,
    ),
  );
  out.push(...plan.files.map((f) => `  • new file ${f.path}`));
  if (edits.gitignore?.before === undefined && edits.gitignore) out.push('  • new file .gitignore (.preview/)');
  out.push('', ...patch(edits));
  out.push('', ...plan.notes, ...plan.warnings.map((w) => `warning: ${w}`));
  return out;
}

/** The top-level folders `add` creates (src/, static/…) that did not exist: `remove` deletes them when empty. */
function createdRoots(dir: string, plan: Plan): string[] {
  return [
    ...new Set([...plan.files.map((f) => f.path), PANEL.resourcePath].map((p) => p.split('/')[0] as string)),
  ].filter((root) => !existsSync(join(dir, root)));
}

/** The host read once and validated once: both runs of an `add` (the preview, then applying it) start from it. */
export interface PreparedHost {
  app: HostApp;
  /** Forge's validator's refusal, when it rejects the manifest. */
  refusals: readonly Refusal[];
}

export async function prepareHost(dir: string): Promise<PreparedHost> {
  const app = readHostApp(dir);
  try {
    return { app: await validateHost(app), refusals: [] };
  } catch (error) {
    if (!(error instanceof HostAppError)) throw error;
    return { app, refusals: [{ file: error.file, detail: error.detail, rank: RANK.validator }] };
  }
}

export async function addPanel(dir: string, options: AddOptions = {}, host?: PreparedHost): Promise<AddResult> {
  const { app, refusals } = host ?? (await prepareHost(dir));
  const plan = planAdd(app, options.today ?? new Date().toISOString().slice(0, 10), options.keyPrefix, refusals);
  if (plan.alreadyAdded) {
    return {
      plan,
      output: ['Privacy Panel is already added to this app (manifest.yml has its blocks): nothing to change.'],
      written: false,
      manifestAfter: app.manifestText,
    };
  }
  const edits = editsOf(plan, app);
  const output = describe(plan, edits);
  const manifestAfter = edits.manifest.after;
  if (options.dryRun)
    return { plan, output: [...output, '', 'Dry run: nothing written.'], written: false, manifestAfter };
  const roots = createdRoots(dir, plan);

  for (const file of plan.files) {
    const abs = join(dir, file.path);
    if (existsSync(abs)) continue; // never overwrite: the plan only lists files that did not exist
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, file.text);
  }
  writeFileSync(join(dir, 'manifest.yml'), manifestAfter);
  if (edits.packageJson) writeFileSync(join(dir, 'package.json'), edits.packageJson.after);
  if (edits.gitignore) writeFileSync(join(dir, '.gitignore'), edits.gitignore.after);
  if (roots.length > 0) writeFileSync(join(dir, PANEL.handlerDir, CREATED_ROOTS), `${roots.join('\n')}\n`);
  const built = buildHost(dir, {}, app.withManifest(manifestAfter, editedManifest(app.manifest, plan.manifestEdits)));
  const rebuild = app.packageText === undefined ? '`npx privacy-panel build`' : `\`npm run ${PANEL.script}\``;
  output.push(
    '',
    ...built.lines,
    '',
    `Next: write the statement in policy/ (every TODO(privacy-panel)), then ${rebuild} and \`forge deploy\`.`,
  );
  return { plan, output, written: true, manifestAfter };
}

/** The list of top-level folders `add` created, kept in the handler folder for `remove`. */
const CREATED_ROOTS = '.created-folders';

function removeIfEmpty(path: string): void {
  if (existsSync(path) && readdirSync(path).length === 0) rmdirSync(path);
}

export interface RemoveResult {
  output: string[];
  removed: boolean;
}

export function removePanel(dir: string): RemoveResult {
  const app = readHostApp(dir);
  if (!hasMarkers(app.manifestText)) {
    return {
      output: ['Privacy Panel is not in this app (manifest.yml has none of its blocks): nothing to remove.'],
      removed: false,
    };
  }
  const { text, ids } = removeBlocks(app.manifestText);
  writeFileSync(join(dir, 'manifest.yml'), text);
  if (app.packageText !== undefined) {
    const pkg = removeScript(app.packageText);
    if (pkg !== app.packageText) writeFileSync(join(dir, 'package.json'), pkg);
  }
  const gitignore = join(dir, '.gitignore');
  if (existsSync(gitignore)) {
    const text = readFileSync(gitignore, 'utf8');
    const before = gitignoreBefore(text);
    if (before === undefined) rmSync(gitignore);
    else if (before !== text) writeFileSync(gitignore, before);
  }
  const handlerDir = join(dir, PANEL.handlerDir);
  const rootsFile = join(handlerDir, CREATED_ROOTS);
  const roots = existsSync(rootsFile) ? readFileSync(rootsFile, 'utf8').split('\n').filter(Boolean) : [];
  for (const name of ['index.ts', 'index.js', 'data.ts', 'data.js', 'data.d.ts', CREATED_ROOTS])
    rmSync(join(handlerDir, name), { force: true });
  removeIfEmpty(handlerDir);
  rmSync(join(dir, PANEL.resourcePath), { recursive: true, force: true });
  rmSync(join(dir, '.preview'), { recursive: true, force: true });
  // The top-level folders add created (src/, static/): gone when nothing else was put in them since.
  for (const root of roots) if (!root.includes('/') && !root.startsWith('.')) removeIfEmpty(join(dir, root));
  return {
    output: [
      `Removed Privacy Panel: ${ids.length} block(s) from manifest.yml, the build script, ${PANEL.handlerDir}/ and ${PANEL.resourcePath}/.`,
      'policy/ is kept. If you added registerPrivacyPanel or mountPrivacyPanel lines to your code, take them out too.',
    ],
    removed: true,
  };
}
