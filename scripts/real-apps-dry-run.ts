/**
 * `add` on real public Forge apps, outside `npm test`: for each app folder given (or each manifest listed
 * in the survey labels, default /work/notes/real-apps/*.json), a dry run on the app as it is (read-only),
 * then, on a copy under .tmp/ (so Forge's packages resolve from this repository's node_modules), Forge's
 * validator, its client-side linter and its bundler before and after `add` (with a sub-page host's printed
 * wiring pasted in). Prints one Markdown row per app. Nothing from the apps is written into this repository.
 *
 *   npx tsx scripts/real-apps-dry-run.ts [APP_DIR… | LABELS_DIR]
 */
import fs from 'node:fs';
import path from 'node:path';
import { addPanel } from '../toolkit/cli/host/add';
import { HostAppError } from '../toolkit/cli/host/host-app';
import { describePlacement } from '../toolkit/cli/host/plan';
import { applyServerWiring } from '../toolkit/cli/host/wiring';
import { bundleOffline, lintOffline, validateManifest } from '../toolkit/forge/offline-checks';

const ROOT = path.resolve(__dirname, '..');

interface Labels {
  repo: string;
  localPath: string;
  apps: { manifest: string; shape: string[] }[];
}

/** Errors about resources not built in a fresh clone: not the manifest's fault, nor ours. */
const UNBUILT =
  /^(missing resource '|empty directory '|missing index\.html file in directory|could not find environment variable)/;

const firstLine = (text: string): string => (text.split('\n')[0] ?? '').slice(0, 160);
const message = (error: unknown): string => firstLine(error instanceof Error ? error.message : String(error));

async function validated(dir: string): Promise<number> {
  return (await validateManifest(dir)).errors.filter((e) => !UNBUILT.test(e.replace(/^\S+ /, ''))).length;
}

async function linted(dir: string): Promise<string> {
  try {
    const report = await lintOffline(dir);
    return `${report.errors} errors`;
  } catch (error) {
    return `lint failed: ${message(error)}`;
  }
}

async function bundled(dir: string): Promise<number | string> {
  try {
    const bundle = await bundleOffline(dir);
    let bytes = 0;
    const walk = (sub: string): void => {
      for (const entry of fs.readdirSync(sub, { withFileTypes: true })) {
        const full = path.join(sub, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name.endsWith('.cjs')) bytes += fs.statSync(full).size;
      }
    };
    walk(bundle.outputDir);
    fs.rmSync(bundle.outputDir, { recursive: true, force: true });
    return bytes;
  } catch (error) {
    return message(error).replace(/^Bundling failed: /, '');
  }
}

const kb = (b: number) => `${Math.round(b / 1024)} KB`;

async function tryApp(name: string, appDir: string, index: number): Promise<string> {
  let placement: string;
  try {
    const dry = await addPanel(appDir, { dryRun: true });
    placement = dry.plan.placements.map(describePlacement).join('; ');
  } catch (error) {
    if (error instanceof HostAppError)
      return `| ${name} | refused | ${error.refusals.map((r) => `${r.file}: ${firstLine(r.detail)}`).join(' / ')} |`;
    return `| ${name} | error | ${message(error)} |`;
  }
  const copy = path.join(ROOT, `.tmp/real-app-${index}`);
  fs.rmSync(copy, { recursive: true, force: true });
  try {
    fs.cpSync(appDir, copy, {
      recursive: true,
      filter: (src) => !/[/\\](node_modules|\.git)([/\\]|$)/.test(src.slice(appDir.length)),
    });
    const before = { valid: await validated(copy), lint: await linted(copy), bundle: await bundled(copy) };
    const added = await addPanel(copy, { yes: true });
    applyServerWiring(copy, added.plan.notes);
    const after = { valid: await validated(copy), lint: await linted(copy), bundle: await bundled(copy) };
    const bundle =
      typeof after.bundle === 'number'
        ? `bundles (${typeof before.bundle === 'number' ? `+${kb(after.bundle - before.bundle)}` : `${kb(after.bundle)}; before: ${before.bundle}`})`
        : `does not bundle: ${after.bundle}${typeof before.bundle === 'string' ? ' (nor before)' : ''}`;
    return `| ${name} | ${placement} | validator errors ${before.valid} → ${after.valid}; lint ${before.lint} → ${after.lint}; ${bundle} |`;
  } catch (error) {
    return `| ${name} | ${placement} | add on a copy failed: ${message(error)} |`;
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
}

function appsFrom(args: readonly string[]): { name: string; dir: string }[] {
  if (
    args.length > 0 &&
    args.every(
      (a) =>
        fs.existsSync(path.join(a, 'manifest.yml')) ||
        fs.existsSync(path.join(a, 'manifest.template.yml')) ||
        fs.existsSync(path.join(a, 'package.json')),
    )
  ) {
    return args.map((dir) => ({ name: path.relative('/work/realapps', path.resolve(dir)), dir: path.resolve(dir) }));
  }
  const labelsDir = args[0] ?? '/work/notes/real-apps';
  return fs
    .readdirSync(labelsDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((file) => {
      const labels = JSON.parse(fs.readFileSync(path.join(labelsDir, file), 'utf8')) as Labels;
      return labels.apps.map((app) => ({
        name: `${labels.repo}${path.dirname(app.manifest) === '.' ? '' : ` (${path.dirname(app.manifest)})`}`,
        dir: path.join(labels.localPath, path.dirname(app.manifest)),
      }));
    });
}

async function main(): Promise<void> {
  const rows = ['| App | Placement | Before → after add |', '| --- | --- | --- |'];
  let index = 0;
  for (const app of appsFrom(process.argv.slice(2))) {
    rows.push(await tryApp(app.name, app.dir, ++index));
    process.stderr.write(`${rows[rows.length - 1] ?? ''}\n`);
  }
  process.stdout.write(`${rows.join('\n')}\n`);
}

void main();
