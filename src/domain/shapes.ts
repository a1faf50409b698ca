/**
 * The shape of every value the app stores, one decoder per key family of the data inventory. A value read
 * back is checked against its family's shape before the domain uses it (src/domain/records.ts), so a
 * damaged or foreign record is a typed error naming the key, never a crash further on. Objects are
 * checked loosely: a field added by a later version survives a read and a rewrite.
 */
import * as v from 'valibot';
import type { ReportProgress } from './privacy/progress-record';
import type { StoredReceipt } from './receipts/types';

const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const positive = v.pipe(v.number(), v.integer(), v.minValue(1));
const text = v.string();
const nullableText = v.nullable(v.string());

/** A decoder: `parse` answers the value typed as `T`, or the first rule it broke. */
export interface Shape<T> {
  parse(value: unknown): { ok: true; value: T } | { ok: false; problem: string };
}

function shape<T>(schema: v.GenericSchema): Shape<T> {
  return {
    parse(value) {
      const result = v.safeParse(schema, value, { abortEarly: true });
      if (result.success) return { ok: true, value: value as T };
      const issue = result.issues[0];
      const where = issue.path?.map((item) => String(item.key)).join('.') || 'value';
      // The rule only, never the value received: it may be anything, written by anyone.
      return { ok: false, problem: `${where}: expected ${issue.expected ?? issue.type}` };
    },
  };
}

const receiptSchema = v.looseObject({
  receipt: v.looseObject({
    schema: text,
    seq: positive,
    receiptId: text,
    kind: v.picklist(['acknowledgment', 'app-installed', 'app-upgraded', 'account-erased']),
    notice: v.looseObject({ statementId: text, version: positive, hash: text, effectiveDate: text }),
    product: v.picklist(['jira', 'confluence']),
    installation: text,
    at: text,
    prevHash: text,
    hash: text,
  }),
  accountId: nullableText,
});

/** `ack:` done: this account acknowledged this version; points at its receipt. */
const completeMarker = v.looseObject({ seq: positive, receiptId: text, at: text });
/**
 * `ack:` claimed, receipt not yet confirmed: the first step of an acknowledgment. `claimId` becomes the
 * receipt's id; the receipt, if written, sits after `fromSeq`. A retry finds the claim and finishes it.
 */
const pendingMarker = v.looseObject({ pending: v.literal(true), claimId: text, at: text, fromSeq: count });
/** `step:` the claim's receipt is not at this number (another receipt took it): try `to` next. */
const claimStep = v.looseObject({ to: positive });

const firstMarker = v.looseObject({ version: positive, seq: positive, accountId: nullableText, at: text });
const registryEntry = v.looseObject({
  accountId: nullableText,
  firstSeenAt: text,
  erasing: v.optional(v.boolean()),
  erasedAt: v.optional(text),
});
const accountIndex = v.looseObject({ seq: positive });
const runCounts = v.looseObject({ reported: count, closed: count, updated: count });
const reportProgress = v.looseObject({
  cycleStartedAt: v.optional(nullableText),
  cycleComplete: v.optional(v.boolean()),
  nextSeq: v.optional(positive),
  cyclePeriodSeconds: v.optional(positive),
  notBefore: v.optional(text),
  cycle: v.optional(runCounts),
  cycleNumber: v.optional(count),
});
const cycleClaim = v.looseObject({
  startedAt: text,
  run: v.optional(text),
  state: v.optional(v.picklist(['backfilling', 'open'])),
});
const batchClaim = v.looseObject({
  state: v.picklist(['sending', 'sent', 'released']),
  run: text,
  nextSeq: positive,
  at: text,
  closedSeqs: v.optional(v.array(positive)),
  reported: v.optional(count),
  updated: v.optional(count),
});

export interface CompleteMarker {
  seq: number;
  receiptId: string;
  at: string;
}
export interface PendingMarker {
  pending: true;
  claimId: string;
  at: string;
  fromSeq: number;
}
export interface ClaimStepRecord {
  to: number;
}
export type AckMarkerRecord = CompleteMarker | PendingMarker;
export const isPending = (marker: AckMarkerRecord): marker is PendingMarker => 'pending' in marker;

export interface FirstRecord {
  version: number;
  seq: number;
  accountId: string | null;
  at: string;
}
export interface RegistryRecord {
  accountId: string | null;
  firstSeenAt: string;
  /** Set when an erasure of this account began: a registration racing it takes its index entry back. */
  erasing?: boolean;
  erasedAt?: string;
}
export interface AccountIndexRecord {
  seq: number;
}
/**
 * Report cycle N, claimed once. `backfilling`: the run that claimed it is registering what the registry
 * lacks, and no batch of the cycle is sent until it is `open` (absent means open).
 */
export interface CycleClaimRecord {
  startedAt: string;
  run?: string;
  state?: 'backfilling' | 'open';
}
/**
 * One attempt at one report batch, claimed write-once by one run. `sending`: that run may be sending it;
 * `sent`: Atlassian answered, and the answer's closed accounts are here; `released`: the run stopped
 * without an answer (refused, or none arrived), so the next attempt may send it.
 */
export interface BatchClaimRecord {
  state: 'sending' | 'sent' | 'released';
  /** The run that claimed it (a random id per run). */
  run: string;
  /** The registry number after the batch. */
  nextSeq: number;
  /** When it was claimed (or, once sent, answered). */
  at: string;
  /** Registry numbers the API reported closed (set once sent). */
  closedSeqs?: number[];
  /** Accounts sent and answers `updated` (set once sent). */
  reported?: number;
  updated?: number;
}

export const SHAPES = {
  receipt: shape<StoredReceipt>(receiptSchema),
  acknowledgment: shape<AckMarkerRecord>(v.union([pendingMarker, completeMarker])),
  firstAcknowledgment: shape<FirstRecord>(firstMarker),
  claimStep: shape<ClaimStepRecord>(claimStep),
  salt: shape<string>(v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/))),
  accountRegistry: shape<RegistryRecord>(registryEntry),
  accountIndex: shape<AccountIndexRecord>(accountIndex),
  privacyReport: shape<Partial<ReportProgress>>(reportProgress),
  privacyCycle: shape<CycleClaimRecord>(cycleClaim),
  privacyBatch: shape<BatchClaimRecord>(batchClaim),
} as const;
