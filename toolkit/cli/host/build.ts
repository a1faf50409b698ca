/**
 * `privacy-panel build` in a host: compiles the host's policy/ into the catalog, reads the host's evidence,
 * writes both into the data module beside the handler file (src/privacy-panel/data.*), and refreshes the page resource from the
 * package's prebuilt page. A statement not yet published is compiled as a draft, with a warning, so the
 * panel can be previewed and bundled while the vendor writes it.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Evidence } from '../../../src/domain/evidence/types';
import type { StatementCatalog } from '../../../src/domain/statement/types';
import { compileCatalog } from '../../statement/compile';
import { checkPolicy } from '../../statement/policy';
import { formatProblem } from '../../statement/problems';
import { readPolicyFiles } from '../policy-files';
import { hostEvidence } from './evidence-adapter';
import { HostAppError, readHostApp } from './host-app';
import { dataFileText, panelFileNames, writtenFormat } from './handler-file';
import { PANEL, UNWRITTEN } from './keys';

/** The package's root: the folder above this file whose package.json is named privacy-panel. */
export function packageRoot(from: string = __dirname): string {
  let dir = from;
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file) && (JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown }).name === 'privacy-panel')
      return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`privacy-panel: cannot find the package root above ${from}`);
    dir = up;
  }
}

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

/** Compiles and reads everything; writes nothing. */
export function compileHost(dir: string): HostBuild {
  const app = readHostApp(dir);
  const policy = join(dir, 'policy');
  const check = checkPolicy({ ...readPolicyFiles(policy), dir: 'policy' });
  // Placeholders are what the vendor still has to write: a draft with them builds, and check refuses it.
  const blocking = check.problems.filter((p) => !p.rule.startsWith('placeholder-'));
  if (blocking.length > 0 || !check.current) {
    const list = blocking.map((p) => `  ${formatProblem(p)}`).join('\n');
    throw new HostAppError('policy/statement.yml', `the statement does not compile:\n${list}`);
  }
  const draft = check.status !== 'published';
  const sources = draft ? [...check.published, check.current] : check.published;
  const catalog = compileCatalog(sources);
  const evidence = hostEvidence(dir, app.manifest, check.current.facts);
  const unwritten = unwrittenIn(policy);
  const lines = [
    `statement ${check.current.id} version ${check.current.version}${draft ? ' (draft: not published yet)' : ''}`,
    ...(unwritten.length > 0
      ? [
          `${unwritten.length} place(s) still to write (${UNWRITTEN} or .invalid): ${unwritten.slice(0, 5).join(', ')}${unwritten.length > 5 ? ', …' : ''}`,
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

/** Writes the data files and the page resource. The handler folder must exist (`add` creates it). */
export function buildHost(dir: string): HostBuild {
  const format = writtenFormat(dir);
  if (format === null) {
    throw new HostAppError(PANEL.handlerDir, 'has no index.ts or index.js: run `npx privacy-panel add` first.');
  }
  const result = compileHost(dir);
  const data = panelFileNames(format).data;
  writeFileSync(join(dir, data), dataFileText(format, result.catalog, result.evidence));
  result.lines.push(`wrote ${data} (the statement catalog and the evidence)`);
  if (resourceDeclared(readHostApp(dir).manifest)) {
    const target = join(dir, PANEL.resourcePath);
    rmSync(target, { recursive: true, force: true });
    mkdirSync(target, { recursive: true });
    cpSync(pageDir(), target, { recursive: true });
    result.lines.push(`refreshed the page resource ${PANEL.resourcePath}`);
  }
  return result;
}
