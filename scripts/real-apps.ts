/**
 * Runs the evidence engine on the hand-labelled real, public Forge apps (/work/notes/real-apps/*.json, each
 * app's files under /work/realapps/) and prints precision and recall per kind of evidence. Not part of
 * `npm test`: the apps are not in this repository (never commit them).
 *
 * Usage: tsx scripts/real-apps.ts [LABELS_DIR] [--verbose] [--table]   (--table: one Markdown row per app)
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { appEvidence } from '../toolkit/evidence/app-evidence';
import { loadApps, readForgeApp } from '../toolkit/cli/forge-app';
import type { AppEvidence } from '../src/domain/evidence/types';

interface Label {
  manifest: string;
  linesOfCode?: number;
  egressDeclared: { kind: string; address: string }[];
  scopesUsed: string[];
  /** Declared scopes nothing in the app could need (optional in older label files). */
  scopesUnused?: string[];
  scopesUnverifiable: string[];
  scopesMissing: string[];
  storage: string[];
  runsOnAtlassian: { eligible: boolean };
  /** `file:line`s where the app truly contacts an address built at run time (optional). */
  dynamicEgress?: string[];
}

interface LabelFile {
  repo: string;
  commit: string;
  localPath: string;
  apps: Label[];
}

class Tally {
  tp = 0;
  fp = 0;
  fn = 0;
  readonly misses: string[] = [];
  add(app: string, predicted: Iterable<string>, truth: Iterable<string>, ignore: Iterable<string> = []): void {
    const p = new Set(predicted);
    const t = new Set(truth);
    const skip = new Set(ignore);
    for (const x of p) {
      if (t.has(x)) this.tp++;
      else if (!skip.has(x)) {
        this.fp++;
        this.misses.push(`${app}: extra ${x}`);
      }
    }
    for (const x of t)
      if (!p.has(x)) {
        this.fn++;
        this.misses.push(`${app}: missed ${x}`);
      }
  }
  precision(): number {
    return this.tp + this.fp === 0 ? 1 : this.tp / (this.tp + this.fp);
  }
  recall(): number {
    return this.tp + this.fn === 0 ? 1 : this.tp / (this.tp + this.fn);
  }
}

const norm = (kind: string, address: string): string =>
  `${kind} ${address
    .replace(/\s*\(.*\)$/, '')
    .replace(/\s+/g, '')
    .replace(/\/$/, '')
    .toLowerCase()}`;

export interface RealAppRun {
  repo: string;
  commit: string;
  manifest: string;
  lines: number;
  seconds: number;
  evidence: AppEvidence | null;
  error: string | null;
}

export function labelFiles(dir: string): LabelFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as LabelFile);
}

export function runOne(file: LabelFile, label: Label): RealAppRun {
  const started = process.hrtime.bigint();
  try {
    const inputs = readForgeApp(file.localPath, {
      manifest: join(file.localPath, label.manifest),
      repoRoot: file.localPath,
    }).code();
    const evidence = appEvidence(inputs);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return {
      repo: file.repo,
      commit: file.commit,
      manifest: label.manifest,
      lines: evidence.code.lines,
      seconds,
      evidence,
      error: null,
    };
  } catch (error) {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return {
      repo: file.repo,
      commit: file.commit,
      manifest: label.manifest,
      lines: 0,
      seconds,
      evidence: null,
      error: error instanceof Error ? error.message : String(error),
    };
  }
}

/**
 * The app's evidence read from its repository root and from its manifest's folder, in a copy of the
 * repository marked as one (`.git`), as a user's checkout is: whether they are the same.
 */
export function sameFromAnyFolder(file: LabelFile, label: Label): boolean {
  const copy = mkdtempSync(join(tmpdir(), 'real-app-'));
  try {
    cpSync(file.localPath, copy, { recursive: true, filter: (src) => !src.includes('node_modules') });
    mkdirSync(join(copy, '.git'), { recursive: true });
    const fromRoot = loadApps(copy)
      .map(appEvidence)
      .filter((e) => e.manifest === label.manifest);
    const fromApp = loadApps(join(copy, dirname(label.manifest))).map(appEvidence);
    return JSON.stringify(fromRoot) === JSON.stringify(fromApp.filter((e) => e.manifest === label.manifest));
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

// eslint-disable-next-line max-lines-per-function -- TODO(split)
function main(): void {
  const dir = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? '/work/notes/real-apps';
  const verbose = process.argv.includes('--verbose');
  const egress = new Tally();
  const storage = new Tally();
  const scopes = new Tally();
  const falseUnused: string[] = [];
  const unused = new Tally();
  const falseDynamic: string[] = [];
  const folderDiffers: string[] = [];
  const falseMissing: string[] = [];
  const roaWrong: string[] = [];
  const crashes: string[] = [];
  const rows: string[] = [];
  const table: string[] = [
    '| app (repo @ commit, manifest) | lines | used P | used R | unused R | false unused | false missing | false dynamic egress | root = app folder |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  const ratio = (hit: number, all: number): string => (all === 0 ? '–' : `${(hit / all).toFixed(2)} (${hit}/${all})`);
  for (const file of labelFiles(dir)) {
    for (const label of file.apps) {
      const run = runOne(file, label);
      const name = `${file.repo}${file.apps.length > 1 ? ` (${label.manifest})` : ''}`;
      const e = run.evidence;
      if (!e) {
        crashes.push(`${name}: ${run.error ?? ''}`);
        continue;
      }
      rows.push(
        `${file.repo} @ ${file.commit.slice(0, 12)}  ${label.manifest}  ${run.lines} lines  ${run.seconds.toFixed(2)} s`,
      );
      egress.add(
        name,
        e.egress.map((x) => norm(x.kind, x.address)),
        label.egressDeclared.map((x) => norm(x.kind, x.address)),
      );
      storage.add(name, e.storage, label.storage);
      scopes.add(name, e.scopes.used, label.scopesUsed, label.scopesUnverifiable);
      for (const s of e.scopes.unused)
        if (label.scopesUsed.includes(s) || label.scopesUnverifiable.includes(s)) falseUnused.push(`${name}: ${s}`);
      if (label.scopesUnused) unused.add(name, e.scopes.unused, label.scopesUnused, label.scopesUnverifiable);
      for (const x of e.egressInCode)
        if (x.address === null && !(label.dynamicEgress ?? []).includes(x.at))
          falseDynamic.push(`${name}: ${x.at} ${x.via}`);
      const same = sameFromAnyFolder(file, label);
      if (!same) folderDiffers.push(name);
      for (const s of e.scopes.missing) if (!label.scopesMissing.includes(s)) falseMissing.push(`${name}: ${s}`);
      if (e.runsOnAtlassian.eligible !== label.runsOnAtlassian.eligible) roaWrong.push(name);
      const mine = new Tally();
      mine.add(name, e.scopes.used, label.scopesUsed, label.scopesUnverifiable);
      const mineUnused = new Tally();
      mineUnused.add(name, e.scopes.unused, label.scopesUnused ?? [], label.scopesUnverifiable);
      const count = (xs: string[]): number => xs.filter((x) => x.startsWith(`${name}: `)).length;
      table.push(
        `| ${file.repo} @ ${file.commit}, \`${label.manifest}\` | ${run.lines} | ${ratio(mine.tp, mine.tp + mine.fp)} | ${ratio(mine.tp, mine.tp + mine.fn)} | ${ratio(mineUnused.tp, mineUnused.tp + mineUnused.fn)} | ${count(falseUnused)} | ${count(falseMissing)} | ${count(falseDynamic)} | ${same ? 'yes' : 'no'} |`,
      );
    }
  }
  const pct = (x: number): string => x.toFixed(2);
  if (process.argv.includes('--table')) {
    console.log(table.join('\n'));
    console.log(
      `| **all ${table.length - 2} apps** | | ${ratio(scopes.tp, scopes.tp + scopes.fp)} | ${ratio(scopes.tp, scopes.tp + scopes.fn)} | ${ratio(unused.tp, unused.tp + unused.fn)} | ${falseUnused.length} | ${falseMissing.length} | ${falseDynamic.length} | ${folderDiffers.length === 0 ? 'yes' : `${folderDiffers.length} differ`} |`,
    );
    return;
  }
  console.log(rows.join('\n'));
  console.log(`\nkind                    precision  recall   target`);
  console.log(`declared egress         ${pct(egress.precision())}       ${pct(egress.recall())}     P/R >= 0.95`);
  console.log(`storage kinds           ${pct(storage.precision())}       ${pct(storage.recall())}     P/R >= 0.9`);
  console.log(
    `scopes used             ${pct(scopes.precision())}       ${pct(scopes.recall())}     P >= 0.95, R >= 0.9 (labelled-unverifiable scopes neither credit nor debit)`,
  );
  console.log(
    `scopes unused found     ${pct(unused.precision())}       ${pct(unused.recall())}     R >= 0.8, no false unused`,
  );
  console.log(
    `false unused: ${falseUnused.length}  false missing: ${falseMissing.length}  false dynamic egress: ${falseDynamic.length}  root/app folder differ: ${folderDiffers.length}  RoA wrong: ${roaWrong.length}  crashes: ${crashes.length}`,
  );
  if (verbose) {
    for (const [title, lines] of [
      ['egress', egress.misses],
      ['storage', storage.misses],
      ['scopes', scopes.misses],
      ['false unused', falseUnused],
      ['unused', unused.misses],
      ['false dynamic egress', falseDynamic],
      ['root and app folder differ', folderDiffers],
      ['false missing', falseMissing],
      ['RoA wrong', roaWrong],
      ['crashes', crashes],
    ] as const)
      if (lines.length) console.log(`\n${title}:\n  ${lines.join('\n  ')}`);
  }
}

if (require.main === module) main();
