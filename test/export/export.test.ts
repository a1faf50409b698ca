import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { GENESIS_HASH, sha256Hex } from '../../src/domain/canonical';
import { checksumInput } from '../../toolkit/export/bundle';
import { EMPTY_CHAIN_HEAD, EXPORT_FORMAT, type ExportBundle } from '../../toolkit/export/format';
import { verifyExport } from '../../toolkit/export';
import { EXPORT_PAGE_MAX } from '../../src/contract';
import { appendReceipt, chainHead } from '../../src/domain/receipts/chain';
import { SALT_KEY } from '../../src/domain/storage/inventory';
import { accountCommitment, acknowledgmentSubject } from '../../src/domain/receipts/receipt';
import { createKvsStore } from '../../src/platform/kvs-store';
import { collectExport, ExportError, type ExportProgress } from '../../static/admin/src/export';
import { addAdmins, admin, as, JIRA_SITE, member, secondAdmin, startApp, type App } from '../support/app';
import { sampleCatalog } from '../support/statements';
import { FIXED_NOW, invokeAs } from './helpers';

const ROOT = resolve(__dirname, '../..');

let app: App;
let dir: string;
beforeEach(() => {
  app = startApp();
  dir = mkdtempSync(join(tmpdir(), 'privacy-panel-export-'));
});
afterEach(() => {
  app.stop();
  rmSync(dir, { recursive: true, force: true });
});

const current = () => {
  const statement = sampleCatalog().versions[0]!;
  return { version: statement.source.version, hash: statement.hash };
};

function cli(...args: string[]) {
  return spawnSync('npx', ['--no-install', 'privacy-panel', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, npm_config_offline: 'true', npm_config_update_notifier: 'false' },
  });
}

describe('export through the real resolvers', () => {
  it('50 concurrent acknowledgments export as one unbroken chain of 50 that verifies (library and CLI)', async () => {
    const admins = addAdmins(app, 50);
    const results = await Promise.all(admins.map((id) => app.call('acknowledge', current(), as(id))));
    expect(results.every((r) => r.ok)).toBe(true);

    const calls: { name: string; payload: unknown }[] = [];
    const progress: ExportProgress[] = [];
    const collected = await collectExport(invokeAs(app, admin, calls), (p) => progress.push(p), { now: FIXED_NOW });
    expect(collected.count).toBe(50);
    expect(calls.map((c) => c.name)).toEqual(['getStatementVersions', 'exportReceipts']);
    expect(progress).toEqual([{ fetched: 50, pages: 1 }]);

    const bundle = JSON.parse(collected.json) as ExportBundle;
    expect(bundle.format).toBe(EXPORT_FORMAT);
    expect(bundle.exportedAt).toBe(FIXED_NOW().toISOString());
    expect(bundle.installation).toBe(JIRA_SITE);
    expect(bundle.product).toBe('jira');
    expect(bundle.receipts.map((r) => r.receipt.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(new Set(bundle.receipts.map((r) => r.accountId))).toEqual(new Set(admins));
    expect(bundle.statements).toEqual([{ source: sampleCatalog().versions[0]!.source, hash: current().hash }]);
    expect(bundle.chain).toEqual({ length: 50, headHash: bundle.receipts[49]!.receipt.hash });
    expect(collected.headHash).toBe(bundle.chain.headHash);
    expect(bundle.checksum).toBe(sha256Hex(checksumInput(bundle)));
    const salt = bundle.salt!;
    for (const stored of bundle.receipts) {
      expect(stored.receipt.kind === 'acknowledgment' && stored.receipt.subject.commitment).toBe(
        accountCommitment(salt, stored.accountId!),
      );
    }

    const report = verifyExport(collected.json);
    expect(report).toEqual(
      expect.objectContaining({
        ok: true,
        receipts: 50,
        statements: 1,
        versions: [1],
        commitmentsChecked: 50,
        problems: [],
      }),
    );
    expect(report.firstBroken).toBeUndefined();

    const csvLines = collected.csv.split('\r\n');
    expect(csvLines).toHaveLength(52); // header, 50 rows, and the empty string after the last CRLF
    expect(csvLines[1]!.split(',').slice(0, 2)).toEqual(['1', 'acknowledgment']);

    const file = join(dir, 'export.json');
    writeFileSync(file, collected.json);
    const run = cli('verify', file);
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.stdout).toContain('VERIFIED');
    expect(run.stdout).toContain('receipts:     50 (50 acknowledgment)');
    expect(run.status).toBe(0);
  });

  it('the CLI exits 1 on a tampered file, naming the receipt, and 2 on usage or I/O errors', async () => {
    await app.ok('acknowledge', current(), admin);
    const { json } = await collectExport(invokeAs(app, admin));
    const file = join(dir, 'tampered.json');
    writeFileSync(
      file,
      json.replace(/"at":"(\d{4})/, (_m, year: string) => `"at":"${Number(year) + 1}`),
    );
    const tampered = cli('verify', file);
    expect(tampered.status).toBe(1);
    expect(tampered.stdout).toContain('NOT VERIFIED');
    expect(tampered.stdout).toContain('receipts[0] (seq 1)');
    expect(tampered.stdout).toMatch(/first broken: seq 1/);

    expect(cli('verify', join(dir, 'missing.json')).status).toBe(2);
    expect(cli('verify').status).toBe(2);
    expect(cli('check', file).status).toBe(2);
  });

  it('an installation with no receipts exports an empty chain that verifies', async () => {
    const collected = await collectExport(invokeAs(app, admin));
    const bundle = JSON.parse(collected.json) as ExportBundle;
    expect(collected.count).toBe(0);
    expect(bundle).toEqual(
      expect.objectContaining({
        salt: null,
        statements: [],
        receipts: [],
        chain: { length: 0, headHash: GENESIS_HASH },
      }),
    );
    expect(EMPTY_CHAIN_HEAD).toBe(GENESIS_HASH);
    expect(verifyExport(collected.json).ok).toBe(true);
  });

  it(`a chain longer than one page (${EXPORT_PAGE_MAX}) is fetched page by page and verifies`, async () => {
    const total = EXPORT_PAGE_MAX + 150;
    await app.ok('acknowledge', current(), admin); // creates the salt and receipt 1 the usual way
    const first = (await app.ok('exportReceipts', {}, admin)).receipts[0]!;
    const store = createKvsStore();
    const salt = app.emulator.entries(JIRA_SITE).get(SALT_KEY) as string;
    await app.emulator.run(admin, async () => {
      for (let i = 2; i <= total; i += 1) {
        const accountId = `712020:paged-${i}`;
        const { seq: _seq, prevHash: _prev, hash: _hash, schema: _schema, ...draft } = first.receipt;
        if (draft.kind !== 'acknowledgment') throw new Error('expected an acknowledgment');
        await appendReceipt(
          store,
          { ...draft, receiptId: `paged-${i}`, subject: acknowledgmentSubject(salt, accountId) },
          accountId,
          { from: await chainHead(store), fresh: true },
        );
      }
    });

    const calls: { name: string; payload: unknown }[] = [];
    const progress: ExportProgress[] = [];
    const collected = await collectExport(invokeAs(app, admin, calls), (p) => progress.push(p));
    expect(collected.count).toBe(total);
    expect(progress).toEqual([
      { fetched: EXPORT_PAGE_MAX, pages: 1 },
      { fetched: total, pages: 2 },
    ]);
    const exportCalls = calls.filter((c) => c.name === 'exportReceipts');
    expect(exportCalls[0]!.payload).toEqual({});
    expect(exportCalls[1]!.payload).toEqual({ cursor: expect.any(String) });
    const bundle = JSON.parse(collected.json) as ExportBundle;
    expect(bundle.receipts.map((r) => r.receipt.seq)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(bundle.receipts[EXPORT_PAGE_MAX]!.receipt.prevHash).toBe(bundle.receipts[EXPORT_PAGE_MAX - 1]!.receipt.hash);
    const report = verifyExport(collected.json);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('a non-administrator gets a typed FORBIDDEN error with the API message', async () => {
    const failure = collectExport(invokeAs(app, member));
    await expect(failure).rejects.toBeInstanceOf(ExportError);
    await expect(failure).rejects.toMatchObject({
      code: 'FORBIDDEN',
      resolver: 'exportReceipts',
      retryable: false,
      message: expect.stringMatching(/\w/),
    });
  });

  it('storage that stays busy surfaces, after the waits run out, as a retryable STORAGE_UNAVAILABLE error', async () => {
    await app.ok('acknowledge', current(), admin);
    app.emulator.injectFault({ kind: 'rate-limit', pathPrefix: '/api/v1/query', times: 1000 });
    const waits: number[] = [];
    const sleep = (ms: number) => {
      waits.push(ms);
      return Promise.resolve();
    };
    await expect(collectExport(invokeAs(app, admin), () => undefined, { sleep })).rejects.toMatchObject({
      name: 'ExportError',
      code: 'STORAGE_UNAVAILABLE',
      retryable: true,
    });
    expect(waits).toEqual([5, 10, 20, 40, 60, 60, 60, 60].map((s) => s * 1000));
  });

  it('a storage fault other than a quota surfaces at once as a retryable STORAGE_UNAVAILABLE error', async () => {
    await app.ok('acknowledge', current(), admin);
    app.emulator.injectFault({ kind: 'timeout', pathPrefix: '/api/v1/query' });
    await expect(collectExport(invokeAs(app, admin))).rejects.toMatchObject({
      name: 'ExportError',
      code: 'STORAGE_UNAVAILABLE',
      retryable: true,
    });
  });

  it('a 429 part-way through is waited out with progress, and the export completes and verifies', async () => {
    await app.ok('acknowledge', current(), admin);
    await app.ok('acknowledge', current(), secondAdmin);
    app.emulator.injectFault({ kind: 'rate-limit', pathPrefix: '/api/v1/query', times: 2 });
    const progress: ExportProgress[] = [];
    const collected = await collectExport(invokeAs(app, admin), (p) => progress.push(p), {
      sleep: () => Promise.resolve(),
    });
    expect(collected.count).toBe(2);
    expect(verifyExport(collected.json).ok).toBe(true);
    expect(progress.filter((p) => p.waitingSeconds !== undefined).map((p) => p.waitingSeconds)).toEqual([5, 10]);
  });

  it('a bridge that throws becomes a retryable INTERNAL error', async () => {
    const broken = (() => Promise.reject(new Error('bridge down'))) as unknown as Parameters<typeof collectExport>[0];
    await expect(collectExport(broken)).rejects.toMatchObject({
      code: 'INTERNAL',
      retryable: true,
      resolver: 'getStatementVersions',
    });
  });
});
