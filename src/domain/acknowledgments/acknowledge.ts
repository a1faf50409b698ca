import {
  accountIndexKey,
  acknowledgmentKey,
  firstAcknowledgmentKey,
  LAYOUT_KEY,
  receiptKey,
  SALT_KEY,
} from '../inventory';
import { adoptLayout } from '../layout';
import type { Clock, IdSource, Store } from '../ports';
import type { Product } from '../product';
import { registerFrom, registryHead } from '../privacy/registry';
import { appendReceipt, chainHead } from '../receipts/chain';
import { noticeOf } from '../receipts/notice';
import { acknowledgmentSubject } from '../receipts/receipt';
import type { StoredReceipt } from '../receipts/types';
import { createRecord, pick, readRecord, writeRecord } from '../records';
import type { Backoff } from '../sequence';
import { isPending, type CompleteMarker, type FirstRecord, type PendingMarker } from '../shapes';
import type { ShownText } from '../statement/translation';
import type { CompiledStatement } from '../statement/types';
import { createInstallationSalt } from './salt';

export interface AcknowledgeDeps {
  store: Store;
  clock: Clock;
  ids: IdSource;
  /** How a writer that lost a sequence number waits; without it, it retries at once. */
  backoff?: Backoff;
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
  /** true when this call appended the receipt. */
  created: boolean;
  receipt: StoredReceipt;
  marker: CompleteMarker;
  /** The first acknowledgment of this version (this one, or an earlier one): the site status. */
  first: FirstRecord;
}

/**
 * Records that an administrator acknowledged the version in force. Claim first, then record, then finish:
 * 1. one batch read (the account's marker, the salt, the version's first marker, the account's registry
 *    index, the layout) beside the chain and registry heads;
 * 2. claim `ack:v<version>:<account>` write-once with a pending claim whose id becomes the receipt's id
 *    (and create the salt on an installation's first acknowledgment);
 * 3. append the receipt with that id (one write when nobody else appends at the same moment; far behind a
 *    busy head, one query to jump ahead, unless a second attempt of the same claim has marked it contested);
 * 4. complete the marker, write the version's `first:` marker, register the account.
 * A retry, a double-click or a concurrent request of the same admin finds the claim and finishes whatever
 * step is missing: the receipt is found by its id wherever the head has moved, so one admin and one version
 * give one receipt under any interleaving. Uncontended: 4 sequential storage round trips.
 */
export async function acknowledge(deps: AcknowledgeDeps, input: AcknowledgeInput): Promise<AcknowledgeOutcome> {
  const { store, clock, ids } = deps;
  const { backoff } = deps;
  const { statement, accountId } = input;
  const version = statement.source.version;
  const markerKey = acknowledgmentKey(version, accountId);
  const firstKey = firstAcknowledgmentKey(version);
  const indexKey = accountIndexKey(accountId);

  const [found, head, registry] = await Promise.all([
    store.getMany([markerKey, SALT_KEY, firstKey, indexKey, LAYOUT_KEY]),
    chainHead(store),
    registryHead(store),
  ]);
  if (!found.has(LAYOUT_KEY) && (await adoptLayout(store, clock))) return acknowledge(deps, input);
  const registered = found.has(indexKey);
  const existingFirst = pick(found, 'firstAcknowledgment', firstKey);
  let marker = pick(found, 'acknowledgment', markerKey);
  let salt = pick(found, 'salt', SALT_KEY);
  let registration: Promise<unknown> = Promise.resolve();
  let claimedNow = false;

  if (!marker) {
    const claim: PendingMarker = {
      pending: true,
      claimId: ids.uuid(),
      at: clock.now().toISOString(),
      fromSeq: head.seq,
    };
    const claiming = Promise.all([
      createRecord(store, 'acknowledgment', markerKey, claim),
      salt ?? createInstallationSalt(store, ids),
    ]);
    const [won, ensuredSalt] = await claiming;
    salt = ensuredSalt;
    claimedNow = won;
    marker = won ? claim : await readRecord(store, 'acknowledgment', markerKey);
    if (!marker) throw new Error('acknowledgment marker vanished after a write conflict');
  }

  let receipt: StoredReceipt;
  let created = false;
  if (isPending(marker)) {
    salt ??= await createInstallationSalt(store, ids);
    const claimId = marker.claimId;
    if (!claimedNow && !marker.contested) {
      // Another attempt of this claim may still be appending: make it read every receipt from now on.
      marker = { ...marker, contested: true };
      await writeRecord(store, 'acknowledgment', markerKey, marker);
    }
    const appending = appendReceipt(
      store,
      {
        kind: 'acknowledgment',
        receiptId: marker.claimId,
        notice: noticeOf(statement),
        method: 'admin-page-button',
        product: input.product,
        installation: input.installation,
        at: marker.at,
        subject: acknowledgmentSubject(salt, accountId),
        ...(input.shown ? { shown: input.shown } : {}),
      },
      accountId,
      {
        from: claimedNow ? head : { seq: marker.fromSeq },
        fresh: claimedNow,
        ...(backoff ? { backoff } : {}),
        mayJump: async () => {
          const now = await readRecord(store, 'acknowledgment', markerKey);
          return now !== undefined && isPending(now) && now.claimId === claimId && now.contested !== true;
        },
      },
    );
    // Registered beside the receipt, once the claim stands: a refused claim registers nobody.
    if (!registered) registration = registerFrom(store, accountId, marker.at, registry, backoff).catch(() => undefined);
    const outcome = await appending;
    receipt = outcome.stored;
    created = outcome.appended;
  } else {
    const stored = await readRecord(store, 'receipt', receiptKey(marker.seq));
    if (!stored) throw new Error(`acknowledgment marker points at receipt ${marker.seq}, which is missing`);
    receipt = stored;
    if (!registered) registration = registerFrom(store, accountId, marker.at, registry, backoff).catch(() => undefined);
  }

  const complete: CompleteMarker = {
    seq: receipt.receipt.seq,
    receiptId: receipt.receipt.receiptId,
    at: receipt.receipt.at,
  };
  const ours: FirstRecord = { version, seq: complete.seq, accountId, at: complete.at };
  const [, first] = await Promise.all([
    isPending(marker) ? writeRecord(store, 'acknowledgment', markerKey, complete) : undefined,
    existingFirst ?? firstMarker(store, firstKey, ours),
    registration,
  ]);
  return { created, receipt, marker: complete, first };
}

/** Writes the version's first marker unless someone was first; the marker that stands. */
async function firstMarker(store: Store, key: string, ours: FirstRecord): Promise<FirstRecord> {
  if (await createRecord(store, 'firstAcknowledgment', key, ours)) return ours;
  return (await readRecord(store, 'firstAcknowledgment', key)) ?? ours;
}
