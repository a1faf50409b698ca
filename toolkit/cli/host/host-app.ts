/**
 * Reads a host Forge app for `add`/`remove`/`build`/`preview`, and refuses, naming the file and what to
 * do, whatever the panel cannot be added to: not a Forge app, a manifest Forge's validator rejects, a runtime
 * older than nodejs22.x, UI Kit 1 (@forge/ui imported). `add` gathers every refusal of a run (refuseAll).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { validate } from '@forge/manifest';
import { AppLoadError } from '../app-files';
import { readForgeApp, type ForgeApp } from '../forge-app';
import { EXIT, ToolkitError } from '../../errors';
import { isRecord } from '../../../src/domain/is-record';

/** A refusal: the host is left as it was. */
export class HostAppError extends ToolkitError {
  readonly code = 'PP-HOST-REFUSED';
  readonly exitCode = EXIT.findings;
  declare readonly file: string;
  constructor(
    /** The file the problem is in, relative to the host folder. */
    file: string,
    /** What is wrong and what to do, without the file. */
    readonly detail: string,
    /** Every refusal of the run, most fundamental first, when there are several. */
    readonly refusals: readonly Refusal[] = [{ file, detail, rank: 0 }],
  ) {
    super(`${file}: ${detail}`, { file, after: 'Nothing was written.' });
  }
}

/**
 * How fundamental a refusal is: the vendor learns the real blocker first. Not a Forge app for a product the
 * panel supports → a manifest Forge rejects → the runtime → UI Kit 1 → no free slot (or a taken name).
 */
export const RANK = { product: 0, validator: 1, runtime: 2, uiKit1: 3, slot: 4 } as const;

export interface Refusal {
  file: string;
  detail: string;
  rank: number;
}

/** Every refusal at once, most fundamental first: one error naming each, or nothing when there is none. */
export function refuseAll(refusals: readonly Refusal[]): void {
  if (refusals.length === 0) return;
  const sorted = [...refusals].sort((a, b) => a.rank - b.rank);
  const first = sorted[0] as Refusal;
  if (sorted.length === 1) throw new HostAppError(first.file, first.detail, sorted);
  const list = sorted.map((r, i) => `  ${i + 1}. ${r.file}: ${r.detail.replace(/\n/g, '\n     ')}`).join('\n');
  throw new HostAppError(
    first.file,
    `the panel cannot be added yet, for ${sorted.length} reasons (the most fundamental first):\n${list}`,
    sorted,
  );
}

/** Runs `step`; a HostAppError it throws becomes a refusal of `rank` (every other error goes on). */
export function collect<T>(refusals: Refusal[], rank: number, step: () => T): T | null {
  try {
    return step();
  } catch (error) {
    if (!(error instanceof HostAppError)) throw error;
    refusals.push(...error.refusals.map((r) => ({ ...r, rank: Math.max(r.rank, rank) })));
    return null;
  }
}

/** A host app as the host commands see it: the one reader's app, read from its folder. */
export interface HostApp extends ForgeApp {
  /** validate() messages that only say a resource is not built yet: fine for a dry run on a fresh clone. */
  warnings: string[];
}

const SUPPORTED_RUNTIMES = ['nodejs22.x', 'nodejs24.x'];

/** Resource folders not built yet and unset environment variables: a fresh clone, not a broken manifest. */
const UNBUILT = [
  /^missing resource '/,
  /^empty directory '/,
  /^missing index\.html file in directory/,
  /^could not find environment variable/,
];

function dependsOn(pkg: Record<string, unknown> | undefined, name: string): boolean {
  return ['dependencies', 'devDependencies', 'peerDependencies'].some((field) => {
    const deps = pkg?.[field];
    return isRecord(deps) && name in deps;
  });
}

/**
 * The host at `dir` through the one reader: its manifest.yml parsed, shaped like a Forge manifest, and its
 * package.json. No validate(). Paths are shown from the host's folder.
 */
export function readHostApp(dir: string): HostApp {
  if (!existsSync(join(dir, 'manifest.yml'))) {
    const template = ['manifest.template.yml', 'manifest.template.yaml'].find((f) => existsSync(join(dir, f)));
    throw new HostAppError(
      'manifest.yml',
      template
        ? `not found in ${dir}, only ${template}: the panel edits the manifest Forge deploys. Generate manifest.yml from the template (your build step that fills it in), then run add on the folder that holds it; or add the panel's blocks to the template by hand (README: "Add it to your app").`
        : `not found in ${dir}: this is not a Forge app. Run the command in the folder that holds your app's manifest.yml (or pass that folder).`,
    );
  }
  let app: ForgeApp;
  try {
    app = readForgeApp(dir, { manifest: join(dir, 'manifest.yml'), shownFrom: 'app' });
  } catch (error) {
    if (!(error instanceof AppLoadError)) throw error;
    throw new HostAppError(
      'manifest.yml',
      `${error.reason.replace(/^not valid YAML: (.*)$/, 'is not valid YAML ($1)')}; fix it, then run again.`,
    );
  }
  if (!isRecord(app.manifest['app']) || !isRecord(app.manifest['modules'])) {
    throw new HostAppError('manifest.yml', 'needs `app` and `modules` mappings, as every Forge manifest has.');
  }
  if (app.packageError !== undefined) throw new HostAppError('package.json', app.packageError);
  return { ...app, warnings: [] };
}

/** The runtime refusal: the panel needs nodejs22.x or newer. */
export function runtimeRefusal(app: HostApp): Refusal | null {
  const appSection = app.manifest['app'] as Record<string, unknown>;
  const runtime = isRecord(appSection['runtime']) ? appSection['runtime']['name'] : undefined;
  if (typeof runtime === 'string' && SUPPORTED_RUNTIMES.includes(runtime)) return null;
  return {
    file: 'manifest.yml',
    rank: RANK.runtime,
    detail: `app.runtime.name is ${typeof runtime === 'string' ? runtime : 'missing'}; the panel needs nodejs22.x or newer. Set \`app.runtime.name: nodejs22.x\` (Node 20 can no longer be deployed), check your app still runs, then run add again.`,
  };
}

/**
 * The UI Kit 1 refusal, only when the code imports `@forge/ui`; a package.json that merely lists it gets a
 * warning instead (returned as `warning`).
 */
export function uiKit1Refusal(
  app: HostApp,
  importers: readonly string[],
): { refusal: Refusal | null; warning: string | null } {
  if (importers.length > 0) {
    return {
      warning: null,
      refusal: {
        file: importers[0] as string,
        rank: RANK.uiKit1,
        detail: `imports @forge/ui (UI Kit 1)${importers.length > 1 ? ` (so do ${importers.slice(1).join(', ')})` : ''}, which Forge removed in 2025. Move its modules to UI Kit (@forge/react, \`render: native\`) or Custom UI first, then run add again.`,
      },
    };
  }
  return {
    refusal: null,
    warning: dependsOn(app.packageJson, '@forge/ui')
      ? 'package.json lists @forge/ui (UI Kit 1), but no source file imports it: consider removing it.'
      : null,
  };
}

/** Forge's own validator on the host's manifest, run from the host folder (translation paths are cwd-relative). */
export async function validateHost(app: HostApp): Promise<HostApp> {
  const previous = process.cwd();
  process.chdir(app.dir);
  try {
    const result = await validate(false, join(app.dir, 'manifest.yml'));
    const errors = (result.errors ?? []).filter((e) => e.level !== 'warning');
    const unbuilt = errors.filter((e) => UNBUILT.some((re) => re.test(e.message)));
    const real = errors.filter((e) => !unbuilt.includes(e));
    if (real.length > 0) {
      const lines = real.map((e) => `  line ${e.line ?? '?'}: ${e.message}`).join('\n');
      throw new HostAppError('manifest.yml', `Forge's validator rejects it; fix these first:\n${lines}`);
    }
    return { ...app, warnings: unbuilt.map((e) => `manifest.yml line ${e.line ?? '?'}: ${e.message}`) };
  } finally {
    process.chdir(previous);
  }
}
