/**
 * `privacy-panel verify` on hostile and huge files: one line, the right exit code (0 verified, 1 problems,
 * 2 cannot be read as an export), never a stack trace, within a fixed heap.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serializeBundle } from '../../toolkit/export/bundle';
import { MAX_DEPTH, preScan } from '../../toolkit/export/limits';
import { bundleOf, sampleInput, type Step } from './helpers';

// The 200,000-receipt case spends minutes of CPU on a shared machine: build, hash and verify 155 MB.

const CLI = join(__dirname, '..', '..', 'bin', 'privacy-panel.cjs');
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pp-verify-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI on `text` (written to a temp file) with a fixed heap, so unbounded memory fails the run. */
function run(name: string, text: string, args: string[] = [], heapMb = 512) {
  const file = join(dir, name);
  writeFileSync(file, text);
  const result = spawnSync(process.execPath, [`--max-old-space-size=${heapMb}`, CLI, 'verify', file, ...args], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  const output = `${result.stdout}${result.stderr}`;
  expect(output).not.toMatch(/^\s+at /m); // no stack trace
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, firstLine: output.split('\n')[0]! };
}

const ZEROS = '0'.repeat(64);
const top = (receipts: string, chain = `{"length":0,"headHash":"${ZEROS}"}`) =>
  `{"format":"privacy-panel.export/1","exportedAt":"2026-05-04T09:30:00.000Z","installation":"x","product":"jira",` +
  `"salt":null,"statements":[],"receipts":[${receipts}],"chain":${chain},"checksum":"${ZEROS}"}`;

describe('files that cannot be read as an export: exit 2, one line', () => {
  it('1e400', () => {
    const result = run('number.json', top('', `{"length":1e400,"headHash":"${ZEROS}"}`));
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /cannot be read as a Privacy Panel export: \[PPV-FILE-UNREADABLE\] file: the number 1e400 \(out of range\)/,
    );
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('5,000 levels of nesting, bare or inside a field', () => {
    for (const text of [
      '['.repeat(5000) + ']'.repeat(5000),
      top('{"receipt":' + '{"a":'.repeat(5000) + '1' + '}'.repeat(5001)),
    ]) {
      const result = run('deep.json', text);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(new RegExp(`nested deeper than ${MAX_DEPTH} levels`));
    }
  });

  it('not JSON, another format, the wrong top-level shape, usage', () => {
    expect(run('cut.json', top('').slice(0, -3)).firstLine).toMatch(
      /cannot be read .*: \[PPV-FILE-UNREADABLE\] file: not JSON/,
    );
    expect(run('other.json', '{"format":"something/9"}').code).toBe(2);
    const shape = run('shape.json', top('', '"seven"'));
    expect(shape.code).toBe(2);
    expect(shape.firstLine).toMatch(/: \[PPV-SHAPE\] chain: /);
    const usage = spawnSync(process.execPath, [CLI, 'verify'], { encoding: 'utf8' });
    expect(usage.status).toBe(2);
    const badHead = spawnSync(process.execPath, [CLI, 'verify', join(dir, 'shape.json'), '--head', 'xyz'], {
      encoding: 'utf8',
    });
    expect(badHead.status).toBe(2);
    expect(badHead.stderr).toMatch(/--head takes/);
  });

  it('the pre-scan passes ordinary numbers, strings that look deep, and refuses numbers past 2^53', () => {
    expect(preScan('{"a":"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\\"","n":-12.5e3,"t":true}')).toBeUndefined();
    expect(preScan('[9007199254740993]')).toMatch(/beyond 2\^53/);
    expect(preScan(`[${'1'.repeat(40)}]`)).toMatch(/characters long/);
  });
});

describe('files that are exports with problems: exit 1, the first line says what', () => {
  it('a 600 KB file of 200,000 empty receipts', () => {
    const text = top(Array.from({ length: 200_000 }, () => '{}').join(','));
    expect(text.length).toBeGreaterThan(600_000);
    const result = run('empties.json', text);
    expect(result.code).toBe(1);
    expect(result.firstLine).toMatch(
      /^NOT VERIFIED: .*: \d+ problems, first \[PPV-SHAPE\] receipts\[0\]\.receipt: not a receipt/,
    );
    expect(result.stdout).toMatch(/… and \d+ more/);
  });

  it('a 200,000-receipt export with one account ID edited, in a 1.5 GB heap', async () => {
    const steps: Step[] = [{ kind: 'installed', version: 1 }];
    for (let i = 1; i < 200_000; i += 1) steps.push({ kind: 'ack', version: 1 + (i % 2), account: `712020:user-${i}` });
    const bundle = await bundleOf(sampleInput(steps));
    const text = serializeBundle(bundle);
    const target = '"accountId":"712020:user-123456"';
    expect(text.split(target)).toHaveLength(2);
    const bad = run('big-edited.json', text.replace(target, '"accountId":"712020:user-654321"'), [], 1536);
    expect(bad.code).toBe(1);
    expect(bad.firstLine).toMatch(
      /^NOT VERIFIED: .*: 2 problems, first \[PPV-RECEIPT-SUBJECT\] receipts\[123456\] \(seq 123457\): the account ID beside the receipt is not the one its commitment was made for$/,
    );
  }, 600_000);
});
