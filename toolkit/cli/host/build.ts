/**
 * `privacy-panel build` in a host: compiles the host's policy/ into the catalog, reads the host's evidence,
 * writes both into the data module beside the handler file (src/privacy-panel/data.*), and refreshes the page
 * resource from the package's prebuilt page. For `forge deploy` it refuses a draft (a version not published)
 * and places still to write; `add`, `preview` and `build --draft` compile a draft, marked so in the catalog,
 * so the panel can be tried while the vendor writes it and never acknowledged.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Evidence } from '../../../src/domain/evidence/types';
import type { StatementCatalog, StatementFacts } from '../../../src/domain/statement/types';
import { compileCatalog } from '../../statement/compile';
import { checkPolicy } from '../../statement/policy';
import { formatProblem } from '../../statement/problems';
import { packageRoot } from '../package-info';
import { readPolicyFiles, templateVendorProblem } from '../policy-files';
import { appEvidenceDetail } from '../../evidence/app-evidence';
import { INVENTORY } from '../../evidence/inventory-checks';
import { runChecks } from '../../evidence/run-checks';
import type { ForgeApp } from '../forge-app';
import { HostAppError, readHostApp } from './host-app';
import { dataFiles, panelFileNames, writtenFormat } from './handler-file';
import { PANEL, UNWRITTEN } from './panel-names';

/** The prebuilt admin page: dist/page in the package, static/admin/build in a clone. */
export function pageDir(): string {
  const root = packageRoot();
  for (const dir of [join(root, 'dist', 'page'), join(root, 'static', 'admin', 'build')]) {
    if (existsSync(join(dir, 'index.html'))) return dir;
  }
  throw new Error(`privacy-panel: the prebuilt page is missing under ${root} (run npm run build:package there)`);
}

export interface HostBuild {
  catalog: StatementCatalog;
  evidence: Evidence;
  draft: boolean;
  /** Places in policy/ still marked TODO(privacy-panel). */
  unwritten: string[];
  lines: string[];
}

function unwrittenIn(dir: string): string[] {
  const found: string[] = [];
  const scan = (rel: string): void => {
    const abs = join(dir, rel);
    if (!existsSync(abs)) return;
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) scan(child);
      else if (/\.(ya?ml|md)$/.test(entry.name)) {
        readFileSync(join(dir, child), 'utf8')
          .split('\n')
          .forEach((line, i) => {
            if (line.includes(UNWRITTEN) || /\.invalid\b/.test(line)) found.push(`policy/${child}:${i + 1}`);
          });
      }
    }
  };
  scan('');
  return found;
}

/** What the page shows beside the claims: the host's manifest and code (the panel's credited to it), read against the statement's facts. */
export function hostEvidence(app: ForgeApp, facts: StatementFacts): Evidence {
  return runChecks({ manifest: app.manifest, facts, code: appEvidenceDetail(app.code()), inventory: INVENTORY })
    .evidence;
}

/** Compiles and reads everything; writes nothing. `app` is the host as the command read it. */
export function compileHost(dir: string, app: ForgeApp = readHostApp(dir)): HostBuild {
  const policy = join(dir, 'policy');
  const files = { ...readPolicyFiles(policy), dir: 'policy' };
  const check = checkPolicy(files);
  // Placeholders are what the vendor still has to write: a draft with them builds, and check refuses it.
  const blocking = check.problems.filter((p) => !p.rule.startsWith('placeholder-'));
  if (blocking.length > 0 || !check.current) {
    const list = blocking.map((p) => `  ${formatProblem(p)}`).join('\n');
    throw new HostAppError('policy/statement.yml', `the statement does not compile:\n${list}`);
  }
  const draft = check.status !== 'published';
  const sources = draft ? [...check.published, check.current] : check.published;
  const compiled = compileCatalog(sources);
  const catalog: StatementCatalog = draft ? { ...compiled, draft: true } : compiled;
  const evidence = hostEvidence(app, check.current.facts);
  const template = templateVendorProblem(files, dir);
  const unwritten = [...(template ? [`${template.file}:${template.line}`] : []), ...unwrittenIn(policy)];
  const lines = [
    `statement ${check.current.id} version ${check.current.version}${draft ? ' (draft: not published yet)' : ''}`,
    ...(unwritten.length > 0
      ? [
          `${unwritten.length} place(s) still to write (${UNWRITTEN}, a .invalid address or the template vendor name): ${unwritten.slice(0, 5).join(', ')}${unwritten.length > 5 ? ', …' : ''}`,
        ]
      : []),
  ];
  return { catalog, evidence, draft, unwritten, lines };
}

export function resourceDeclared(manifest: Record<string, unknown>): boolean {
  const resources = manifest['resources'];
  return (
    Array.isArray(resources) && resources.some((r) => (r as Record<string, unknown> | null)?.['key'] === PANEL.resource)
  );
}

const TRY_IT =
  'To look at it meanwhile: `npx privacy-panel preview`, or `npx privacy-panel build --draft` for a development site (a draft cannot be acknowledged).';

/** A build for `forge deploy` ships only a published statement with nothing left to write. */
function refuseForDeploy(result: HostBuild): void {
  if (result.unwritten.length > 0) {
    throw new HostAppError(
      'policy',
      `${result.unwritten.length} place(s) still to write (${UNWRITTEN}, a .invalid address or the template vendor name): ${result.unwritten.slice(0, 5).join(', ')}${result.unwritten.length > 5 ? ', …' : ''}. Write them, run \`npx privacy-panel publish\`, then build again. ${TRY_IT}`,
    );
  }
  if (result.draft) {
    throw new HostAppError(
      'policy/statement.yml',
      `version ${result.catalog.versions.at(-1)?.source.version ?? ''} is a draft, not published yet: run \`npx privacy-panel publish\` (and commit what it writes), then build again. ${TRY_IT}`,
    );
  }
}

export interface BuildOptions {
  /** For `forge deploy`: refuse a draft or a statement with places still to write. Default false (`add`). */
  deploy?: boolean;
}

/**
 * Writes the data files and the page resource. The handler folder must exist (`add` creates it). `app` is
 * the host as the command read it (`add` passes the host under the manifest it wrote).
 */
export function buildHost(dir: string, options: BuildOptions = {}, given?: ForgeApp): HostBuild {
  const format = writtenFormat(dir);
  if (format === null) {
    throw new HostAppError(PANEL.handlerDir, 'has no index.ts or index.js: run `npx privacy-panel add` first.');
  }
  const app = given ?? readHostApp(dir);
  const result = compileHost(dir, app);
  if (options.deploy === true) refuseForDeploy(result);
  const handlerText = readFileSync(join(dir, panelFileNames(format).index), 'utf8');
  const data = dataFiles(format, handlerText, result.catalog, result.evidence);
  for (const file of data) writeFileSync(join(dir, file.path), file.text);
  result.lines.push(`wrote ${data.map((file) => file.path).join(' and ')} (the statement catalog and the evidence)`);
  if (resourceDeclared(app.manifest)) {
    const target = join(dir, PANEL.resourcePath);
    rmSync(target, { recursive: true, force: true });
    mkdirSync(target, { recursive: true });
    // Not the package's module-type marker of the page's scripts: the resource is served, never imported.
    cpSync(pageDir(), target, { recursive: true, filter: (source) => basename(source) !== 'package.json' });
    result.lines.push(`refreshed the page resource ${PANEL.resourcePath}`);
  }
  return result;
}
