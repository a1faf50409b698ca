import { acknowledgmentKey, firstAcknowledgmentKey, receiptKey } from '../inventory';
import type { Clock, IdSource, Store, StoredValue } from '../ports';
import type { Product } from '../product';
import { registerAccount } from '../privacy/registry';
import { appendReceipt } from '../receipts/chain';
import { noticeOf } from '../receipts/notice';
import { acknowledgmentSubject } from '../receipts/receipt';
import { isAcknowledgment, type StoredReceipt } from '../receipts/types';
import type { ShownText } from '../statement/translation';
import type { CompiledStatement } from '../statement/types';
import { installationSalt } from './salt';
import type { AcknowledgmentMarker, FirstMarker } from './types';

export interface AcknowledgeDeps {
  store: Store;
  clock: Clock;
  ids: IdSource;
}

export interface AcknowledgeInput {
  /** The version in force, already checked against what the admin saw. */
  statement: CompiledStatement;
  /** From the trusted invocation context only. */
  accountId: string;
  product: Product;
  installation: string;
  /** The translation the admin read, when it was one (already found in the catalog). */
  shown?: ShownText;
}

export interface AcknowledgeOutcome {
  created: boolean;
  receipt: StoredReceipt;
  marker: AcknowledgmentMarker;
}

/**
 * Records that an administrator acknowledged the version in force:
 * 1. the account's `ack:` marker for that version already exists → nothing to do (idempotent);
 * 2. append a receipt to the chain (write-once sequence claim) — the record itself;
 * 3. write the `ack:` marker and, if nobody was first yet, the version's `first:` marker (both write-once);
 * 4. register the account for personal data reporting (src/domain/privacy/registry.ts; best effort).
 * A failure before step 2 completes writes nothing. A failure in step 3 leaves a complete receipt; retrying
 * finds it at the head of the chain and finishes step 3 without a second receipt.
 */
export async function acknowledge(deps: AcknowledgeDeps, input: AcknowledgeInput): Promise<AcknowledgeOutcome> {
  const { store, clock, ids } = deps;
  const { statement, accountId } = input;
  const version = statement.source.version;
  const markerKey = acknowledgmentKey(version, accountId);

  const existing = await store.get<StoredValue>(markerKey);
  if (existing) {
    const marker = existing as unknown as AcknowledgmentMarker;
    const receipt = await store.get<StoredValue>(receiptKey(marker.seq));
    return { created: false, marker, receipt: receipt as unknown as StoredReceipt };
  }

  const salt = await installationSalt(store, ids);
  const subject = acknowledgmentSubject(salt, accountId);
  const { commitment } = subject;
  const outcome = await appendReceipt(
    store,
    {
      kind: 'acknowledgment',
      receiptId: ids.uuid(),
      notice: noticeOf(statement),
      method: 'admin-page-button',
      product: input.product,
      installation: input.installation,
      at: clock.now().toISOString(),
      subject,
      ...(input.shown ? { shown: input.shown } : {}),
    },
    accountId,
    (head) =>
      isAcknowledgment(head.receipt) &&
      head.receipt.subject.commitment === commitment &&
      head.receipt.notice.version === version,
  );

  const { receipt } = outcome.stored;
  const marker: AcknowledgmentMarker = { seq: receipt.seq, receiptId: receipt.receiptId, at: receipt.at };
  const wroteMarker = await store.putIfAbsent(markerKey, marker as unknown as StoredValue);
  const first: FirstMarker = { version, seq: receipt.seq, accountId, at: receipt.at };
  await store.putIfAbsent(firstAcknowledgmentKey(version), first as unknown as StoredValue);
  // For personal data reporting. Never fails the acknowledgment: the report backfills from `ack:` markers.
  await registerAccount(store, accountId, receipt.at).catch(() => undefined);
  return { created: outcome.appended && wroteMarker, marker, receipt: outcome.stored };
}
