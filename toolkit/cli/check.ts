/**
 * `privacy-panel check [DIR]` (and `npm run evidence:check` on this repository): the statement, compiled from
 * DIR/policy, against the app's manifest, code and data inventory. Exit 1 on any contradiction, naming both
 * sides; 2 when the app or its statement cannot be read (exit-codes.ts). On this repository it also writes
 * the evidence the page shows to src/generated/evidence.json (type `Evidence`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { CheckReport } from '../../src/domain/evidence/types';
import { checkApp } from './app-check';
import { checkGithub, checkJson, checkSarif, findings, type CheckFormat } from './check-formats';
import { Locator } from './check-locations';
import { EVIDENCE_JSON, REPO_ROOT } from './evidence-inputs';
import { EXIT } from './exit-codes';
import { packageInfo } from './package-info';

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

export interface CheckOptions {
  dir: string;
  policyDir?: string;
  manifest?: string;
  /** A compiled facts file relative to DIR instead of policy/ (this repository's tests). */
  factsFile?: string;
  format: CheckFormat;
  /** Write src/generated/evidence.json (this repository only, or with a facts file). */
  write: boolean;
}

export function runCheck(options: CheckOptions): number {
  const { dir, format } = options;
  const { report, app } = checkApp(dir, {
    ...(options.factsFile !== undefined ? { factsFile: options.factsFile } : {}),
    ...(options.policyDir !== undefined ? { policyDir: options.policyDir } : {}),
    ...(options.manifest !== undefined ? { manifest: options.manifest } : {}),
  });
  const root = resolve(dir);
  const code = report.ok ? EXIT.ok : EXIT.findings;
  if (format !== 'text') {
    const statement = options.policyDir ? join(resolve(options.policyDir), 'statement.yml') : 'policy/statement.yml';
    const found = findings(report, new Locator({ dir: root, statement, manifest: app.manifest }));
    const out =
      format === 'json'
        ? checkJson(report, found)
        : format === 'sarif'
          ? checkSarif(found, packageInfo())
          : checkGithub(found);
    process.stdout.write(out);
    return code;
  }
  for (const w of report.warnings) console.warn(`warning: ${w}`);
  if (!report.ok) {
    console.error(
      `check: ${report.problems.length} contradiction(s) between the statement, ${app.manifest}, the code and the data inventory:`,
    );
    for (const p of report.problems) console.error(`  ✗ ${p.message}`);
    return code;
  }
  if (options.write && (root === resolve(REPO_ROOT) || options.factsFile !== undefined)) {
    const out = join(root, EVIDENCE_JSON);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(report.evidence, null, 2)}\n`);
  }
  console.log(`check: the statement agrees with ${app.manifest}, the code and the data inventory`);
  for (const line of summary(report)) console.log(`  ${line}`);
  console.log(
    `  scopes used by the code: ${app.scopes.used.join(', ') || 'none'}; storage in code: ${app.storage.join(', ') || 'none'}`,
  );
  return code;
}
