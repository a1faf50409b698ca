import type { InvocationIdentity } from '../../dev/emulator';
import { sha256Hex } from '../../src/domain/canonical';
import { assembleBundle, sealBundle, serializeBundle, type BundleInput } from '../../toolkit/export/bundle';
import type { ExportBundle } from '../../toolkit/export/format';
import type { ResolverName } from '../../src/contract';
import type { ExportCalls } from '../../static/admin/src/export/collect';
import type { App } from '../support/app';
import { GENESIS_HASH } from '../../src/domain/canonical';
import { acknowledgmentSubject, sealReceipt } from '../../src/domain/receipts/receipt';
import type { ReceiptDraft } from '../../src/domain/receipts/chain';
import type { StoredReceipt } from '../../src/domain/receipts/types';
import type { BundleStatement } from '../../toolkit/export/format';
import { compiled, sampleSource } from '../support/statements';
import { JIRA_SITE } from '../support/app';

/** The export's resolver calls, answered by the real resolvers on the emulator as `identity`. */
export function invokeAs(
  app: App,
  identity: InvocationIdentity,
  log: { name: string; payload: unknown }[] = [],
): ExportCalls {
  const invoke = (name: ResolverName, payload?: unknown) => {
    log.push({ name, payload });
    return app.raw(name, payload, identity);
  };
  return {
    getStatementVersions: () => invoke('getStatementVersions') as ReturnType<ExportCalls['getStatementVersions']>,
    exportReceipts: (payload) => invoke('exportReceipts', payload) as ReturnType<ExportCalls['exportReceipts']>,
  };
}

export const FIXED_NOW = () => new Date('2026-05-04T09:30:00.000Z');

export async function bundleOf(input: BundleInput): Promise<ExportBundle> {
  return sealBundle(assembleBundle(input), sha256Hex);
}

export async function bundleText(input: BundleInput): Promise<string> {
  return serializeBundle(await bundleOf(input));
}

/** Re-serialises an edited bundle the way the exporter lays it out (the checksum is left as it was). */
export const relaid = (bundle: ExportBundle) => serializeBundle(bundle);

export const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

// ---- Hand-built chains (valid hashes), for checks that a plain edit would also trip the hash on ----

export const SALT = 'c0ffee'.repeat(10) + 'abcd';
export const STATEMENTS: BundleStatement[] = [sampleSource(1), sampleSource(2)]
  .map(compiled)
  .map(({ source, hash }) => ({ source, hash }));

const notice = (version: number) => {
  const s = STATEMENTS[version - 1]!;
  return { statementId: s.source.id, version, hash: s.hash, effectiveDate: s.source.effectiveDate };
};

export type Step =
  | { kind: 'installed' | 'upgraded'; version: number }
  | { kind: 'ack'; version: number; account: string; erased?: boolean }
  | { kind: 'erased'; version: number; seqs: number[] }
  | { kind: 'raw'; draft: ReceiptDraft; accountId: string | null };

/** Seals steps into a chain exactly as appendReceipt links it. */
export function chainOf(steps: readonly Step[]): StoredReceipt[] {
  let prevHash = GENESIS_HASH;
  return steps.map((step, i) => {
    const seq = i + 1;
    const common = {
      receiptId: `r-${seq}`,
      product: 'jira' as const,
      installation: JIRA_SITE,
      at: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)).toISOString(),
    };
    let draft: ReceiptDraft;
    let accountId: string | null = null;
    switch (step.kind) {
      case 'installed':
      case 'upgraded':
        draft = {
          ...common,
          notice: notice(step.version),
          kind: step.kind === 'installed' ? 'app-installed' : 'app-upgraded',
          appVersion: `${step.version}.0.0`,
        };
        break;
      case 'ack':
        draft = {
          ...common,
          notice: notice(step.version),
          kind: 'acknowledgment',
          method: 'admin-page-button',
          subject: acknowledgmentSubject(SALT, step.account),
        };
        accountId = step.erased ? null : step.account;
        break;
      case 'erased':
        draft = {
          ...common,
          notice: notice(step.version),
          kind: 'account-erased',
          reason: 'account-closed',
          erasedSeqs: step.seqs,
        };
        break;
      case 'raw':
        draft = { ...step.draft };
        accountId = step.accountId;
        break;
    }
    const receipt = sealReceipt({ ...draft, seq, prevHash });
    prevHash = receipt.hash;
    return { receipt, accountId };
  });
}

/** installed v1, three acknowledgments (one later erased), an erasure, an upgrade, one more acknowledgment. */
export const SAMPLE_STEPS: Step[] = [
  { kind: 'installed', version: 1 },
  { kind: 'ack', version: 1, account: '712020:alice' },
  { kind: 'ack', version: 1, account: '712020:bob', erased: true },
  { kind: 'ack', version: 2, account: '712020:carol' },
  { kind: 'erased', version: 2, seqs: [3] },
  { kind: 'upgraded', version: 2 },
  { kind: 'ack', version: 2, account: '712020:alice' },
];

export function sampleInput(steps: readonly Step[] = SAMPLE_STEPS, salt: string | null = SALT): BundleInput {
  return {
    exportedAt: FIXED_NOW().toISOString(),
    installation: JIRA_SITE,
    product: 'jira',
    salt,
    versions: STATEMENTS,
    receipts: chainOf(steps),
  };
}
