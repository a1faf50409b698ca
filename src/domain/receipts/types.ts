import * as v from 'valibot';
import { PRODUCTS } from '../product';

/**
 * A receipt, shaped after an ISO/IEC TS 27560 notice receipt: which notice (statement version and the hash
 * of its canonical text) was in force, what happened, where, when, and (for acknowledgments) by whom, as a
 * salted commitment. Each receipt carries the hash of the one before it: one hash chain per installation,
 * holding acknowledgments and the app's own lifecycle and erasure events in one order.
 *
 * Each schema here is the record exactly (every object strict): the verifier reads an export with them as
 * they are, and storage reads them leniently (`lenient`, src/domain/storage/lenient-read.ts), so a field added later
 * survives a read and a rewrite. The types are inferred from them.
 */
export const RECEIPT_SCHEMA = 'privacy-panel.receipt/1';

const text = v.string();
const positive = v.pipe(v.number(), v.integer(), v.minValue(1));

export const receiptNoticeSchema = v.strictObject({
  statementId: text,
  version: positive,
  /** SHA-256 of the statement version's canonical source. */
  hash: text,
  effectiveDate: text,
});

/** Who acknowledged, pseudonymised. */
export const acknowledgmentSubjectSchema = v.strictObject({
  /** SHA-256 over `salt:accountId`; survives erasure of the account ID. */
  commitment: text,
  /**
   * SHA-256 of the installation salt the commitment was made with. Inside the hashed body, so an export
   * whose salt was removed or replaced no longer matches a receipt.
   */
  saltDigest: text,
});

/**
 * The translation the admin read, when it was one: its locale and hash, and the source version and hash it
 * translates (older than the version acknowledged when it is stale).
 */
export const shownTextSchema = v.strictObject({
  locale: text,
  hash: text,
  translates: v.strictObject({ version: positive, hash: text }),
});

const receiptBase = {
  schema: v.literal(RECEIPT_SCHEMA),
  /** 1, 2, 3, … with no gaps, per installation. */
  seq: positive,
  receiptId: text,
  /** The statement version acknowledged, or in force when the event happened. */
  notice: receiptNoticeSchema,
  product: v.picklist(PRODUCTS),
  /** The installation's ARI (trusted `installContext`). */
  installation: text,
  /** Server time, ISO 8601 UTC. */
  at: text,
  /** `hash` of receipt seq - 1; 64 zeros for seq 1. */
  prevHash: text,
  /** SHA-256 over the canonical JSON of the body (everything but `hash`). */
  hash: text,
};

/** An administrator acknowledged `notice` on the admin page with the explicit button. */
export const acknowledgmentReceiptSchema = v.strictObject({
  ...receiptBase,
  kind: v.literal('acknowledgment'),
  method: v.literal('admin-page-button'),
  subject: acknowledgmentSubjectSchema,
  /** Absent when the admin read the source text (`notice` stays the version acknowledged). */
  shown: v.optional(shownTextSchema),
});

/** Forge reported the app installed, or upgraded to a new major version. */
export const lifecycleReceiptSchema = v.strictObject({
  ...receiptBase,
  kind: v.picklist(['app-installed', 'app-upgraded']),
  appVersion: text,
});

/** The account IDs beside these receipts were erased because the account was closed. No personal data. */
export const erasureReceiptSchema = v.strictObject({
  ...receiptBase,
  kind: v.literal('account-erased'),
  reason: v.literal('account-closed'),
  erasedSeqs: v.array(positive),
});

/** A receipt of any kind, sealed with its hash. */
export const receiptSchema = v.variant('kind', [
  acknowledgmentReceiptSchema,
  lifecycleReceiptSchema,
  erasureReceiptSchema,
]);

/** What one `rcpt:` key holds: the receipt, and beside it the account ID it commits to (erasable). */
export const storedReceiptSchema = v.strictObject({
  receipt: receiptSchema,
  /** The acknowledging account; null for events and once the account was closed and erased. */
  accountId: v.nullable(v.pipe(v.string(), v.minLength(1))),
  /**
   * A number the account registry had reached when this receipt was written (never ahead of it): where
   * a retry that must still register its account starts reading the registry, in the batch read it makes
   * anyway, instead of a query. Only a hint: absent on older receipts and after an erasure; not exported.
   */
  registryFrom: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
});

/** `Omit` that keeps a union a union. */
export type OmitEach<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export type ReceiptNotice = v.InferOutput<typeof receiptNoticeSchema>;
export type AcknowledgmentSubject = v.InferOutput<typeof acknowledgmentSubjectSchema>;
export type ShownText = v.InferOutput<typeof shownTextSchema>;
export type AcknowledgmentReceipt = v.InferOutput<typeof acknowledgmentReceiptSchema>;
export type LifecycleReceipt = v.InferOutput<typeof lifecycleReceiptSchema>;
export type ErasureReceipt = v.InferOutput<typeof erasureReceiptSchema>;
export type Receipt = v.InferOutput<typeof receiptSchema>;
export type StoredReceipt = v.InferOutput<typeof storedReceiptSchema>;
export type ReceiptKind = Receipt['kind'];

/** A receipt's body: everything its hash covers. */
export type ReceiptBody = OmitEach<Receipt, 'hash'>;
export type AcknowledgmentBody = Omit<AcknowledgmentReceipt, 'hash'>;
export type LifecycleBody = Omit<LifecycleReceipt, 'hash'>;
export type ErasureBody = Omit<ErasureReceipt, 'hash'>;

export const isAcknowledgment = (receipt: Receipt): receipt is AcknowledgmentReceipt =>
  receipt.kind === 'acknowledgment';
