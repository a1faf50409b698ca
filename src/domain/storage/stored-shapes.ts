/**
 * The schema of every value the app stores, one per key family of the data inventory, with its type
 * inferred from it. A value read back is checked against its family's schema before the domain uses it
 * (src/domain/storage/typed-store.ts), so a damaged or foreign record is a typed error naming the key, never a crash
 * further on. Reads are lenient (lenient.ts): a field added by a later version survives a read and a
 * rewrite. The receipt's schema is in receipts/types.ts, beside the receipt's other parts.
 */
import * as v from 'valibot';
import { lenient } from './lenient-read';
import { storedReceiptSchema } from '../receipts/types';

const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const positive = v.pipe(v.number(), v.integer(), v.minValue(1));
const text = v.string();
const nullableText = v.nullable(v.string());

/** A decoder: `parse` answers the value typed as `T`, or the first rule it broke. */
export interface Shape<T> {
  parse(value: unknown): { ok: true; value: T } | { ok: false; problem: string };
}

function shape<S extends v.GenericSchema>(schema: S): Shape<v.InferOutput<S>> {
  const reading = lenient(schema);
  return {
    parse(value) {
      const result = v.safeParse(reading, value, { abortEarly: true });
      // The value as stored (a later version's fields kept), typed as the record.
      if (result.success) return { ok: true, value: value as v.InferOutput<S> };
      const issue = result.issues[0];
      const where = issue.path?.map((item) => String(item.key)).join('.') || 'value';
      // The rule only, never the value received: it may be anything, written by anyone.
      return { ok: false, problem: `${where}: expected ${issue.expected ?? issue.type}` };
    },
  };
}

/** `ack:` done: this account acknowledged this version; points at its receipt. */
export const completeMarkerSchema = v.strictObject({ seq: positive, receiptId: text, at: text });
/**
 * `ack:` claimed, receipt not yet confirmed: the first step of an acknowledgment. `claimId` becomes the
 * receipt's id; the receipt, if written, sits after `fromSeq`. A retry finds the claim and finishes it.
 */
export const pendingMarkerSchema = v.strictObject({
  pending: v.literal(true),
  claimId: text,
  at: text,
  fromSeq: count,
});
export const ackMarkerSchema = v.union([pendingMarkerSchema, completeMarkerSchema]);
/** `step:` every number of the claim's segment ending here holds another receipt: the next segment starts at `to`. */
export const claimStepSchema = v.strictObject({ to: positive });
/** `first:` the first acknowledgment of a version. */
export const firstMarkerSchema = v.strictObject({
  version: positive,
  seq: positive,
  accountId: nullableText,
  at: text,
});
/** `salt`: the installation's salt for account commitments, 32 random bytes as hex. */
export const saltSchema = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/));

/** `acct:` one account the app stores data about, under its registry number. */
export const registryEntrySchema = v.strictObject({
  accountId: nullableText,
  firstSeenAt: text,
  /** Set when an erasure of this account began: a registration racing it takes its index entry back. */
  erasing: v.optional(v.boolean()),
  erasedAt: v.optional(text),
});
/** `acctid:` an account's registry number. */
export const accountIndexSchema = v.strictObject({ seq: positive });

export const runCountsSchema = v.strictObject({ reported: count, closed: count, updated: count });
/** `overlapping`: another run is sending this cycle's next batch right now; this one stopped without sending. */
export const runOutcomeSchema = v.picklist([
  'complete',
  'partial',
  'rate-limited',
  'failed',
  'not-due',
  'waiting',
  'overlapping',
]);
/** `privacy:report`: where the report stands. Registry numbers and counts only, never an account ID. */
export const reportProgressSchema = v.strictObject({
  /** When the current (or last) cycle began; null before the first. */
  cycleStartedAt: nullableText,
  /** true once every registry entry was reported in this cycle. */
  cycleComplete: v.boolean(),
  /** The next registry number to report in this cycle. */
  nextSeq: positive,
  cyclePeriodSeconds: positive,
  /** After a 429: no report call before this time. */
  notBefore: v.optional(text),
  /** Totals of the current cycle. */
  cycle: runCountsSchema,
  /** The current (or last) cycle's number: names its write-once cycle and batch claims. */
  cycleNumber: v.optional(count),
  lastRun: v.optional(v.strictObject({ ...runCountsSchema.entries, at: text, outcome: runOutcomeSchema })),
});
/**
 * Report cycle N, claimed once. `backfilling`: the run that claimed it is registering what the registry
 * lacks, and no batch of the cycle is sent until it is `open` (absent means open).
 */
export const cycleClaimSchema = v.strictObject({
  startedAt: text,
  run: v.optional(text),
  state: v.optional(v.picklist(['backfilling', 'open'])),
});
/**
 * One attempt at one report batch, claimed write-once by one run. `sending`: that run may be sending it;
 * `sent`: Atlassian answered, and the answer's closed accounts are here; `released`: the run stopped
 * without an answer (refused, or none arrived), so the next attempt may send it.
 */
export const batchClaimSchema = v.strictObject({
  state: v.picklist(['sending', 'sent', 'released']),
  /** The run that claimed it (a random id per run). */
  run: text,
  /** The registry number after the batch. */
  nextSeq: positive,
  /** When it was claimed (or, once sent, answered). */
  at: text,
  /** Registry numbers the API reported closed (set once sent). */
  closedSeqs: v.optional(v.array(positive)),
  /** Accounts sent and answers `updated` (set once sent). */
  reported: v.optional(count),
  updated: v.optional(count),
});

export type CompleteMarker = v.InferOutput<typeof completeMarkerSchema>;
export type PendingMarker = v.InferOutput<typeof pendingMarkerSchema>;
export type AckMarkerRecord = v.InferOutput<typeof ackMarkerSchema>;
export type ClaimStepRecord = v.InferOutput<typeof claimStepSchema>;
export type FirstRecord = v.InferOutput<typeof firstMarkerSchema>;
export type RegistryRecord = v.InferOutput<typeof registryEntrySchema>;
export type AccountIndexRecord = v.InferOutput<typeof accountIndexSchema>;
export type RunCounts = v.InferOutput<typeof runCountsSchema>;
export type RunOutcome = v.InferOutput<typeof runOutcomeSchema>;
export type ReportProgress = v.InferOutput<typeof reportProgressSchema>;
export type CycleClaimRecord = v.InferOutput<typeof cycleClaimSchema>;
export type BatchClaimRecord = v.InferOutput<typeof batchClaimSchema>;

export const isPending = (marker: AckMarkerRecord): marker is PendingMarker => 'pending' in marker;

export const SHAPES = {
  receipt: shape(storedReceiptSchema),
  acknowledgment: shape(ackMarkerSchema),
  firstAcknowledgment: shape(firstMarkerSchema),
  claimStep: shape(claimStepSchema),
  salt: shape(saltSchema),
  accountRegistry: shape(registryEntrySchema),
  accountIndex: shape(accountIndexSchema),
  // Written field by field as a report goes on: every field may be absent until the first cycle ends.
  privacyReport: shape(v.partial(reportProgressSchema)),
  privacyCycle: shape(cycleClaimSchema),
  privacyBatch: shape(batchClaimSchema),
} as const;
