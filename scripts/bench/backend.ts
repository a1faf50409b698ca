/** Backend figures: the deployable bundle, and storage operations per resolver call on the emulator. */
import fs from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { ForgeEmulator, SAMPLE_ACCOUNTS } from '../../dev/emulator';
import type { ResolverName, Result } from '../../src/contract';
import { createResolverHandler } from '../../src/resolvers';
import { bundledCatalog, bundledEvidence } from '../../dev/harness/bundled-catalog';
import { bundleOffline } from '../../toolkit/forge/offline-checks';
import type { BenchRow } from './types';

const SITE = 'ari:cloud:jira::site/33333333-3333-4333-8333-333333333333';

function storageOps(counters: Record<string, number>): { total: number; reads: number; writes: number } {
  let total = 0;
  let writes = 0;
  for (const [kind, n] of Object.entries(counters)) {
    if (!kind.startsWith('kvs.')) continue;
    total += n;
    if (/set|delete|transaction/i.test(kind)) writes += n;
  }
  return { total, reads: total - writes, writes };
}

export async function benchBackend(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];

  const bundle = await bundleOffline();
  const code = fs.readFileSync(path.join(bundle.outputDir, 'index.cjs'));
  rows.push({ name: 'function bundle index.cjs', measured: Math.round(code.length / 1024), unit: 'KB' });
  rows.push({
    name: 'function bundle index.cjs, gzipped',
    measured: Math.round(gzipSync(code).length / 1024),
    unit: 'KB',
  });
  fs.rmSync(bundle.outputDir, { recursive: true, force: true });

  const emulator = new ForgeEmulator().install();
  const handler = createResolverHandler({ catalog: bundledCatalog, evidence: bundledEvidence });
  const call = async (name: ResolverName, payload: unknown, accountId: string) => {
    emulator.resetCounters();
    const result = await emulator.invoke(handler, name, payload, { installContext: SITE, accountId });
    if (!(result as Result<unknown>).ok) throw new Error(`${name}: ${JSON.stringify(result)}`);
    return storageOps(emulator.counters());
  };
  const current = bundledCatalog.versions.at(-1);
  if (!current) throw new Error('the bundled catalog is empty');
  const ack = { version: current.source.version, hash: current.hash };

  const disclosureEmpty = await call('getDisclosure', {}, SAMPLE_ACCOUNTS.siteAdmin);
  const firstAck = await call('acknowledge', ack, SAMPLE_ACCOUNTS.siteAdmin);
  const secondAck = await call('acknowledge', ack, SAMPLE_ACCOUNTS.jiraAdmin);
  const repeatAck = await call('acknowledge', ack, SAMPLE_ACCOUNTS.jiraAdmin);
  const disclosure = await call('getDisclosure', {}, SAMPLE_ACCOUNTS.siteAdmin);
  emulator.uninstall();

  rows.push({
    name: 'getDisclosure: storage reads (empty site)',
    measured: disclosureEmpty.reads,
    unit: 'ops',
    budget: 2,
    kind: 'max',
  });
  rows.push({
    name: 'getDisclosure: storage reads (acknowledged site)',
    measured: disclosure.reads,
    unit: 'ops',
    budget: 2,
    kind: 'max',
  });
  rows.push({
    name: 'acknowledge, first on the site: reads + writes',
    measured: firstAck.total,
    unit: 'ops',
    note: `${firstAck.reads} reads, ${firstAck.writes} writes (creates the salt)`,
  });
  rows.push({
    name: 'acknowledge, later admin: reads + writes',
    measured: secondAck.total,
    unit: 'ops',
    note: `${secondAck.reads} reads, ${secondAck.writes} writes`,
  });
  rows.push({
    name: 'acknowledge, same admin again (idempotent)',
    measured: repeatAck.total,
    unit: 'ops',
    note: `${repeatAck.reads} reads, ${repeatAck.writes} writes`,
  });
  return rows;
}
