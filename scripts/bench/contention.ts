/**
 * Acknowledgment cost on the emulator, in emulated time (dev/harness/crowd.ts): the sequential storage round
 * trips of one acknowledgment; storage calls and units per acknowledgment when 1 to 500 administrators press
 * the button at once, with instant storage and with 20 ms per storage call; what a retry and a read cost
 * after 1,000 receipts, against a fresh acknowledgment; and a burst of 500 under the published quotas while
 * members load the page.
 */
import { kvs, WhereConditions } from '@forge/kvs';
import { ForgeEmulator, PUBLISHED_QUOTAS, SAMPLE_ACCOUNTS, type KvsOptions } from '../../dev/emulator';
import { runCrowd } from '../../dev/harness/crowd';
import type { Result } from '../../src/contract';
import { acknowledgmentKey, KEY_FAMILIES } from '../../src/domain/storage/inventory';
import type { StoredReceipt } from '../../src/domain/receipts/types';
import { bundledCatalog, bundledEvidence } from '../../dev/harness/bundled-catalog';
import { createResolverHandler } from '../../src/resolvers';
import type { BenchRow } from './types';

const SITE = 'ari:cloud:jira::site/45454545-4545-4545-8545-454545454545';
export const CONTENTION_LEVELS = [1, 5, 50, 200, 500] as const;
const LATENCY_MS = 20;
const round1 = (n: number) => Math.round(n * 10) / 10;

async function crowdRows(kvsOptions: KvsOptions, label: string): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  let uncontended: number | undefined;
  for (const admins of CONTENTION_LEVELS) {
    const cost = await runCrowd({ admins, kvs: kvsOptions });
    uncontended ??= cost.callsPerAdmin;
    rows.push({
      name: `acknowledge, ${admins} admins at once${label}: calls per acknowledgment`,
      measured: round1(cost.callsPerAdmin),
      unit: 'calls',
      budget: 2 * uncontended,
      kind: 'max',
      note: `${round1(cost.readUnitsPerAdmin)} read + ${round1(cost.writeUnitsPerAdmin)} write units each, ${round1(cost.emulatedMs / 1000)} s emulated, longest call ${round1(cost.longestCallMs / 1000)} s, ${cost.retries} retried calls${cost.unfinished ? `; ${cost.unfinished} FAILED` : ''}${cost.oneEach ? '' : '; DUPLICATE RECEIPTS'}`,
    });
  }
  return rows;
}

interface Cost {
  calls: number;
  readUnits: number;
}

/** What a fresh acknowledgment, two kinds of retry and a healing read cost once 1,000 receipts follow the claim. */
async function afterManyReceipts(receipts: number): Promise<{ fresh: Cost; lost: Cost; landed: Cost; read: Cost }> {
  const emulator = new ForgeEmulator({ kvs: { queryLimitMax: 20 } }).install();
  try {
    const handler = createResolverHandler({ catalog: bundledCatalog, evidence: bundledEvidence });
    const current = bundledCatalog.versions.at(-1);
    if (!current) throw new Error('the bundled catalog is empty');
    const payload = { version: current.source.version, hash: current.hash };
    const person = (name: string) => {
      const accountId = `712020:retry-${name}`;
      emulator.users.set({ accountId, displayName: name, admin: { jira: true, confluence: true } });
      return accountId;
    };
    const call = async (name: string, body: unknown, accountId: string): Promise<Cost> => {
      emulator.resetCounters();
      const result = (await emulator.invoke(handler, name, body, {
        installContext: SITE,
        accountId,
      })) as Result<unknown>;
      if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
      const usage = emulator.usage();
      return { calls: usage.calls, readUnits: usage.readUnits };
    };
    const inSite = <T>(fn: () => Promise<T>) => emulator.run({ installContext: SITE }, fn);
    const markerOf = (accountId: string) => acknowledgmentKey(current.source.version, accountId);
    await call('acknowledge', payload, SAMPLE_ACCOUNTS.siteAdmin);

    // Lost: the claim was written, then its request died before the receipt (no receipt, no registration).
    const lost = person('lost');
    const head = await inSite(() =>
      kvs
        .query()
        .where('key', WhereConditions.beginsWith(KEY_FAMILIES.receipt.prefix))
        .limit(1)
        .getMany<StoredReceipt>(),
    );
    const fromSeq = head.results[0]?.value.receipt.seq ?? 0;
    await inSite(() =>
      kvs.set(markerOf(lost), {
        pending: true,
        claimId: '7d1c2f0e-0000-4000-8000-00000000a001',
        at: new Date().toISOString(),
        fromSeq,
      }),
    );
    // Landed: the receipt was written and its answer lost, so the marker still says pending.
    const landed = person('landed');
    const reader = person('reader');
    await call('acknowledge', payload, landed);
    await call('acknowledge', payload, reader);
    for (const accountId of [landed, reader]) {
      const marker = await inSite(() => kvs.get<{ seq: number; receiptId: string; at: string }>(markerOf(accountId)));
      if (!marker) throw new Error('the acknowledgment left no marker');
      await inSite(() =>
        kvs.set(markerOf(accountId), {
          pending: true,
          claimId: marker.receiptId,
          at: marker.at,
          fromSeq: marker.seq - 1,
        }),
      );
    }
    for (let i = 0; i < receipts; i += 1) await call('acknowledge', payload, person(`crowd-${i}`));
    const fresh = await call('acknowledge', payload, person('fresh'));
    return {
      fresh,
      lost: await call('acknowledge', payload, lost),
      landed: await call('acknowledge', payload, landed),
      read: await call('getDisclosure', {}, reader),
    };
  } finally {
    emulator.uninstall();
  }
}

export async function benchContention(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  // Every storage call takes 500 emulated ms: calls made together overlap, so the call's duration in
  // half-seconds counts its sequential round trips.
  const single = await runCrowd({ admins: 1, kvs: { latencyMs: 500 } });
  rows.push({
    name: 'acknowledge, uncontended: sequential storage round trips',
    measured: Math.round(single.emulatedMs / 500),
    unit: 'trips',
    budget: 5,
    kind: 'max',
    note: 'the whole resolver call, status included; the registration follows the receipt',
  });
  rows.push(...(await crowdRows({}, '')));
  rows.push(...(await crowdRows({ latencyMs: LATENCY_MS }, `, ${LATENCY_MS} ms a storage call`)));

  const after = 1000;
  const cost = await afterManyReceipts(after);
  const retryRow = (name: string, measured: Cost, note: string): BenchRow[] => [
    {
      name: `${name} after ${after} receipts: calls`,
      measured: measured.calls,
      unit: 'calls',
      budget: cost.fresh.calls,
      kind: 'max',
      note,
    },
    {
      name: `${name} after ${after} receipts: read units`,
      measured: measured.readUnits,
      unit: 'units',
      budget: cost.fresh.readUnits,
      kind: 'max',
    },
  ];
  rows.push(...retryRow('acknowledge, fresh', cost.fresh, 'each row below is budgeted at exactly this cost'));
  rows.push(
    ...retryRow('acknowledge, retry of a claim whose receipt never landed', cost.lost, 'one step, then the head'),
  );
  rows.push(...retryRow('acknowledge, retry of a claim whose receipt landed', cost.landed, 'found by its claim path'));
  rows.push(
    ...retryRow('getDisclosure healing a claim whose receipt landed', cost.read, 'status right after this read'),
  );

  const burst = await runCrowd({
    admins: 500,
    members: 20,
    memberEveryMs: 3_000,
    kvs: { quotas: PUBLISHED_QUOTAS, queryLimitMax: 20, latencyMs: LATENCY_MS },
  });
  const burstNote = `${PUBLISHED_QUOTAS.readUnitsPerMinute} read / ${PUBLISHED_QUOTAS.writeUnitsPerMinute} write units a minute, ${LATENCY_MS} ms a call, 20 members every 3 s`;
  rows.push({
    name: 'burst of 500 admins under the quotas: emulated time to the last acknowledgment',
    measured: round1(burst.emulatedMs / 1000),
    unit: 's',
    budget: 180,
    kind: 'max',
    note: `${burstNote}; ${burst.unfinished} unfinished, ${burst.retries} retried calls, ${round1(burst.callsPerAdmin)} calls each${burst.oneEach ? '' : '; DUPLICATE RECEIPTS'}`,
  });
  rows.push({
    name: "burst of 500 admins under the quotas: members' page loads that failed",
    measured: burst.memberFailures,
    unit: 'loads',
    budget: 0,
    kind: 'max',
    note: `of ${burst.memberReads}; ${burst.memberUnavailable} had the statement with status unavailable`,
  });
  return rows;
}

if (require.main === module) {
  benchContention().then(
    (rows) => console.table(rows),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
