/**
 * `privacy-panel evidence [DIR] [--manifest FILE] [--json]`: what the build can prove about the Forge app at
 * DIR (default: the current folder) from its manifest and code. Exit 0 when the app could be read, 2 when
 * not (AppLoadError: file, line and reason on stderr; exit-codes.ts); never a stack trace.
 */
import { appEvidence } from '../evidence/app-evidence';
import type { AppEvidence } from '../../src/domain/evidence/types';
import { readForgeApps } from './forge-app';

export function evidenceFor(dir: string, manifest?: string): AppEvidence[] {
  return readForgeApps(dir, manifest === undefined ? {} : { manifest }).map((app) => appEvidence(app.code()));
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

export interface EvidenceOptions {
  dir: string;
  manifest?: string;
  json: boolean;
}

export function runEvidence(options: EvidenceOptions): number {
  const apps = evidenceFor(options.dir, options.manifest);
  if (options.json) process.stdout.write(evidenceJson(apps));
  else for (const app of apps) console.log(describe(app).join('\n'));
  return 0;
}
