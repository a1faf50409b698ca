/**
 * `npm run bench`: every speed and size figure the issues set a budget for, measured on this machine and
 * printed beside its budget. Measured here, never asserted in tests.
 */
import { benchBackend } from './bench/backend';
import { benchContention } from './bench/contention';
import type { BenchRow } from './bench/types';

type Section = { title: string; run: () => Promise<BenchRow[]> };

async function optional(modulePath: string, exportName: string): Promise<(() => Promise<BenchRow[]>) | undefined> {
  try {
    const loaded = (await import(modulePath)) as Record<string, () => Promise<BenchRow[]>>;
    return loaded[exportName];
  } catch {
    return undefined;
  }
}

function verdict(row: BenchRow): string {
  if (row.budget === undefined) return '';
  const ok = row.kind === 'exact' ? row.measured === row.budget : row.measured <= row.budget;
  return ok ? 'within budget' : 'OVER BUDGET';
}

function print(title: string, rows: BenchRow[]): void {
  console.log(`\n## ${title}`);
  const width = Math.max(...rows.map((r) => r.name.length), 10);
  for (const row of rows) {
    const budget = row.budget === undefined ? '' : `${row.kind === 'exact' ? '=' : '≤'} ${row.budget} ${row.unit}`;
    const measured = `${row.measured} ${row.unit}`;
    console.log(
      `${row.name.padEnd(width)}  ${measured.padStart(14)}  ${budget.padEnd(16)}  ${verdict(row)}${row.note ? `  (${row.note})` : ''}`,
    );
  }
}

async function main(): Promise<void> {
  const sections: Section[] = [
    { title: 'Backend', run: benchBackend },
    { title: 'Acknowledgment under contention', run: benchContention },
  ];
  const ui = await optional('./bench/ui', 'benchUi');
  if (ui) sections.push({ title: 'Admin page', run: ui });
  const evidence = await optional('./bench/evidence', 'benchEvidence');
  if (evidence) sections.push({ title: 'Evidence engine', run: evidence });
  const host = await optional('./bench/host', 'benchHost');
  if (host) sections.push({ title: 'In a host app (issue 12)', run: host });
  const fn = await optional('./bench/function', 'benchFunction');
  if (fn) sections.push({ title: 'Function bundle (issue 22)', run: fn });
  const exporter = await optional('./bench/export', 'benchExport');
  if (exporter) sections.push({ title: 'Export', run: exporter });
  const statement = await optional('./bench/statement', 'benchStatement');
  if (statement) sections.push({ title: 'Pathological statements', run: statement });
  let over = 0;
  for (const section of sections) {
    const rows = await section.run();
    print(section.title, rows);
    over += rows.filter((r) => verdict(r) === 'OVER BUDGET').length;
  }
  console.log(over === 0 ? '\nAll figures within budget.' : `\n${over} figure(s) over budget.`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
