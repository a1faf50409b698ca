/**
 * `privacy-panel add [DIR] [--yes] [--dry-run]` and `privacy-panel remove [DIR]`: the panel into a host
 * Forge app and back out. Refusals (HostAppError) write nothing; `add` twice changes nothing the second time;
 * `remove` restores manifest.yml and package.json byte for byte and deletes the files `add` created, keeping policy/.
 */
import { existsSync, mkdirSync, readdirSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildHost } from './build';
import { readHostApp, validateHost } from './host-app';
import { DATA_FILES, PANEL } from './keys';
import { applySplices, hasMarkers, inFileOrder, removeBlocks, type Splice } from './manifest-edit';
import { removeScript } from './package-json';
import { describePlacement, planAdd, type Plan } from './plan';

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

function lineNumber(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

/** A diff of the splices: the lines taken out (-) and put in (+), at their line in the original. */
export function spliceDiff(file: string, text: string, splices: readonly Splice[]): string[] {
  if (splices.length === 0) return [];
  const out = [`--- ${file}`, `+++ ${file}`];
  for (const s of inFileOrder(splices)) {
    const removed = text.slice(s.start, s.end).split('\n').slice(0, -1);
    const added = s.text.split('\n').slice(0, -1);
    out.push(`@@ -${lineNumber(text, s.start)},${removed.length} +${lineNumber(text, s.start)},${added.length} @@`);
    out.push(...removed.map((l) => `-${l}`), ...added.map((l) => `+${l}`));
  }
  return out;
}

function describe(plan: Plan, app: { manifestText: string; packageText: string | undefined }): string[] {
  const out = ['Privacy Panel will be added:', ...plan.placements.map((p) => `  • ${describePlacement(p)}`)];
  const own = plan.placements.some((p) => p.kind !== 'sub-page');
  out.push(`  • functions: ${own ? 'its resolver, ' : ''}the daily personal data report, install and upgrade receipts`);
  out.push(
    ...plan.scopes.map(
      (s) => `  • scope ${s.scope} for ${s.why}${s.reused ? ' (already declared: reused)' : ' (new)'}`,
    ),
  );
  out.push(...plan.files.map((f) => `  • new file ${f.path}`));
  out.push('', ...spliceDiff('manifest.yml', app.manifestText, plan.manifestSplices));
  if (plan.packageSplice && app.packageText !== undefined)
    out.push(...spliceDiff('package.json', app.packageText, [{ ...plan.packageSplice, id: 'script', kind: 'items' }]));
  out.push('', ...plan.notes, ...plan.warnings.map((w) => `warning: ${w}`));
  return out;
}

export async function addPanel(dir: string, options: AddOptions = {}): Promise<AddResult> {
  const app = await validateHost(readHostApp(dir));
  const plan = planAdd(app, options.today ?? new Date().toISOString().slice(0, 10), options.keyPrefix);
  if (plan.alreadyAdded) {
    return {
      plan,
      output: ['Privacy Panel is already added to this app (manifest.yml has its blocks): nothing to change.'],
      written: false,
      manifestAfter: app.manifestText,
    };
  }
  const output = describe(plan, app);
  const manifestAfter = applySplices(app.manifestText, plan.manifestSplices);
  if (options.dryRun)
    return { plan, output: [...output, '', 'Dry run: nothing written.'], written: false, manifestAfter };

  for (const file of plan.files) {
    const abs = join(dir, file.path);
    if (existsSync(abs)) continue; // never overwrite: the plan only lists files that did not exist
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, file.text);
  }
  writeFileSync(join(dir, 'manifest.yml'), manifestAfter);
  if (plan.packageSplice && app.packageText !== undefined) {
    writeFileSync(join(dir, 'package.json'), applySplices(app.packageText, [{ ...plan.packageSplice, kind: 'items' }]));
  }
  const built = buildHost(dir);
  output.push(
    '',
    ...built.lines,
    '',
    'Next: write the statement in policy/ (every TODO(privacy-panel)), then `npm run build:privacy-panel` and `forge deploy`.',
  );
  return { plan, output, written: true, manifestAfter };
}

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
  const handlerDir = join(dir, PANEL.handlerDir);
  for (const name of ['index.ts', 'index.js', DATA_FILES.catalog, DATA_FILES.evidence])
    rmSync(join(handlerDir, name), { force: true });
  removeIfEmpty(handlerDir);
  rmSync(join(dir, PANEL.resourcePath), { recursive: true, force: true });
  return {
    output: [
      `Removed Privacy Panel: ${ids.length} block(s) from manifest.yml, the build script, ${PANEL.handlerDir}/ and ${PANEL.resourcePath}/.`,
      'policy/ is kept. If you added registerPrivacyPanel or mountPrivacyPanel lines to your code, take them out too.',
    ],
    removed: true,
  };
}
