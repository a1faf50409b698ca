/**
 * `add --dry-run` on real public Forge apps (issue 12), outside `npm test`: for each manifest listed in
 * the survey labels (default /work/notes/real-apps/*.json, apps cloned under /work/realapps), a dry run on
 * the app as it is (read-only), then `add` on a temporary copy, whose manifest then goes through Forge's
 * validator. Prints one Markdown row per app. Nothing from the apps is written into this repository.
 *
 *   npx tsx scripts/real-apps-dry-run.ts [LABELS_DIR]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addPanel } from '../toolkit/cli/host/add';
import { HostAppError } from '../toolkit/cli/host/host-app';
import { describePlacement } from '../toolkit/cli/host/plan';
import { validateManifest } from '../toolkit/forge/offline-checks';

interface Labels {
  repo: string;
  localPath: string;
  apps: { manifest: string; shape: string[] }[];
}

/** Errors about resources not built in a fresh clone: not the manifest's fault, nor ours. */
const UNBUILT =
  /^(missing resource '|empty directory '|missing index\.html file in directory|could not find environment variable)/;

function firstLine(text: string): string {
  return text.split('\n')[0] ?? '';
}

async function tryApp(labels: Labels, manifest: string): Promise<string> {
  const appDir = path.join(labels.localPath, path.dirname(manifest));
  const name = `${labels.repo}${path.dirname(manifest) === '.' ? '' : ` (${path.dirname(manifest)})`}`;
  let placement: string;
  try {
    const dry = await addPanel(appDir, { dryRun: true });
    placement = dry.plan.placements.map(describePlacement).join('; ');
  } catch (error) {
    if (error instanceof HostAppError) return `| ${name} | refused | ${firstLine(error.message)} |`;
    return `| ${name} | error | ${error instanceof Error ? error.message : String(error)} |`;
  }
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'privacy-panel-real-'));
  try {
    fs.cpSync(appDir, copy, { recursive: true, filter: (src) => !src.includes(`${path.sep}node_modules`) });
    // Messages the app's own manifest already gets (deprecations, unbuilt resources) are not add's doing.
    const messageOf = (e: string) => e.replace(/^\S+ /, '');
    const before = new Set((await validateManifest(copy)).errors.map(messageOf));
    await addPanel(copy, { yes: true });
    const report = await validateManifest(copy);
    const added = report.errors.map(messageOf).filter((e) => !before.has(e) && !UNBUILT.test(e));
    const verdict = added.length === 0 ? 'validates' : `validator adds: ${added.join('; ')}`;
    const had = report.errors.length - added.length;
    return `| ${name} | ${placement} | ${verdict}${had > 0 ? ` (${had} message(s) the app already had, or unbuilt resources)` : ''} |`;
  } catch (error) {
    return `| ${name} | ${placement} | add on a copy failed: ${error instanceof Error ? firstLine(error.message) : String(error)} |`;
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const dir = process.argv[2] ?? '/work/notes/real-apps';
  const rows = ['| App | Placement | Result after add |', '| --- | --- | --- |'];
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const labels = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Labels;
    for (const app of labels.apps) {
      rows.push(await tryApp(labels, app.manifest));
      process.stderr.write(`${rows[rows.length - 1] ?? ''}\n`);
    }
  }
  process.stdout.write(`${rows.join('\n')}\n`);
}

void main();
