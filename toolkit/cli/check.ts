/**
 * `npm run check`: the statement's claims against the manifest, the code and the data inventory. Writes
 * the evidence the page shows to src/generated/evidence.json (type `Evidence`, src/domain/evidence/types.ts)
 * and exits 1 on any contradiction, naming both sides.
 *
 * The statement is policy/ as it is on disk, compiled first (not a possibly stale src/generated catalog).
 *
 * Usage: tsx toolkit/cli/check.ts [--root DIR] [--facts FILE] [--no-write]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runChecks } from '../evidence/run-checks';
import type { CheckReport } from '../../src/domain/evidence/types';
import { EVIDENCE_JSON, EvidenceInputError, loadEvidenceInputs, REPO_ROOT } from './evidence-inputs';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

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

function main(): number {
  const root = arg('--root') ?? REPO_ROOT;
  let report: CheckReport;
  try {
    const factsFile = arg('--facts');
    report = runChecks(loadEvidenceInputs(root, factsFile === undefined ? {} : { factsFile }));
  } catch (error) {
    if (error instanceof EvidenceInputError) {
      console.error(`check: ${error.message}`);
      return 1;
    }
    throw error;
  }

  for (const w of report.warnings) console.warn(`warning: ${w}`);
  if (!report.ok) {
    console.error(
      `check: ${report.problems.length} contradiction(s) between the statement, manifest.yml, the code and the data inventory:`,
    );
    for (const p of report.problems) console.error(`  ✗ ${p.message}`);
    return 1;
  }
  if (!process.argv.includes('--no-write')) {
    const out = join(root, EVIDENCE_JSON);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(report.evidence, null, 2)}\n`);
  }
  console.log('check: the statement agrees with the manifest, the code and the data inventory');
  for (const line of summary(report)) console.log(`  ${line}`);
  return 0;
}

if (require.main === module) process.exitCode = main();
