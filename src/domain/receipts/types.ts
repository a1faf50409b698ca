import type { Product } from '../product';

/**
 * A receipt, shaped after an ISO/IEC TS 27560 notice receipt: which notice (statement version and the hash
 * of its canonical text) was acknowledged, how, where, when, and by whom (as a salted commitment). Each
 * receipt carries the hash of the one before it: one hash chain per installation.
 */
export const RECEIPT_SCHEMA = 'privacy-panel.receipt/1';

export interface ReceiptNotice {
  statementId: string;
  version: number;
  /** SHA-256 of the statement version's canonical source. */
  hash: string;
  effectiveDate: string;
}

export interface ReceiptBody {
  schema: typeof RECEIPT_SCHEMA;
  /** 1, 2, 3, … with no gaps, per installation. */
  seq: number;
  receiptId: string;
  notice: ReceiptNotice;
  method: 'admin-page-button';
  product: Product;
  /** The installation's ARI (trusted `installContext`). */
  installation: string;
  /** Server time, ISO 8601 UTC. */
  at: string;
  /** SHA-256 over `salt:accountId`; survives erasure of the account ID. */
  subject: { commitment: string };
  /** `hash` of receipt seq - 1; 64 zeros for seq 1. */
  prevHash: string;
}

export interface Receipt extends ReceiptBody {
  /** SHA-256 over the canonical JSON of the body (everything but `hash`). */
  hash: string;
}

/** What one `rcpt:` key holds: the receipt, and beside it the account ID it commits to (erasable). */
export interface StoredReceipt {
  receipt: Receipt;
  /** null once the account was closed and erased. */
  accountId: string | null;
}
