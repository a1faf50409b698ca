/**
 * Export figures for `npm run bench`: 100,000 receipts seeded into the emulator, then exported through the
 * real `exportReceipts` resolver the way the page does it (collectExport), then verified offline.
 *
 * Seeding: a valid chain is built in memory with the domain's `sealReceipt` and written with KVS batch
 * writes inside the emulator, 25 keys a call: the same keys and values `appendReceipt` would write, far
 * faster than 100,000 acknowledgments. The export must verify, or the figures mean nothing.
 */
import { kvs } from '@forge/kvs';
import type { ForgeEmulator, InvocationIdentity } from '../../dev/emulator';
import type { Product } from '../../src/contract';
import { GENESIS_HASH } from '../../src/domain/canonical';
import type { BundleStatement } from '../../toolkit/export/format';
import { verifyExport } from '../../toolkit/export/verify';
import { receiptKey, SALT_KEY } from '../../src/domain/storage/inventory';
import { acknowledgmentSubject, sealReceipt } from '../../src/domain/receipts/receipt';
import type { StoredReceipt } from '../../src/domain/receipts/types';
import { collectExport, type ExportCalls } from '../../static/admin/src/export/collect';
import { admin, JIRA_SITE, startApp } from '../../dev/harness/app';
import type { BenchRow } from './types';

export const EXPORT_BENCH_RECEIPTS = 100_000;
const RESPONSE_BUDGET_BYTES = 5_242_880;
const INVOCATION_BUDGET_MS = 25_000;

export interface SyntheticChainOptions {
  count: number;
  installation: string;
  product: Product;
  salt: string;
  /** Published versions; receipts acknowledge them in turn. */
  statements: readonly BundleStatement[];
  /** Time of receipt 1; one second between receipts. Default 2026-01-01. */
  start?: Date;
}

/** A UUID-shaped, deterministic receipt id. */
const syntheticId = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/**
 * A valid chain: an app-installed event, then acknowledgments by distinct synthetic accounts, each
 * committing to its account with `salt`, hash-linked exactly as `appendReceipt` links them.
 */
export function syntheticChain(options: SyntheticChainOptions): StoredReceipt[] {
  const { count, installation, product, salt, statements } = options;
  const start = (options.start ?? new Date('2026-01-01T00:00:00.000Z')).getTime();
  if (statements.length === 0) throw new Error('syntheticChain needs at least one statement version');
  const chain: StoredReceipt[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= count; seq += 1) {
    const statement = statements[(seq - 1) % statements.length] as BundleStatement;
    const common = {
      seq,
      receiptId: syntheticId(seq),
      notice: {
        statementId: statement.source.id,
        version: statement.source.version,
        hash: statement.hash,
        effectiveDate: statement.source.effectiveDate,
      },
      product,
      installation,
      at: new Date(start + seq * 1000).toISOString(),
      prevHash,
    };
    let stored: StoredReceipt;
    if (seq === 1) {
      stored = { receipt: sealReceipt({ ...common, kind: 'app-installed', appVersion: '1.0.0' }), accountId: null };
    } else {
      const accountId = `712020:synthetic-${String(seq).padStart(8, '0')}`;
      const receipt = sealReceipt({
        ...common,
        kind: 'acknowledgment',
        method: 'admin-page-button',
        subject: acknowledgmentSubject(salt, accountId),
      });
      stored = { receipt, accountId };
    }
    chain.push(stored);
    prevHash = stored.receipt.hash;
  }
  return chain;
}

const BATCH = 25;

/** Writes the salt and the receipts into one installation's emulated storage. */
export async function seedReceipts(
  emulator: ForgeEmulator,
  identity: InvocationIdentity,
  salt: string,
  receipts: readonly StoredReceipt[],
  /** Called after every batch written (e.g. to move a quota clock on). */
  afterBatch: (written: number) => void = () => undefined,
): Promise<void> {
  await emulator.run(identity, async () => {
    await kvs.set(SALT_KEY, salt);
    for (let i = 0; i < receipts.length; i += BATCH) {
      afterBatch(i / BATCH);
      const items = receipts
        .slice(i, i + BATCH)
        .map((stored) => ({ key: receiptKey(stored.receipt.seq), value: stored }));
      const result = await kvs.batchSet(items);
      if (result.failedKeys.length > 0)
        throw new Error(`seeding failed for ${result.failedKeys.length} keys, e.g. ${result.failedKeys[0]?.key}`);
    }
  });
}

interface ExportRun {
  count: number;
  report: ReturnType<typeof verifyExport>;
  collected: Awaited<ReturnType<typeof collectExport>>;
  usage: ReturnType<ReturnType<typeof startApp>['emulator']['usage']>;
  timings: readonly { name: string; ms: number; bytes: number }[];
  totalMs: number;
  waitedMs: number;
  verifyMs: number;
}

/** The figures of one export run, beside their budgets. */
function exportRows({ count, report, collected, usage, timings, totalMs, waitedMs, verifyMs }: ExportRun): BenchRow[] {
  const pages = timings.filter((t) => t.name === 'exportReceipts');
  const round = (ms: number) => Math.round(ms);
  return [
    {
      name: 'export: receipts exported and verified',
      measured: report.ok ? report.receipts : 0,
      unit: 'receipts',
      budget: count,
      kind: 'exact',
      ...(report.ok
        ? {}
        : {
            note: report.problems
              .slice(0, 3)
              .map((p) => `${p.where}: ${p.message}`)
              .join('; '),
          }),
    },
    {
      name: 'export: exportReceipts invocations (quota model)',
      measured: pages.length,
      unit: 'calls',
      note: `${usage.readUnits} read units, ${usage.calls} storage calls, ${usage.rateLimited} refused with 429`,
    },
    {
      name: 'export: time under the quota model',
      measured: Math.round((totalMs + waitedMs) / 1000),
      unit: 's',
      note: `${Math.round(waitedMs / 1000)} s waiting out 429s (fake clock), ${Math.round(totalMs / 1000)} s working`,
    },
    {
      name: 'export: largest response',
      measured: Math.max(0, ...timings.map((t) => t.bytes)),
      unit: 'bytes',
      budget: RESPONSE_BUDGET_BYTES,
      kind: 'max',
    },
    {
      name: 'export: slowest invocation',
      measured: round(Math.max(0, ...timings.map((t) => t.ms))),
      unit: 'ms',
      budget: INVOCATION_BUDGET_MS,
      kind: 'max',
    },
    {
      name: 'export: total (fetch, assemble, checksum)',
      measured: round(totalMs),
      unit: 'ms',
      note: `JSON ${Math.round(Buffer.byteLength(collected.json) / 1024)} KiB, CSV ${Math.round(Buffer.byteLength(collected.csv) / 1024)} KiB`,
    },
    { name: 'export: offline verification', measured: round(verifyMs), unit: 'ms' },
  ];
}

export async function benchExport(count = EXPORT_BENCH_RECEIPTS): Promise<BenchRow[]> {
  const app = startApp();
  try {
    const salt = 'b'.repeat(64);
    const versions = (await app.ok('getStatementVersions', undefined, admin)).versions;
    // Seeding is not what is measured: it moves the platform clock a minute on every 100 batches so the
    // write quota never refuses it.
    await seedReceipts(
      app.emulator,
      admin,
      salt,
      syntheticChain({ count, installation: JIRA_SITE, product: 'jira', salt, statements: versions }),
      (batch) => {
        if (batch % 100 === 0) app.platformClock.advance(60_000);
      },
    );
    app.platformClock.advance(60_000);
    app.emulator.resetCounters();
    let waitedMs = 0;
    const sleep = async (ms: number) => {
      waitedMs += ms;
      await app.platformClock.sleep(ms);
    };

    const timings: { name: string; ms: number; bytes: number }[] = [];
    const timed = async (name: string, payload?: unknown): Promise<unknown> => {
      const began = performance.now();
      const result = await app.raw(name, payload, admin);
      timings.push({ name, ms: performance.now() - began, bytes: Buffer.byteLength(JSON.stringify(result), 'utf8') });
      return result;
    };
    const calls: ExportCalls = {
      getStatementVersions: () => timed('getStatementVersions') as ReturnType<ExportCalls['getStatementVersions']>,
      exportReceipts: (payload) => timed('exportReceipts', payload) as ReturnType<ExportCalls['exportReceipts']>,
    };

    const began = performance.now();
    const collected = await collectExport(calls, () => undefined, { sleep });
    const totalMs = performance.now() - began;
    const usage = app.emulator.usage();

    const verifyBegan = performance.now();
    const report = verifyExport(collected.json);
    const verifyMs = performance.now() - verifyBegan;

    return exportRows({ count, report, collected, usage, timings, totalMs, waitedMs, verifyMs });
  } finally {
    app.stop();
  }
}

if (require.main === module) {
  const count = Number(process.argv[2] ?? EXPORT_BENCH_RECEIPTS);
  benchExport(count).then(
    (rows) => console.table(rows),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
