/**
 * `privacy-panel evidence [DIR] [--manifest FILE] [--json]`: what the build can prove about the Forge app at
 * DIR (default: the current folder) from its manifest and code. Exit 0 when the app could be read, 2 when
 * not (file, line and reason on stderr); never a stack trace.
 */
import { appEvidence } from '../evidence/app-evidence';
import type { AppEvidence } from '../../src/domain/evidence/types';
import { AppLoadError, loadApps } from './app-files';

export interface CliArgs {
  dir: string;
  flags: Map<string, string | true>;
}

/** `[DIR] [--flag VALUE | --switch]…`; the switches are named in `switches`. */
export function parseArgs(argv: readonly string[], switches: readonly string[]): CliArgs {
  const flags = new Map<string, string | true>();
  let dir = '.';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a.startsWith('--')) {
      if (switches.includes(a)) flags.set(a, true);
      else {
        flags.set(a, argv[i + 1] ?? '');
        i++;
      }
    } else dir = a;
  }
  return { dir, flags };
}

export function evidenceFor(dir: string, manifest?: string): AppEvidence[] {
  return loadApps(dir, manifest).map(appEvidence);
}

/** One JSON object: the (first) app's evidence; with several apps, all of them under `apps`. */
export function evidenceJson(apps: readonly AppEvidence[]): string {
  const [first] = apps;
  const body = apps.length > 1 ? { ...first, apps } : first;
  return `${JSON.stringify(body, null, 2)}\n`;
}

export function describe(e: AppEvidence): string[] {
  const out = [
    `${e.manifest}: ${e.code.backend} backend and ${e.code.browser} browser files, ${e.code.lines} lines`,
    `  egress declared: ${e.egress.map((x) => `${x.kind} ${x.address}`).join(', ') || 'none'}`,
    `  egress in code: ${e.egressInCode.map((x) => `${x.kind} ${x.address ?? '(dynamic)'}${x.declared ? '' : ' UNDECLARED'} at ${x.at}`).join('; ') || 'none'}`,
    `  remotes: ${e.remotes.join(', ') || 'none'}; providers: ${e.providers.join(', ') || 'none'}`,
    `  scopes used: ${e.scopes.used.join(', ') || 'none'}`,
    `  scopes unused: ${e.scopes.unused.join(', ') || 'none'}; missing: ${e.scopes.missing.join(', ') || 'none'}; unverified: ${e.scopes.unverified.join(', ') || 'none'}`,
    `  storage: ${e.storage.join(', ') || 'none'}${e.keyFamilies.length ? ` (keys: ${e.keyFamilies.map((k) => k.family).join(', ')})` : ''}`,
    `  Runs on Atlassian: ${e.runsOnAtlassian.eligible ? 'eligible' : `not eligible: ${e.runsOnAtlassian.reasons.join('; ')}`}`,
  ];
  for (const p of e.problems)
    out.push(
      `  ${p.severity === 'error' ? '✗' : '!'} ${p.file}${p.line ? `:${p.line}` : ''}: [${p.rule}] ${p.message}`,
    );
  return out;
}

export function main(argv: readonly string[]): number {
  const args = parseArgs(argv, ['--json']);
  const manifest = args.flags.get('--manifest');
  try {
    const apps = evidenceFor(args.dir, typeof manifest === 'string' ? manifest : undefined);
    if (args.flags.has('--json')) process.stdout.write(evidenceJson(apps));
    else for (const app of apps) console.log(describe(app).join('\n'));
    return 0;
  } catch (error) {
    if (error instanceof AppLoadError) {
      console.error(`evidence: ${error.message}`);
      return 2;
    }
    console.error(`evidence: could not read the app: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
