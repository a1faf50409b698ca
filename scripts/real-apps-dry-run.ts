/**
 * `add` on real public Forge apps, outside `npm test`: for each app folder given (or each manifest listed
 * in the survey labels, default /work/notes/real-apps/*.json), a dry run on the app as it is (read-only),
 * then, on a copy under .tmp/ (so Forge's packages resolve from this repository's node_modules), Forge's
 * validator, its client-side linter and its bundler before and after `add` (with a sub-page host's printed
 * wiring pasted in). Prints one Markdown row per app. Nothing from the apps is written into this repository.
 *
 * With `--install TARBALL` (the packed privacy-panel package), each copy goes outside the repository instead
 * and gets the app's own dependencies and the package, as a vendor's `npm install --ignore-scripts` would
 * (when npm refuses the peer ranges, the refusal is reported and the install retried with
 * --legacy-peer-deps), so the bundler compiles the app against what it really uses.
 *
 *   npx tsx scripts/real-apps-dry-run.ts [--install TARBALL] [APP_DIR… | LABELS_DIR]
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
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

/** The app's shape: its products, Custom UI or UI Kit, TypeScript or JavaScript. */
function shapeOf(dir: string): string {
  const file = ['manifest.yml', 'manifest.template.yml'].map((f) => path.join(dir, f)).find((f) => fs.existsSync(f));
  if (!file) return 'no manifest';
  const manifest = parseYaml(fs.readFileSync(file, 'utf8')) as {
    modules?: Record<string, unknown>;
    resources?: unknown[];
  };
  const products = [
    ...new Set(
      Object.keys(manifest.modules ?? {})
        .map((key) => key.split(':')[0] ?? '')
        .filter(
          (p) => p && !['function', 'trigger', 'scheduledTrigger', 'webtrigger', 'consumer', 'endpoint'].includes(p),
        ),
    ),
  ];
  const ui = (manifest.resources ?? []).length > 0 ? 'Custom UI' : 'UI Kit';
  const language = fs.existsSync(path.join(dir, 'tsconfig.json')) ? 'TypeScript' : 'JavaScript';
  return `${products.join('+') || 'no product'}, ${ui}, ${language}`;
}

/** What npm said when it refused: the dependency it could not resolve, or its first error line. */
function npmRefusal(stderr: string): string {
  const lines = stderr.split('\n').map((line) => line.replace(/^npm (error|warn|ERR!) ?/, '').trim());
  const at = lines.findIndex((line) => line.startsWith('Could not resolve dependency'));
  if (at >= 0) return `ERESOLVE: ${lines.slice(at + 1, at + 3).join(' ')}`;
  const conflict = lines.findIndex((line) => line.startsWith('Conflicting peer dependency'));
  if (conflict >= 0) return `ERESOLVE: ${lines[conflict]}`;
  return firstLine(lines.filter((line) => line && !/^(code|errno|syscall|A complete log)/.test(line)).join('\n'));
}

type Manifest = Record<string, unknown> & {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
};

/** A version this registry lacks (ETARGET, E404) or a local path that is not there: the package's name and version. */
function missingPackage(stderr: string): { name: string; version: string } | undefined {
  const target = /No matching version found for (@?[^@\s]+)@(\S+?)\.?$/m.exec(stderr);
  if (target) return { name: target[1] ?? '', version: target[2] ?? '' };
  const notFound = /'(@?[^@'\s]+)@https?:\S+-(\d[^/\s]*)\.tgz' could not be found/.exec(stderr);
  if (notFound) return { name: notFound[1] ?? '', version: notFound[2] ?? '' };
  const local = /ENOENT[^\n]*?\/([^/\s]+)\/package\.json/.exec(stderr);
  return local ? { name: local[1] ?? '', version: 'file:' } : undefined;
}

/**
 * `npm install --ignore-scripts` of the app's dependencies and the package. A peer conflict is reported and
 * the install retried with --legacy-peer-deps; a version this registry lacks is replaced by its major's
 * newest (the lock dropped), a missing local package dropped; each step is reported.
 */
function install(dir: string, tarball: string): string {
  const steps: string[] = [];
  let legacy = false;
  for (let attempt = 0; attempt < 12; attempt++) {
    const args = ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--no-save', tarball];
    const run = spawnSync('npm', legacy ? [...args, '--legacy-peer-deps'] : args, { cwd: dir, encoding: 'utf8' });
    if (run.status === 0) return [...steps, legacy ? 'installed with --legacy-peer-deps' : 'installed'].join('; ');
    if (!legacy && /ERESOLVE/.test(run.stderr)) {
      steps.push(npmRefusal(run.stderr));
      legacy = true;
      continue;
    }
    const missing = missingPackage(run.stderr);
    const file = path.join(dir, 'package.json');
    const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
    const key = (['dependencies', 'devDependencies'] as const).find((k) => missing && manifest[k]?.[missing.name]);
    const group = key && manifest[key];
    if (!missing || !key || !group) return [...steps, `not installed: ${npmRefusal(run.stderr)}`].join('; ');
    if (missing.version === 'file:') {
      manifest[key] = Object.fromEntries(Object.entries(group).filter(([name]) => name !== missing.name));
      steps.push(`dropped ${missing.name} (a local package not in the repository)`);
    } else {
      const major = /^[\^~]?(\d+)\.(\d+)/.exec(missing.version);
      const spec = major?.[1] === '0' ? `^0.${major[2] ?? '0'}.0` : `^${major?.[1] ?? '0'}.0.0`;
      if (group[missing.name] === spec)
        return [...steps, `not installed: no ${missing.name}@${spec} on this registry`].join('; ');
      group[missing.name] = spec;
      steps.push(`${missing.name}@${missing.version} not on this registry: ${group[missing.name]}`);
    }
    fs.rmSync(path.join(dir, 'package-lock.json'), { force: true });
    fs.writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
  }
  return [...steps, 'not installed: too many attempts'].join('; ');
}

async function tryApp(name: string, appDir: string, index: number, tarball?: string): Promise<string> {
  let placement: string;
  try {
    const dry = await addPanel(appDir, { dryRun: true });
    placement = dry.plan.placements.map(describePlacement).join('; ');
  } catch (error) {
    if (error instanceof HostAppError) {
      const reasons = error.refusals.map((r) => `${r.file}: ${firstLine(r.detail)}`).join(' / ');
      return tarball
        ? `| ${name} | ${shapeOf(appDir)} | refused: ${reasons} | – | – | – | – | – | – |`
        : `| ${name} | refused | ${reasons} |`;
    }
    return `| ${name} | error | ${message(error)} |`;
  }
  const copy = tarball
    ? path.join(os.tmpdir(), 'pp-real-apps', `real-app-${process.pid}-${index}`)
    : path.join(ROOT, `.tmp/real-app-${index}`);
  fs.rmSync(copy, { recursive: true, force: true });
  try {
    fs.cpSync(appDir, copy, {
      recursive: true,
      filter: (src) => !/[/\\](node_modules|\.git)([/\\]|$)/.test(src.slice(appDir.length)),
    });
    const installed = tarball ? `${install(copy, tarball)}; ` : '';
    const before = { valid: await validated(copy), lint: await linted(copy), bundle: await bundled(copy) };
    const added = await addPanel(copy, { yes: true });
    applyServerWiring(copy, added.plan.notes);
    const after = { valid: await validated(copy), lint: await linted(copy), bundle: await bundled(copy) };
    if (tarball) {
      const size = (b: number | string) => (typeof b === 'number' ? kb(b) : `no: ${b}`);
      const growth =
        typeof after.bundle === 'number' && typeof before.bundle === 'number'
          ? `+${Math.round((after.bundle - before.bundle) / 1024)}`
          : '–';
      return `| ${name} | ${shapeOf(appDir)} | ${placement} | ${before.valid} → ${after.valid} | ${before.lint} → ${after.lint} | ${size(before.bundle)} | ${size(after.bundle)} | ${growth} | ${installed.replace(/; $/, '')} |`;
    }
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
  const args = process.argv.slice(2);
  const at = args.indexOf('--install');
  const tarball = at >= 0 ? path.resolve(args.splice(at, 2)[1] ?? '') : undefined;
  const rows = tarball
    ? [
        '| App | Shape | Placement | validate() | lint | Bundle before | Bundle after | Growth KB | Install |',
        '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      ]
    : ['| App | Placement | Before → after add |', '| --- | --- | --- |'];
  let index = 0;
  for (const app of appsFrom(args)) {
    rows.push(await tryApp(app.name, app.dir, ++index, tarball));
    process.stderr.write(`${rows[rows.length - 1] ?? ''}\n`);
  }
  process.stdout.write(`${rows.join('\n')}\n`);
}

void main();
