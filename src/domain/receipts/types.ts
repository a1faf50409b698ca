import type { Product } from '../product';
import type { ShownText } from '../statement/translation';

/**
 * A receipt, shaped after an ISO/IEC TS 27560 notice receipt: which notice (statement version and the hash
 * of its canonical text) was in force, what happened, where, when, and (for acknowledgments) by whom, as a
 * salted commitment. Each receipt carries the hash of the one before it: one hash chain per installation,
 * holding acknowledgments and the app's own lifecycle and erasure events in one order.
 */
export const RECEIPT_SCHEMA = 'privacy-panel.receipt/1';

export interface ReceiptNotice {
  statementId: string;
  version: number;
  /** SHA-256 of the statement version's canonical source. */
  hash: string;
  effectiveDate: string;
}

interface ReceiptBase {
  schema: typeof RECEIPT_SCHEMA;
  /** 1, 2, 3, … with no gaps, per installation. */
  seq: number;
  receiptId: string;
  /** The statement version acknowledged, or in force when the event happened. */
  notice: ReceiptNotice;
  product: Product;
  /** The installation's ARI (trusted `installContext`). */
  installation: string;
  /** Server time, ISO 8601 UTC. */
  at: string;
  /** `hash` of receipt seq - 1; 64 zeros for seq 1. */
  prevHash: string;
}

/** Who acknowledged, pseudonymised. */
export interface AcknowledgmentSubject {
  /** SHA-256 over `salt:accountId`; survives erasure of the account ID. */
  commitment: string;
  /**
   * SHA-256 of the installation salt the commitment was made with. Inside the hashed body, so an export
   * whose salt was removed or replaced no longer matches a receipt. Written from 0.2.0 on; receipts of
   * 0.1.x lack it (see docs/receipts.md).
   */
  saltDigest?: string;
}

/** An administrator acknowledged `notice` on the admin page with the explicit button. */
export interface AcknowledgmentBody extends ReceiptBase {
  kind: 'acknowledgment';
  method: 'admin-page-button';
  subject: AcknowledgmentSubject;
  /**
   * The translation the admin read, when it was one: its locale and hash, and the source it translates
   * (`notice` stays the version acknowledged). Absent when the admin read the source text.
   */
  shown?: ShownText;
}

/** Forge reported the app installed, or upgraded to a new major version. */
export interface LifecycleBody extends ReceiptBase {
  kind: 'app-installed' | 'app-upgraded';
  appVersion: string;
}

/** The account IDs beside these receipts were erased because the account was closed. No personal data. */
export interface ErasureBody extends ReceiptBase {
  kind: 'account-erased';
  reason: 'account-closed';
  erasedSeqs: number[];
}

export type ReceiptBody = AcknowledgmentBody | LifecycleBody | ErasureBody;

/** `Omit` that keeps a union a union. */
export type OmitEach<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type ReceiptKind = ReceiptBody['kind'];

/** A body sealed with its hash: SHA-256 over the canonical JSON of the body (everything but `hash`). */
export type Receipt = ReceiptBody & { hash: string };

/** What one `rcpt:` key holds: the receipt, and beside it the account ID it commits to (erasable). */
export interface StoredReceipt {
  receipt: Receipt;
  /** The acknowledging account; null for events and once the account was closed and erased. */
  accountId: string | null;
}

/** Sealed receipts of one kind. */
export type AcknowledgmentReceipt = AcknowledgmentBody & { hash: string };
export const isAcknowledgment = (receipt: Receipt): receipt is AcknowledgmentReceipt =>
  receipt.kind === 'acknowledgment';
