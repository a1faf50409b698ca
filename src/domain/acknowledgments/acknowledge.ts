import { accountIndexKey, acknowledgmentKey, firstAcknowledgmentKey, receiptKey, SALT_KEY } from '../storage/inventory';
import type { Clock, IdSource, Store } from '../platform-ports';
import type { Product } from '../product';
import { registerFrom, registryHead, registryHeadFrom, registryProbeKeys } from '../personal-data/registry';
import { chainHead } from '../receipts/chain';
import { appendClaimedReceipt, type ClaimedAppendOptions } from '../receipts/claimed-append';
import { noticeOf } from '../receipts/notice';
import { acknowledgmentSubject } from '../receipts/receipt';
import type { StoredReceipt } from '../receipts/types';
import { createRecord, pick, readRecord, writeRecord } from '../storage/typed-store';
import type { Backoff, Position } from '../storage/gapless-sequence';
import {
  isPending,
  type AckMarkerRecord,
  type CompleteMarker,
  type FirstRecord,
  type PendingMarker,
  type RegistryRecord,
} from '../storage/stored-shapes';
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
 *    index) beside the chain head;
 * 2. claim `ack:v<version>:<account>` write-once with a pending claim whose id becomes the receipt's id
 *    (and create the salt on an installation's first acknowledgment), beside the registry head when the
 *    account is not registered yet;
 * 3. append the receipt with that id along the claim's path (src/domain/receipts/claimed-append.ts: one
 *    write when nobody else appends at the same moment; a read and a write per race lost, and a step
 *    record when the race moved the claim past its segment);
 * 4. complete the marker, write the version's `first:` marker, register the account (then its index).
 * A retry, a double-click or a concurrent request of the same admin finds the claim and follows the same
 * path, so one admin and one version give one receipt under any interleaving, and a retry's cost does not
 * grow with the receipts appended since. The marker is only ever rewritten from pending to complete, so a
 * finished acknowledgment is never undone. Uncontended: 5 sequential storage round trips.
 */
export async function acknowledge(deps: AcknowledgeDeps, input: AcknowledgeInput): Promise<AcknowledgeOutcome> {
  const { store, clock, ids, backoff } = deps;
  const { statement, accountId } = input;
  const version = statement.source.version;
  const markerKey = acknowledgmentKey(version, accountId);
  const firstKey = firstAcknowledgmentKey(version);
  const indexKey = accountIndexKey(accountId);

  const [found, head] = await Promise.all([store.getMany([markerKey, SALT_KEY, firstKey, indexKey]), chainHead(store)]);
  const existingFirst = pick(found, 'firstAcknowledgment', firstKey);
  let marker: AckMarkerRecord | undefined = pick(found, 'acknowledgment', markerKey);
  let salt = pick(found, 'salt', SALT_KEY);
  let claimedNow = false;
  // Only when the account still needs registering (a retry usually does not): beside the claim.
  const registry = found.has(indexKey) ? undefined : registryStart(store, marker, head);
  let registryAt: Position<RegistryRecord> | undefined;
  void registry?.head.then((at) => (registryAt = at));

  if (!marker) {
    const claim: PendingMarker = {
      pending: true,
      claimId: ids.uuid(),
      at: clock.now().toISOString(),
      fromSeq: head.seq,
    };
    const [won, ensuredSalt] = await Promise.all([
      createRecord(store, 'acknowledgment', markerKey, claim),
      salt ?? createInstallationSalt(store, ids),
      registry?.head,
    ]);
    salt = ensuredSalt;
    claimedNow = won;
    marker = won ? claim : await readRecord(store, 'acknowledgment', markerKey);
    if (!marker) throw new Error('acknowledgment marker vanished after a write conflict');
  }
  const at = marker.at;
  const appended = receiptOf(deps, input, marker, salt, {
    head,
    fresh: claimedNow,
    ...(registry?.probe ? { probe: registry.probe } : {}),
    // A lower bound of the registry head for the next retry: what this call read, else what the head knew.
    registryFrom: () => registryAt?.seq ?? head.value?.registryFrom,
  });
  // Registered once the receipt stands: a refused claim registers nobody, and a crowd that pressed at once
  // reaches the registry in the order the chain spread it out, not all on one number. When the append lost
  // a race, the registry head read beside the claim is stale by then: it is read again.
  const registration = registry?.head
    .then(async (start) => {
      if (!start) return undefined;
      const { losses } = await appended;
      const now = losses > 0 ? await registryHead(store) : start;
      return registerFrom(store, accountId, at, now.seq > start.seq ? now : start, backoff);
    })
    .catch(() => undefined);
  const { receipt, created } = await appended;

  const complete = completeMarkerOf(receipt);
  const ours: FirstRecord = { version, seq: complete.seq, accountId, at: complete.at };
  const [, first] = await Promise.all([
    isPending(marker) ? writeRecord(store, 'acknowledgment', markerKey, complete) : undefined,
    existingFirst ?? firstMarker(store, firstKey, ours),
    registration,
  ]);
  return { created, receipt, marker: complete, first };
}

interface RegistryStart {
  /** The registry head to register from; undefined when it could not be read (registration is skipped). */
  head: Promise<Position<RegistryRecord> | undefined>;
  /** For a retry of a pending claim: the registry read beside the claim's first number, from a hint. */
  probe?: ClaimedAppendOptions['probe'];
}

/**
 * Where a registration starts: a retry of a pending claim reads the registry from the hint the newest
 * receipt carries, in its first read of the chain (no query); anyone else queries the registry head.
 */
function registryStart(
  store: Store,
  marker: AckMarkerRecord | undefined,
  head: Position<StoredReceipt>,
): RegistryStart {
  const query = () => registryHead(store).catch(() => undefined);
  const hint = head.value?.registryFrom;
  if (!marker || !isPending(marker) || hint === undefined) return { head: query() };
  let settle: (at: Promise<Position<RegistryRecord> | undefined>) => void = () => undefined;
  const start = new Promise<Position<RegistryRecord> | undefined>((resolve) => (settle = resolve));
  const seen = (found: ReadonlyMap<string, unknown>) => {
    const at = registryHeadFrom(found, hint);
    settle(at ? Promise.resolve(at) : query());
  };
  return { head: start, probe: { keys: registryProbeKeys(hint), seen } };
}

/** The claim's receipt: appended along the claim's path, or read where the marker says it is. */
async function receiptOf(
  deps: AcknowledgeDeps,
  input: AcknowledgeInput,
  marker: AckMarkerRecord,
  knownSalt: string | undefined,
  start: Pick<ClaimedAppendOptions, 'head' | 'fresh' | 'probe' | 'registryFrom'>,
): Promise<{ receipt: StoredReceipt; created: boolean; losses: number }> {
  const { store, ids, backoff } = deps;
  if (!isPending(marker)) {
    const stored = await readRecord(store, 'receipt', receiptKey(marker.seq));
    if (!stored) throw new Error(`acknowledgment marker points at receipt ${marker.seq}, which is missing`);
    return { receipt: stored, created: false, losses: 0 };
  }
  const salt = knownSalt ?? (await createInstallationSalt(store, ids));
  const outcome = await appendClaimedReceipt(
    store,
    marker,
    {
      kind: 'acknowledgment',
      receiptId: marker.claimId,
      notice: noticeOf(input.statement),
      method: 'admin-page-button',
      product: input.product,
      installation: input.installation,
      at: marker.at,
      subject: acknowledgmentSubject(salt, input.accountId),
      ...(input.shown ? { shown: input.shown } : {}),
    },
    input.accountId,
    { ...start, newest: chainHead, ...(backoff ? { backoff } : {}) },
  );
  return { receipt: outcome.stored, created: outcome.appended, losses: outcome.losses };
}

/** The completed `ack:` marker that points at `stored`. */
export function completeMarkerOf(stored: StoredReceipt): CompleteMarker {
  return { seq: stored.receipt.seq, receiptId: stored.receipt.receiptId, at: stored.receipt.at };
}

/** Writes the version's first marker unless someone was first; the marker that stands. */
export async function firstMarker(store: Store, key: string, ours: FirstRecord): Promise<FirstRecord> {
  if (await createRecord(store, 'firstAcknowledgment', key, ours)) return ours;
  return (await readRecord(store, 'firstAcknowledgment', key)) ?? ours;
}
