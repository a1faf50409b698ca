/** Pathological statements (issue 10 §4): each must compile in about a second at most. */
import { compileSource } from '../../toolkit/statement/compile';
import { normaliseMarkdown } from '../../toolkit/statement/normalise';
import { parseStatement } from '../../toolkit/statement/parse';
import { readPolicyFiles } from '../../toolkit/cli/policy-files';
import type { BenchRow } from './types';

/** policy/'s statement with its first section's text replaced, parsed (normalised, checked) and compiled. */
function compileWith(markdown: string): void {
  const files = readPolicyFiles();
  const first = Object.keys(files.sectionTexts)[0];
  if (first === undefined) throw new Error('policy/ has no section');
  const parsed = parseStatement({
    statementFile: 'policy/statement.yml',
    statementText: files.statementText ?? '',
    sectionTexts: { ...files.sectionTexts, [first]: markdown },
  });
  if (!parsed.source) throw new Error(`the pathological statement does not parse: ${JSON.stringify(parsed.problems)}`);
  compileSource(parsed.source);
}

/** CPU time (user + system) of `run`: on a shared machine, wall time mostly measures the neighbours. */
function timed(name: string, run: () => void): BenchRow {
  const wall = performance.now();
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  const wallMs = Math.round(performance.now() - wall);
  const cpuMs = Math.round((used.user + used.system) / 1000);
  return { name, measured: cpuMs, unit: 'ms CPU', budget: 1000, kind: 'max', note: `${wallMs} ms wall` };
}

export function benchStatement(): Promise<BenchRow[]> {
  const spaces = ' '.repeat(160 * 1024);
  return Promise.resolve([
    timed('normalise a 160 KB run of spaces before text', () => normaliseMarkdown(`${spaces}x`)),
    timed('compile a section with a 160 KB run of spaces', () => {
      compileWith(`Text.\n\n${spaces}x\n`);
    }),
    timed('compile 16,000 identical headings', () => {
      compileWith('## Same\n\n'.repeat(16_000));
    }),
  ]);
}
