/**
 * `privacy-panel verify` with anchors: verifyExportFile (what the command table calls) reads the files
 * given with --witness, --since and --lock, and the bin passes them through. Exit codes 0, 1 and 2.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AcknowledgmentReceipt } from '../../src/domain/receipts/types';
import { serializeBundle } from '../../toolkit/export/bundle';
import type { ExportBundle } from '../../toolkit/export/format';
import { keptReceipt, serializeKeptReceipt } from '../../toolkit/export/kept-receipt';
import { verifyExportFile } from '../../toolkit/export/verify-file';
import { bundleOf, sampleInput, STATEMENTS } from './helpers';

const CLI = resolve(__dirname, '../../bin/privacy-panel.cjs');
let dir: string;
let bundle: ExportBundle;
const path = (name: string) => join(dir, name);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pp-verify-file-'));
  bundle = await bundleOf(sampleInput());
  writeFileSync(path('export.json'), serializeBundle(bundle));
  const receipt = bundle.receipts[3]!.receipt as AcknowledgmentReceipt;
  const head = { seq: 7, hash: bundle.chain.headHash };
  const kept = keptReceipt({
    keptAt: bundle.exportedAt,
    installation: bundle.installation,
    product: 'jira',
    receipt,
    head,
  });
  writeFileSync(path('receipt.json'), serializeKeptReceipt(kept));
  const lock = STATEMENTS.map((s) => ({
    version: s.source.version,
    hash: s.hash,
    effectiveDate: s.source.effectiveDate,
  }));
  writeFileSync(path('lock.json'), JSON.stringify({ versions: lock }));
  writeFileSync(path('old-lock.json'), JSON.stringify({ versions: lock.slice(0, 1) }));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('verifyExportFile', () => {
  it('0 with every anchor holding, a head given as SEQ:HASH included', async () => {
    const result = await verifyExportFile({
      file: path('export.json'),
      head: bundle.chain.headHash,
      witnesses: [path('receipt.json')],
      since: `4:${bundle.receipts[3]!.receipt.hash}`,
      lock: path('lock.json'),
    });
    expect(result.lines.join('\n')).toMatch(/^VERIFIED: /);
    expect(result.code).toBe(0);
    expect(result.lines.filter((line) => /^ {2}(head|witness|since|lock):/.test(line))).toHaveLength(4);
  });

  it('1 when an anchor does not hold, with its code', async () => {
    const result = await verifyExportFile({ file: path('export.json'), witnesses: [], lock: path('old-lock.json') });
    expect(result.code).toBe(1);
    expect(result.lines[0]).toMatch(
      /first \[PPV-LOCK-STATEMENT\] statements\[v2\]: version 2 is not in the published lock/,
    );
  });

  it('2 when the export or a file beside it cannot be read, or --head is not a hash', async () => {
    await expect(verifyExportFile({ file: path('missing.json'), witnesses: [] })).resolves.toEqual({
      code: 2,
      lines: [expect.stringMatching(/cannot read .*missing\.json: ENOENT/)],
    });
    const witness = await verifyExportFile({ file: path('export.json'), witnesses: [path('lock.json')] });
    expect(witness.code).toBe(2);
    expect(witness.lines.join('\n')).toMatch(/\[PPV-WITNESS-UNREADABLE\] --witness .*lock\.json: cannot be read/);
    const head = await verifyExportFile({ file: path('export.json'), witnesses: [], head: 'xyz' });
    expect(head).toEqual({ code: 2, lines: [expect.stringMatching(/--head takes/)] });
  });
});

it('the bin passes --witness (repeatable), --since and --lock through', () => {
  const run = (...args: string[]) => spawnSync(process.execPath, [CLI, 'verify', ...args], { encoding: 'utf8' });
  const ok = run(
    path('export.json'),
    '--witness',
    path('receipt.json'),
    '--witness',
    path('receipt.json'),
    '--since',
    path('export.json'),
    '--lock',
    path('lock.json'),
  );
  expect(ok.stdout).toMatch(/^VERIFIED: /);
  expect(ok.stdout.match(/^ {2}witness: .*INCLUDED/gm)).toHaveLength(2);
  expect(ok.status).toBe(0);
  const stale = run(path('export.json'), '--lock', path('old-lock.json'));
  expect(stale.status).toBe(1);
  expect(run(path('export.json'), '--lock').status).toBe(2);
});
