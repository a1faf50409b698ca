/**
 * The schema of the receipt an admin keeps (kept-receipt.ts) and of its chain head, for the verifier. Apart
 * from kept-receipt.ts so that the page, which writes the file, bundles no schema.
 */
import * as v from 'valibot';
import { receiptSchema } from '../../src/domain/receipts/types';
import { hex64 } from '../statement/lock-schema';
import { RECEIPT_FILE_FORMAT } from './format';

export const chainHeadSchema = v.strictObject({
  /** The newest receipt's seq: how many receipts the chain held. */
  seq: v.pipe(v.number(), v.integer(), v.minValue(0)),
  hash: hex64,
});

/**
 * The file as the verifier reads it (strict). Its product is any text and its receipt any kind, so that the
 * verifier names a foreign site or a receipt not in the export itself (PPV-WITNESS-SITE, -MISSING).
 */
export const keptReceiptSchema = v.strictObject({
  format: v.literal(RECEIPT_FILE_FORMAT),
  /** When the page wrote the file, ISO 8601 UTC. */
  keptAt: v.string(),
  installation: v.pipe(v.string(), v.minLength(1)),
  product: v.string(),
  /** The acknowledgment as sealed in the chain (its subject is a commitment: no account ID). */
  receipt: receiptSchema,
  /** The chain head when the file was kept: the receipt itself right after acknowledging, or a newer one. */
  head: chainHeadSchema,
});
