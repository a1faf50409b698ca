/**
 * `privacy-panel check [DIR] [--policy DIR] [--manifest FILE]` (and `npm run evidence:check` on this repository):
 * the statement, compiled from DIR/policy, against the app's manifest, code and data inventory. Exits 1 on
 * any contradiction, naming both sides; 2 when the app or its statement cannot be read. On this repository
 * it also writes the evidence the page shows to src/generated/evidence.json (type `Evidence`).
 *
 * Legacy flags: --root DIR (same as DIR), --facts FILE (a compiled facts file instead of policy/), --no-write.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { CheckReport } from '../../src/domain/evidence/types';
import { AppLoadError } from './app-files';
import { checkApp, StatementProblemsError } from './app-check';
import { EVIDENCE_JSON, EvidenceInputError, REPO_ROOT } from './evidence-inputs';
import { parseArgs } from './evidence';

export function summary(report: CheckReport): string[] {
  const e = report.evidence;
  const lines = [
    `scopes: ${e.manifest.scopes.join(', ') || 'none'}`,
    `egress: ${e.manifest.egress.length === 0 ? 'none' : e.manifest.egress.map((x) => `${x.kind} ${x.address}`).join(', ')}; remotes: ${e.manifest.remotes.join(', ') || 'none'}`,
    `storage: ${e.manifest.storage.map((s) => s.kind).join(', ') || 'none'}`,
    `Runs on Atlassian: ${e.runsOnAtlassian.eligible ? 'eligible' : `not eligible (${e.runsOnAtlassian.reasons.length} reasons)`}`,
    `data residency: ${e.dataResidency.eligible ? 'Forge hosted storage only' : `not provable (${e.dataResidency.reasons.length} reasons)`}`,
    ...e.claims.map((c) => `  [${c.verdict}] ${c.label}`),
  ];
  return lines;
}

export function main(argv: readonly string[]): number {
  const args = parseArgs(argv, ['--no-write']);
  const rootFlag = args.flags.get('--root');
  const dir = typeof rootFlag === 'string' ? rootFlag : argv.some((a) => !a.startsWith('--')) ? args.dir : REPO_ROOT;
  const text = (flag: string): string | undefined => {
    const v = args.flags.get(flag);
    return typeof v === 'string' ? v : undefined;
  };
  let result;
  try {
    const factsFile = text('--facts');
    const policyDir = text('--policy');
    const manifest = text('--manifest');
    result = checkApp(dir, {
      ...(factsFile !== undefined ? { factsFile } : {}),
      ...(policyDir !== undefined ? { policyDir } : {}),
      ...(manifest !== undefined ? { manifest } : {}),
    });
  } catch (error) {
    if (error instanceof EvidenceInputError || error instanceof AppLoadError) {
      console.error(`check: ${error.message}`);
      return error instanceof StatementProblemsError ? 1 : 2;
    }
    console.error(`check: could not check the app: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  const { report, app } = result;
  for (const w of report.warnings) console.warn(`warning: ${w}`);
  if (!report.ok) {
    console.error(
      `check: ${report.problems.length} contradiction(s) between the statement, ${app.manifest}, the code and the data inventory:`,
    );
    for (const p of report.problems) console.error(`  ✗ ${p.message}`);
    return 1;
  }
  const root = resolve(dir);
  if (!args.flags.has('--no-write') && (root === resolve(REPO_ROOT) || text('--facts') !== undefined)) {
    const out = join(root, EVIDENCE_JSON);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(report.evidence, null, 2)}\n`);
  }
  console.log(`check: the statement agrees with ${app.manifest}, the code and the data inventory`);
  for (const line of summary(report)) console.log(`  ${line}`);
  console.log(
    `  scopes used by the code: ${app.scopes.used.join(', ') || 'none'}; storage in code: ${app.storage.join(', ') || 'none'}`,
  );
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
