/**
 * Before the claim-first design (issue 10 §3) this bench measured 13 sequential round trips and 13 / 19 /
 * 86.5 / 311.5 calls per acknowledgment at 1 / 5 / 50 / 200 admins. Claim-first, reading on 25 receipts at a
 * time behind a moving head: 8 / 11.2 / 12.9 / 19 (and 31 at 500). Jumping to the newest receipt: flat,
 * about 15 at 200 and at 500.
 *
 * Acknowledgment cost on the emulator: storage calls and read/write units per acknowledgment when 1, 5, 50,
 * 200 and 500 administrators press the button at once, and the sequential storage round trips of one
 * uncontended acknowledgment (the emulator answers each call after a real delay, so calls made together
 * overlap and count as one round trip).
 */
import { ForgeEmulator, type KvsOptions } from '../../dev/emulator';
import type { Result } from '../../src/contract';
import { bundledCatalog, bundledEvidence } from '../../src/platform/bundled-catalog';
import { createResolverHandler } from '../../src/resolvers';
import type { BenchRow } from './types';

const SITE = 'ari:cloud:jira::site/44444444-4444-4444-8444-444444444444';
export const CONTENTION_LEVELS = [1, 5, 50, 200, 500] as const;

interface AckCost {
  calls: number;
  readUnits: number;
  writeUnits: number;
  /** Wall time of the whole burst, in milliseconds. */
  elapsedMs: number;
  failed: number;
}

/** `admins` acknowledgments at once on a fresh installation (one earlier acknowledgment made the salt). */
export async function acknowledgeAtOnce(admins: number, kvs: KvsOptions = {}): Promise<AckCost> {
  const emulator = new ForgeEmulator({ kvs }).install();
  try {
    const handler = createResolverHandler({ catalog: bundledCatalog, evidence: bundledEvidence });
    const current = bundledCatalog.versions[bundledCatalog.versions.length - 1];
    if (!current) throw new Error('the bundled catalog is empty');
    const payload = { version: current.source.version, hash: current.hash };
    const ids = Array.from({ length: admins + 1 }, (_, i) => {
      const accountId = `712020:bench-admin-${String(i).padStart(6, '0')}`;
      emulator.users.set({ accountId, displayName: `Admin ${i}`, admin: { jira: true, confluence: true } });
      return accountId;
    });
    const [first, ...rest] = ids;
    if (first === undefined) throw new Error('no admin');
    await emulator.invoke(handler, 'acknowledge', payload, { installContext: SITE, accountId: first });
    emulator.resetCounters();
    const began = performance.now();
    const results = (await Promise.all(
      rest.map((accountId) => emulator.invoke(handler, 'acknowledge', payload, { installContext: SITE, accountId })),
    )) as Result<unknown>[];
    const elapsedMs = performance.now() - began;
    const usage = emulator.usage();
    return {
      calls: usage.calls / admins,
      readUnits: usage.readUnits / admins,
      writeUnits: usage.writeUnits / admins,
      elapsedMs,
      failed: results.filter((r) => !r.ok).length,
    };
  } finally {
    emulator.uninstall();
  }
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export async function benchContention(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  // Every storage call answers after 500 ms: calls made together overlap, so the call's duration, in
  // half-seconds rounded, counts its sequential round trips (the admin check and the CPU add far less).
  const latencyMs = 500;
  const single = await acknowledgeAtOnce(1, { latencyMs });
  rows.push({
    name: 'acknowledge, uncontended: sequential storage round trips',
    measured: Math.round(single.elapsedMs / latencyMs),
    unit: 'trips',
    budget: 4,
    kind: 'max',
    note: 'the whole resolver call, status read included',
  });
  // O(1) under contention (issue 10 §3): whatever the crowd, at most twice an uncontended acknowledgment.
  let uncontended: number | undefined;
  for (const admins of CONTENTION_LEVELS) {
    const cost = await acknowledgeAtOnce(admins);
    uncontended ??= cost.calls;
    rows.push({
      name: `acknowledge, ${admins} admins at once: calls per acknowledgment`,
      measured: round1(cost.calls),
      unit: 'calls',
      budget: 2 * uncontended,
      kind: 'max',
      note: `${round1(cost.readUnits)} read + ${round1(cost.writeUnits)} write units each, ${Math.round(cost.elapsedMs)} ms in all${cost.failed ? `; ${cost.failed} FAILED` : ''}`,
    });
  }
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
