/**
 * The shape of every value the app stores, one decoder per key family of the data inventory. A value read
 * back is checked against its family's shape before the domain uses it (src/domain/records.ts), so a
 * damaged or foreign record is a typed error naming the key, never a crash further on. Objects are
 * checked loosely: a field added by a later version survives a read and a rewrite.
 */
import * as z from 'zod/mini';
import type { ReportProgress } from './privacy/progress';
import type { StoredReceipt } from './receipts/types';

const count = z.number().check(z.int(), z.minimum(0));
const positive = z.number().check(z.int(), z.minimum(1));
const text = z.string();
const nullableText = z.nullable(z.string());

/** A decoder: `parse` answers the value typed as `T`, or the first rule it broke. */
export interface Shape<T> {
  parse(value: unknown): { ok: true; value: T } | { ok: false; problem: string };
}

function shape<T>(schema: z.ZodMiniType): Shape<T> {
  return {
    parse(value) {
      const result = schema.safeParse(value);
      if (result.success) return { ok: true, value: value as T };
      const issue = result.error.issues[0];
      const where = issue?.path.length ? issue.path.map(String).join('.') : 'value';
      return { ok: false, problem: `${where}: ${issue?.message ?? 'does not match'}` };
    },
  };
}

const receiptSchema = z.looseObject({
  receipt: z.looseObject({
    schema: text,
    seq: positive,
    receiptId: text,
    kind: z.enum(['acknowledgment', 'app-installed', 'app-upgraded', 'account-erased']),
    notice: z.looseObject({ statementId: text, version: positive, hash: text, effectiveDate: text }),
    product: z.enum(['jira', 'confluence']),
    installation: text,
    at: text,
    prevHash: text,
    hash: text,
  }),
  accountId: nullableText,
});

/** `ack:` done: this account acknowledged this version; points at its receipt. */
const completeMarker = z.looseObject({ seq: positive, receiptId: text, at: text });
/**
 * `ack:` claimed, receipt not yet confirmed: the first step of an acknowledgment. `claimId` becomes the
 * receipt's id; the receipt, if written, sits after `fromSeq`. A retry finds the claim and finishes it.
 */
const pendingMarker = z.looseObject({ pending: z.literal(true), claimId: text, at: text, fromSeq: count });

const firstMarker = z.looseObject({ version: positive, seq: positive, accountId: nullableText, at: text });
const registryEntry = z.looseObject({ accountId: nullableText, firstSeenAt: text, erasedAt: z.optional(text) });
const accountIndex = z.looseObject({ seq: positive });
const runCounts = z.looseObject({ reported: count, closed: count, updated: count });
const reportProgress = z.looseObject({
  cycleStartedAt: z.optional(nullableText),
  cycleComplete: z.optional(z.boolean()),
  nextSeq: z.optional(positive),
  cyclePeriodSeconds: z.optional(positive),
  notBefore: z.optional(text),
  pendingErasure: z.optional(z.array(positive)),
  cycle: z.optional(runCounts),
  cycleNumber: z.optional(count),
});
const cycleClaim = z.looseObject({ startedAt: text });
const batchClaim = z.looseObject({
  state: z.enum(['sending', 'sent']),
  nextSeq: positive,
  at: text,
  closedSeqs: z.optional(z.array(positive)),
});
const layoutMarker = z.looseObject({ layout: positive, at: text });

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
  erasedAt?: string;
}
export interface AccountIndexRecord {
  seq: number;
}
export interface CycleClaimRecord {
  startedAt: string;
}
export interface BatchClaimRecord {
  state: 'sending' | 'sent';
  /** The registry number after the batch. */
  nextSeq: number;
  at: string;
  /** Registry numbers the API reported closed (set once sent). */
  closedSeqs?: number[];
}
export interface LayoutRecord {
  layout: number;
  at: string;
}

export const SHAPES = {
  receipt: shape<StoredReceipt>(receiptSchema),
  acknowledgment: shape<AckMarkerRecord>(z.union([pendingMarker, completeMarker])),
  firstAcknowledgment: shape<FirstRecord>(firstMarker),
  salt: shape<string>(z.string().check(z.regex(/^[0-9a-f]{64}$/))),
  accountRegistry: shape<RegistryRecord>(registryEntry),
  accountIndex: shape<AccountIndexRecord>(accountIndex),
  privacyReport: shape<Partial<ReportProgress>>(reportProgress),
  privacyCycle: shape<CycleClaimRecord>(cycleClaim),
  privacyBatch: shape<BatchClaimRecord>(batchClaim),
  layout: shape<LayoutRecord>(layoutMarker),
} as const;
