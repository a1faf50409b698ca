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

/** What the run tallies across the labelled apps. */
class Totals {
  readonly egress = new Tally();
  readonly storage = new Tally();
  readonly scopes = new Tally();
  readonly unused = new Tally();
  readonly falseUnused: string[] = [];
  readonly falseDynamic: string[] = [];
  readonly folderDiffers: string[] = [];
  readonly falseMissing: string[] = [];
  readonly roaWrong: string[] = [];
  readonly crashes: string[] = [];
  readonly rows: string[] = [];
  readonly table: string[] = [
    '| app (repo @ commit, manifest) | lines | used P | used R | unused R | false unused | false missing | false dynamic egress | root = app folder |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
}

const ratio = (hit: number, all: number): string => (all === 0 ? '–' : `${(hit / all).toFixed(2)} (${hit}/${all})`);

/** One app's evidence against its labels, added to the totals (and its row of the table). */
function tallyApp(t: Totals, file: LabelFile, label: Label): void {
  const run = runOne(file, label);
  const name = `${file.repo}${file.apps.length > 1 ? ` (${label.manifest})` : ''}`;
  const e = run.evidence;
  if (!e) {
    t.crashes.push(`${name}: ${run.error ?? ''}`);
    return;
  }
  t.rows.push(
    `${file.repo} @ ${file.commit.slice(0, 12)}  ${label.manifest}  ${run.lines} lines  ${run.seconds.toFixed(2)} s`,
  );
  t.egress.add(
    name,
    e.egress.map((x) => norm(x.kind, x.address)),
    label.egressDeclared.map((x) => norm(x.kind, x.address)),
  );
  t.storage.add(name, e.storage, label.storage);
  t.scopes.add(name, e.scopes.used, label.scopesUsed, label.scopesUnverifiable);
  for (const s of e.scopes.unused)
    if (label.scopesUsed.includes(s) || label.scopesUnverifiable.includes(s)) t.falseUnused.push(`${name}: ${s}`);
  if (label.scopesUnused) t.unused.add(name, e.scopes.unused, label.scopesUnused, label.scopesUnverifiable);
  for (const x of e.egressInCode)
    if (x.address === null && !(label.dynamicEgress ?? []).includes(x.at))
      t.falseDynamic.push(`${name}: ${x.at} ${x.via}`);
  const same = sameFromAnyFolder(file, label);
  if (!same) t.folderDiffers.push(name);
  for (const s of e.scopes.missing) if (!label.scopesMissing.includes(s)) t.falseMissing.push(`${name}: ${s}`);
  if (e.runsOnAtlassian.eligible !== label.runsOnAtlassian.eligible) t.roaWrong.push(name);
  const mine = new Tally();
  mine.add(name, e.scopes.used, label.scopesUsed, label.scopesUnverifiable);
  const mineUnused = new Tally();
  mineUnused.add(name, e.scopes.unused, label.scopesUnused ?? [], label.scopesUnverifiable);
  const count = (xs: string[]): number => xs.filter((x) => x.startsWith(`${name}: `)).length;
  t.table.push(
    `| ${file.repo} @ ${file.commit}, \`${label.manifest}\` | ${run.lines} | ${ratio(mine.tp, mine.tp + mine.fp)} | ${ratio(mine.tp, mine.tp + mine.fn)} | ${ratio(mineUnused.tp, mineUnused.tp + mineUnused.fn)} | ${count(t.falseUnused)} | ${count(t.falseMissing)} | ${count(t.falseDynamic)} | ${same ? 'yes' : 'no'} |`,
  );
}

/** `--table`: one row per app and the totals, as Markdown. */
function printTable(t: Totals): void {
  const { scopes, unused } = t;
  console.log(t.table.join('\n'));
  console.log(
    `| **all ${t.table.length - 2} apps** | | ${ratio(scopes.tp, scopes.tp + scopes.fp)} | ${ratio(scopes.tp, scopes.tp + scopes.fn)} | ${ratio(unused.tp, unused.tp + unused.fn)} | ${t.falseUnused.length} | ${t.falseMissing.length} | ${t.falseDynamic.length} | ${t.folderDiffers.length === 0 ? 'yes' : `${t.folderDiffers.length} differ`} |`,
  );
}

/** One line per app, precision and recall per kind against its target, the counts of errors; with `verbose`, each miss. */
function printSummary(t: Totals, verbose: boolean): void {
  const { egress, storage, scopes, unused } = t;
  const pct = (x: number): string => x.toFixed(2);
  console.log(t.rows.join('\n'));
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
    `false unused: ${t.falseUnused.length}  false missing: ${t.falseMissing.length}  false dynamic egress: ${t.falseDynamic.length}  root/app folder differ: ${t.folderDiffers.length}  RoA wrong: ${t.roaWrong.length}  crashes: ${t.crashes.length}`,
  );
  if (!verbose) return;
  for (const [title, lines] of [
    ['egress', egress.misses],
    ['storage', storage.misses],
    ['scopes', scopes.misses],
    ['false unused', t.falseUnused],
    ['unused', unused.misses],
    ['false dynamic egress', t.falseDynamic],
    ['root and app folder differ', t.folderDiffers],
    ['false missing', t.falseMissing],
    ['RoA wrong', t.roaWrong],
    ['crashes', t.crashes],
  ] as const)
    if (lines.length) console.log(`\n${title}:\n  ${lines.join('\n  ')}`);
}

function main(): void {
  const dir = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? '/work/notes/real-apps';
  const totals = new Totals();
  for (const file of labelFiles(dir)) for (const label of file.apps) tallyApp(totals, file, label);
  if (process.argv.includes('--table')) printTable(totals);
  else printSummary(totals, process.argv.includes('--verbose'));
}

if (require.main === module) main();
