/** The synthetic apps under test/fixtures/apps, and the part of their evidence each expected-evidence.json pins. */
import { join } from 'node:path';
import { appEvidence } from '../../toolkit/evidence/app-evidence';
import { loadApps } from '../../toolkit/cli/forge-app';
import type { AppEvidence } from '../../src/domain/evidence/types';

export const APPS_DIR = join(__dirname, '..', 'fixtures', 'apps');

export function evidenceOf(name: string): AppEvidence[] {
  return loadApps(join(APPS_DIR, name)).map(appEvidence);
}

/** What expected-evidence.json holds: every field but the file list, problems reduced to place and rule. */
export function pinned(e: AppEvidence): Record<string, unknown> {
  return {
    manifest: e.manifest,
    egress: e.egress,
    egressInCode: e.egressInCode.map((x) => ({ kind: x.kind, address: x.address, declared: x.declared, at: x.at })),
    remotes: e.remotes,
    providers: e.providers,
    dynamicWebTriggers: e.dynamicWebTriggers,
    scopes: e.scopes,
    storage: e.storage,
    keyFamilies: e.keyFamilies.map((k) => `${k.kind} ${k.family}`),
    runsOnAtlassian: e.runsOnAtlassian.eligible,
    code: {
      backend: e.code.files.filter((f) => f.side === 'backend').map((f) => f.path),
      browser: e.code.files.filter((f) => f.side === 'browser').map((f) => f.path),
    },
    problems: e.problems.map((p) => `${p.severity} ${p.rule} ${p.file}${p.line > 0 ? `:${p.line}` : ''}`),
  };
}
